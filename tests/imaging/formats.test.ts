// Output formats and sizes: what a person gets back for each source and setting.
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { processImage, sha256Hex, type ProcessedVariant } from '../../src/imaging';
import { noise, solid, useTempDir } from './helpers';

const tmp = useTempDir();

async function formatOf(variant: ProcessedVariant): Promise<string | undefined> {
  return (await sharp(variant.data).metadata()).format;
}

describe('sizes', () => {
  let photo = '';

  beforeAll(async () => {
    photo = path.join(tmp(), 'photo.jpg');
    await noise(4000, 3000).jpeg({ quality: 90 }).toFile(photo);
  });

  it('fits a large photo inside the default 2560 px and a 400 px thumbnail', async () => {
    const result = await processImage(photo);
    expect(result.original).toMatchObject({ width: 2560, height: 1920, contentType: 'image/jpeg' });
    expect(result.thumbnail).toMatchObject({ width: 400, height: 300, contentType: 'image/webp' });
    const meta = await sharp(result.original.data).metadata();
    expect([meta.width, meta.height]).toEqual([2560, 1920]);
    const thumb = await sharp(result.thumbnail.data).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 400, 300]);
  });

  it('honours maxEdge and thumbnailEdge, portrait too', async () => {
    const portrait = await solid(600, 1200, '#336699').png().toBuffer();
    const result = await processImage(portrait, { maxEdge: 500, thumbnailEdge: 100 });
    expect([result.original.width, result.original.height]).toEqual([250, 500]);
    expect([result.thumbnail.width, result.thumbnail.height]).toEqual([50, 100]);
  });

  it('never enlarges a small image or its thumbnail', async () => {
    const small = await solid(120, 80, '#336699').png().toBuffer();
    const result = await processImage(small);
    expect([result.original.width, result.original.height]).toEqual([120, 80]);
    expect([result.thumbnail.width, result.thumbnail.height]).toEqual([120, 80]);
  });

  it('reports size and SHA-256 of the bytes it returns', async () => {
    const result = await processImage(photo, { maxEdge: 800 });
    for (const variant of [result.original, result.thumbnail]) {
      expect(variant.size).toBe(variant.data.length);
      expect(variant.sha256).toBe(sha256Hex(variant.data));
      expect(variant.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(result.original.sha256).not.toBe(result.thumbnail.sha256);
  });
});

describe('formats', () => {
  const image = () => solid(300, 200, '#336699');

  it.each([
    ['jpeg', 'image/jpeg', 'jpg', 'jpeg'],
    ['webp', 'image/webp', 'webp', 'webp'],
    ['avif', 'image/avif', 'avif', 'heif'],
  ] as const)('converts to %s', async (format, contentType, extension, decoded) => {
    const result = await processImage(await image().png().toBuffer(), { format });
    expect(result.original).toMatchObject({ contentType, extension });
    expect(await formatOf(result.original)).toBe(decoded);
    expect(result.thumbnail).toMatchObject({ contentType: 'image/webp', extension: 'webp' });
  });

  it.each([
    ['jpeg', () => image().jpeg().toBuffer(), 'image/jpeg', 'jpeg'],
    ['png', () => image().png().toBuffer(), 'image/png', 'png'],
    ['webp', () => image().webp().toBuffer(), 'image/webp', 'webp'],
    ['avif', () => image().avif().toBuffer(), 'image/avif', 'heif'],
    ['gif', () => image().gif().toBuffer(), 'image/gif', 'gif'],
    ['tiff', () => image().tiff().toBuffer(), 'image/tiff', 'tiff'],
  ] as const)('keeps a %s as it is by default', async (_name, make, contentType, decoded) => {
    const result = await processImage(await make());
    expect(result.sourceType.mime).toBe(contentType);
    expect(result.original.contentType).toBe(contentType);
    expect(await formatOf(result.original)).toBe(decoded);
    expect(result.animated).toBe(false);
  });

  it('uses the quality setting', async () => {
    const source = await noise(600, 400).png().toBuffer();
    const low = await processImage(source, { format: 'jpeg', quality: 20 });
    const high = await processImage(source, { format: 'jpeg', quality: 95 });
    expect(low.original.size).toBeLessThan(high.original.size);
  });

  it('works the same from a path and from a buffer', async () => {
    const file = path.join(tmp(), 'same.png');
    await image().png().toFile(file);
    const fromPath = await processImage(file, { format: 'webp' });
    const fromBuffer = await processImage(await image().png().toBuffer(), { format: 'webp' });
    expect(fromPath.original.sha256).toBe(fromBuffer.original.sha256);
  });
});
