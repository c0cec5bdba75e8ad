// The uncompressed TIFF that hands libheif's pixels to sharp: read back exactly (lossless), with
// its alpha channel and its ICC profile, at widths and heights that do not divide into strips.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { allocateRgbTiff } from '../../../src/imaging/heif/rgb-tiff';

function filled(width: number, height: number, channels: 3 | 4, icc?: Buffer) {
  const { buffer, offset } = allocateRgbTiff(width, height, channels, icc);
  const pixels = buffer.subarray(offset);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7 + (i >> 10)) & 0xff;
  return { tiff: buffer, pixels };
}

describe('allocateRgbTiff', () => {
  it.each([
    [1, 1, 3],
    [333, 77, 3],
    [1001, 997, 4],
    [9000, 3, 3],
  ] as const)(
    'is read back by sharp pixel for pixel: %i × %i, %i channels',
    async (width, height, channels) => {
      const { tiff, pixels } = filled(width, height, channels);
      const { data, info } = await sharp(tiff, { failOn: 'error' })
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect([info.width, info.height, info.channels]).toEqual([width, height, channels]);
      expect(data.equals(pixels)).toBe(true);
    },
  );

  it('carries an ICC profile, untouched, for sharp to convert through', async () => {
    const p3 = (await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
      .withIccProfile('p3')
      .png()
      .toBuffer()) as Buffer;
    const icc = (await sharp(p3).metadata()).icc!;
    const { tiff } = filled(5, 5, 3, icc);
    const meta = await sharp(tiff).metadata();
    expect(meta.icc).toEqual(icc);
    // Shown as stored: libheif has already applied the container's rotation.
    expect(meta.orientation ?? 1).toBe(1);
  });
});
