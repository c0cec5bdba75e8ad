// The per-thread libheif instance: loaded once and reused while it only ever reports verdicts on
// files; replaced after anything else goes wrong inside it, since its memory may be corrupt.
import { describe, expect, it } from 'vitest';
import { withLibheif } from '../../../src/imaging/heif/libheif-instance';
import { imageErrors } from '../../../src/imaging/image-errors';

const instance = () => withLibheif((lib) => lib);

describe('withLibheif', () => {
  it('reuses one instance, also after a coded error about a file', async () => {
    const first = await instance();
    expect(first.heif_get_version()).toBe('1.23.2');
    await expect(
      withLibheif(() => {
        throw imageErrors.corrupt();
      }),
    ).rejects.toMatchObject({ code: 'CORRUPT_IMAGE' });
    expect(await instance()).toBe(first);
  });

  it('replaces the instance after any other failure inside it', async () => {
    const before = await instance();
    // What a WebAssembly trap (an abort, an out-of-bounds access) looks like from JavaScript.
    const trap = new WebAssembly.RuntimeError('memory access out of bounds');
    await expect(
      withLibheif(() => {
        throw trap;
      }),
    ).rejects.toBe(trap);
    const after = await instance();
    expect(after).not.toBe(before);
    expect(after.heif_get_version()).toBe('1.23.2');
  });
});
