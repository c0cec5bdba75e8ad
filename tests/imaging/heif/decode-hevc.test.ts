// The libheif-js decoder on its own: the size check comes before libheif allocates anything,
// a codec it lacks is reported as such, and no path leaks a handle (its WebAssembly memory
// would grow with every file of a long upload).
import { describe, expect, it, vi } from 'vitest';
import { decodeHevcPrimary, type PixelTarget } from '../../../src/imaging/heif/decode-hevc';
import { libheifMemoryBytes } from '../../../src/imaging/heif/libheif-instance';
import { cameraJpeg } from '../../cli/wild-camera';
import { heifEnc, withClaimedSize } from '../../support/heif-tools';
import { codeOf, noise } from '../helpers';

const intoNewBuffer: PixelTarget = ({ width, height, channels }) => ({
  buffer: Buffer.alloc(width * height * channels),
  offset: 0,
});

describe('decodeHevcPrimary', () => {
  it('decodes the primary image into the buffer it is given, at its offset', async () => {
    const heic = await heifEnc([await cameraJpeg([64, 48], 1)]);
    const target = vi.fn(({ width, height, channels }) => ({
      buffer: Buffer.alloc(10 + width * height * channels, 7),
      offset: 10,
    }));
    const pixels = await decodeHevcPrimary(heic, 100_000_000, target);
    expect(target).toHaveBeenCalledWith({ width: 64, height: 48, channels: 3 });
    expect([...pixels.subarray(0, 10)]).toEqual(new Array(10).fill(7));
    // Top-left is the red quarter of the pattern.
    expect(pixels[10]).toBeGreaterThan(200);
  });

  it('refuses an image over the limit before asking for memory or decoding', async () => {
    const bomb = withClaimedSize(await heifEnc([await cameraJpeg([64, 48], 1)]), 20_000, 20_000);
    const target = vi.fn(intoNewBuffer);
    const promise = decodeHevcPrimary(bomb, 100_000_000, target);
    expect(await codeOf(promise)).toBe('IMAGE_TOO_LARGE');
    await expect(promise).rejects.toThrow(/20000 × 20000 pixels \(400 megapixels\)/);
    expect(target).not.toHaveBeenCalled();
  });

  it('says a codec it lacks (AV1) cannot be read, and what to do', async () => {
    const avif = await heifEnc([await cameraJpeg([64, 48], 1)], { avif: true });
    const promise = decodeHevcPrimary(avif, 100_000_000, intoNewBuffer);
    expect(await codeOf(promise)).toBe('UNSUPPORTED_TYPE');
    await expect(promise).rejects.toThrow(/Export it as JPEG/);
  });

  it('frees everything: many decodes, good and bad, leave its memory where one left it', async () => {
    // Noise compresses badly: a context that kept this file's copy would show.
    const heic = await heifEnc([await noise(600, 400).jpeg({ quality: 95 }).toBuffer()]);
    expect(heic.length).toBeGreaterThan(100_000);
    const files = [
      heic,
      heic.subarray(0, heic.length >> 1),
      withClaimedSize(heic, 20_000, 20_000),
      Buffer.from('not a HEIF file at all'),
    ];
    const decodeAll = () =>
      Promise.all(
        files.map((file) => decodeHevcPrimary(file, 100_000_000, intoNewBuffer).catch(String)),
      );
    await decodeAll();
    const settled = await libheifMemoryBytes();
    // A leaked context keeps the file (over 100 KB), a leaked image 720 KB, each round.
    for (let round = 0; round < 60; round++) await decodeAll();
    expect(await libheifMemoryBytes()).toBe(settled);
  });
});
