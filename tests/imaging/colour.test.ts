// Colour conversion: whatever the source (CMYK, 16-bit, wide gamut, transparent), the stored
// image is 8-bit sRGB that shows the same colours in a browser.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processImage } from '../../src/imaging';
import { near, pixelAt, solid, type Rgb } from './helpers';

const BRICK: Rgb = [204, 51, 17]; // #cc3311

async function rawPixel(image: Buffer): Promise<Rgb> {
  const raw = await sharp(image).raw().toBuffer();
  return [raw[0] ?? -1, raw[1] ?? -1, raw[2] ?? -1];
}

async function expectPlainSrgb(image: Buffer): Promise<void> {
  const meta = await sharp(image).metadata();
  expect(meta.space).toBe('srgb');
  expect(meta.depth).toBe('uchar');
  expect(meta.icc).toBeUndefined();
}

describe('colour', () => {
  it('converts a CMYK JPEG to 8-bit sRGB', async () => {
    const cmyk = await solid(320, 240, '#cc3311').toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');

    const result = await processImage(cmyk);
    expect(result.original.contentType).toBe('image/jpeg');
    await expectPlainSrgb(result.original.data);
    expect((await sharp(result.original.data).metadata()).channels).toBe(3);
    // A CMYK round trip is not exact, but the colour must stay recognisably the same.
    expect(near(await rawPixel(result.original.data), BRICK, 40)).toBe(true);
    expect(near(await rawPixel(result.thumbnail.data), BRICK, 40)).toBe(true);
  });

  it('converts a CMYK JPEG with an embedded profile through that profile', async () => {
    const cmyk = await solid(64, 64, '#cc3311')
      .toColourspace('cmyk')
      .withIccProfile('cmyk')
      .jpeg({ quality: 95 })
      .toBuffer();
    // The colour the embedded profile gives, as lcms renders it (lcms 2.20 lands ~17 bluer than
    // 2.19 did on this profile); a conversion that ignored the profile would be far from it.
    const throughProfile = await pixelAt(
      await sharp(cmyk).toColourspace('srgb').png().toBuffer(),
      32,
      32,
    );
    expect(near(throughProfile, BRICK, 24)).toBe(true);
    for (const keepMetadata of [false, true]) {
      const result = await processImage(cmyk, { keepMetadata, format: 'webp' });
      const meta = await sharp(result.original.data).metadata();
      expect(meta.space).toBe('srgb');
      // A CMYK profile cannot describe RGB pixels, so it is never kept.
      expect(meta.icc?.toString('latin1', 16, 20)).not.toBe('CMYK');
      expect(near(await pixelAt(result.original.data, 32, 32), throughProfile, 8)).toBe(true);
    }
  });

  it('reduces a 16-bit PNG to 8 bits', async () => {
    const deep = await solid(320, 240, '#cc3311').toColourspace('rgb16').png().toBuffer();
    expect((await sharp(deep).metadata()).depth).toBe('ushort');

    const result = await processImage(deep);
    expect(result.original.contentType).toBe('image/png');
    await expectPlainSrgb(result.original.data);
    expect(near(await rawPixel(result.original.data), BRICK, 2)).toBe(true);
  });

  it('converts a 16-bit wide-gamut PNG to sRGB instead of dropping its profile', async () => {
    // 16-bit Display P3: the case where sharp, left to its defaults, keeps the raw P3 values
    // and drops the profile, which washes the colours out.
    const p3 = await solid(64, 64, '#cc3311')
      .toColourspace('rgb16')
      .withIccProfile('p3')
      .png()
      .toBuffer();
    const result = await processImage(p3, { format: 'jpeg', quality: 95 });
    await expectPlainSrgb(result.original.data);
    expect(near(await rawPixel(result.original.data), BRICK, 10)).toBe(true);
    expect(near(await rawPixel(result.thumbnail.data), BRICK, 10)).toBe(true);
  });

  it('keeps grey images grey', async () => {
    const grey = await solid(64, 64, '#808080').toColourspace('grey16').png().toBuffer();
    const result = await processImage(grey);
    const [r, g, b] = await rawPixel(result.original.data);
    expect(Math.abs(r - 128)).toBeLessThanOrEqual(2);
    expect([g, b]).toEqual([r, r]);
  });

  it('puts transparent areas on white when converting to JPEG', async () => {
    const clear = await solid(64, 64, '#ff000000', 4).png().toBuffer();
    const result = await processImage(clear, { format: 'jpeg' });
    expect(near(await rawPixel(result.original.data), [255, 255, 255], 2)).toBe(true);
    // WebP keeps the transparency.
    const thumb = await sharp(result.thumbnail.data).raw().toBuffer({ resolveWithObject: true });
    expect(thumb.info.channels).toBe(4);
    expect(thumb.data[3]).toBe(0);
  });
});
