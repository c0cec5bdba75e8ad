// Photos whose camera stored them sideways or mirrored, with an EXIF orientation tag saying how
// to show them: the output must be upright and carry no orientation tag.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processImage } from '../../src/imaging';
import { near, pixelAt, type Rgb } from './helpers';

const W = 300;
const H = 200;
const RED: Rgb = [255, 0, 0];
const GREEN: Rgb = [0, 255, 0];
const WHITE: Rgb = [255, 255, 255];

/** The upright picture: white, a red block top-left and a green block bottom-right. */
function uprightColour(x: number, y: number): Rgb {
  if (x < 100 && y < 70) return RED;
  if (x >= 200 && y >= 130) return GREEN;
  return WHITE;
}

/**
 * Where stored pixel (x, y) is shown for each EXIF orientation (TIFF 6.0 / EXIF 2.3: which
 * side row 0 and column 0 go to). Written out per tag rather than with sharp's rotate/flip, so
 * the fixture does not depend on the code under test.
 */
const DISPLAYED: Record<number, (x: number, y: number) => [number, number]> = {
  1: (x, y) => [x, y],
  2: (x, y) => [W - 1 - x, y],
  3: (x, y) => [W - 1 - x, H - 1 - y],
  4: (x, y) => [x, H - 1 - y],
  5: (x, y) => [y, x],
  6: (x, y) => [W - 1 - y, x],
  7: (x, y) => [W - 1 - y, H - 1 - x],
  8: (x, y) => [y, H - 1 - x],
};

/** A JPEG whose stored pixels, shown per its orientation tag, are the upright picture. */
async function orientedJpeg(orientation: number): Promise<Buffer> {
  const sideways = orientation >= 5;
  const width = sideways ? H : W;
  const height = sideways ? W : H;
  const pixels = Buffer.alloc(width * height * 3);
  const display = DISPLAYED[orientation]!;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [dx, dy] = display(x, y);
      uprightColour(dx, dy).forEach((value, c) => (pixels[(y * width + x) * 3 + c] = value));
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .withMetadata({ orientation })
    .toBuffer();
}

describe('EXIF orientation', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('shows orientation %i upright', async (orientation) => {
    const input = await orientedJpeg(orientation);
    expect((await sharp(input).metadata()).orientation).toBe(orientation);

    const result = await processImage(input, { keepMetadata: orientation % 2 === 0 });
    expect([result.original.width, result.original.height]).toEqual([W, H]);
    const out = result.original.data;
    expect((await sharp(out).metadata()).orientation).toBeUndefined();
    expect(near(await pixelAt(out, 20, 20), RED)).toBe(true);
    expect(near(await pixelAt(out, W - 20, H - 20), GREEN)).toBe(true);
    expect(near(await pixelAt(out, W - 20, 20), WHITE)).toBe(true);
    expect(near(await pixelAt(out, 20, H - 20), WHITE)).toBe(true);

    // The thumbnail is the same way up (300x200 fits inside 400, so same coordinates).
    const thumb = result.thumbnail.data;
    expect([result.thumbnail.width, result.thumbnail.height]).toEqual([W, H]);
    expect(near(await pixelAt(thumb, 20, 20), RED)).toBe(true);
    expect(near(await pixelAt(thumb, W - 20, H - 20), GREEN)).toBe(true);
  });
});
