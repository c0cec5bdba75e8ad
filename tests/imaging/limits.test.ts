// Size limits: decompression bombs are refused from their header without decoding, oversized
// files and animations are refused, and bad settings are reported, not passed to the encoder.
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDeflate } from 'node:zlib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { processImage } from '../../src/imaging';
import { codeOf, solid, useTempDir } from './helpers';
import { pngChunk } from '../support/png-chunk';

const tmp = useTempDir();

/**
 * A complete, valid 1-bit greyscale PNG of width x height, all black. The rows compress to
 * almost nothing, so a 900-megapixel image fits in about 100 KB: a real decompression bomb.
 */
async function pngBomb(width: number, height: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const row = Buffer.alloc(1 + Math.ceil(width / 8)); // filter byte + packed pixels
  for (let y = 0; y < height; y++) deflate.write(row);
  deflate.end();
  await done;

  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth; colour type 0 (grey), default compression/filter/interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', Buffer.concat(parts)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('pixel bombs', () => {
  let bombPath = '';

  beforeAll(async () => {
    bombPath = path.join(tmp(), 'bomb.png');
    await writeFile(bombPath, await pngBomb(30_000, 30_000));
  });

  it('is a small file that declares 900 megapixels', async () => {
    const meta = await sharp(bombPath, { limitInputPixels: false }).metadata();
    expect([meta.width, meta.height]).toEqual([30_000, 30_000]);
    expect((await stat(bombPath)).size).toBeLessThan(1_000_000);
  });

  it('is refused without decoding, using little memory', async () => {
    const before = process.memoryUsage().rss;
    const error = processImage(bombPath);
    expect(await codeOf(error)).toBe('IMAGE_TOO_LARGE');
    await expect(error).rejects.toThrow(/30000 × 30000 pixels/);
    // Decoding it would need 900 MB at one byte per pixel.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 2 ** 20);
  });

  it('honours a lower maxInputPixels', async () => {
    const image = await solid(2000, 1000, '#336699').png().toBuffer();
    expect(await codeOf(processImage(image, { maxInputPixels: 1_999_999 }))).toBe(
      'IMAGE_TOO_LARGE',
    );
    await expect(processImage(image, { maxInputPixels: 2_000_000 })).resolves.toBeDefined();
  });

  it('counts every frame of an animation that would be kept', async () => {
    const frames = await Promise.all(
      ['#ff0000', '#00ff00', '#0000ff'].map((c) => solid(100, 100, c).png().toBuffer()),
    );
    const gif = await sharp(frames, { join: { animated: true } })
      .gif()
      .toBuffer();
    // 3 frames of 10,000 pixels: too many when animated, fine as a single JPEG frame.
    const error = processImage(gif, { maxInputPixels: 25_000 });
    expect(await codeOf(error)).toBe('IMAGE_TOO_LARGE');
    await expect(error).rejects.toThrow(/3 frames/);
    const still = await processImage(gif, { maxInputPixels: 25_000, format: 'jpeg' });
    expect(still.animated).toBe(false);
  });
});

describe('file size', () => {
  it('refuses an upload buffer over maxFileBytes', async () => {
    const image = await solid(64, 64, '#336699').png().toBuffer();
    expect(await codeOf(processImage(image, { maxFileBytes: image.length - 1 }))).toBe(
      'FILE_TOO_LARGE',
    );
  });

  it('refuses a file over maxFileBytes', async () => {
    const file = path.join(tmp(), 'photo.jpg');
    await solid(64, 64, '#336699').jpeg().toFile(file);
    const error = processImage(file, { maxFileBytes: 10 });
    expect(await codeOf(error)).toBe('FILE_TOO_LARGE');
  });
});

describe('options', () => {
  it.each([
    [{ maxEdge: 0 }, /maximum size/],
    [{ maxEdge: 2.5 }, /maximum size/],
    [{ quality: 101 }, /quality/],
    [{ thumbnailEdge: 20_000 }, /thumbnail size/],
    [{ format: 'bmp' as 'jpeg' }, /output format/],
    [{ maxInputPixels: -1 }, /pixel limit/],
  ])('refuses %o with a sentence', async (options, reason) => {
    const image = await solid(8, 8, '#336699').png().toBuffer();
    const error = processImage(image, options);
    expect(await codeOf(error)).toBe('VALIDATION_FAILED');
    await expect(error).rejects.toThrow(reason);
  });
});
