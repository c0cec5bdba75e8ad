// Inputs that are not what they claim: renamed files, SVG, truncated photos, HEIF variants.
// Each is refused with the right code, or processed, but never crashes.
import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { processImage } from '../../src/imaging';
import { FIXTURES_DIR, codeOf, near, noise, pixelAt, solid, useTempDir } from './helpers';

const tmp = useTempDir();

describe('inputs that are not supported images', () => {
  it('refuses a text file named photo.jpg', async () => {
    const file = path.join(tmp(), 'photo.jpg');
    await writeFile(file, 'Shopping list: eggs, flour, milk.\n');
    expect(await codeOf(processImage(file))).toBe('UNSUPPORTED_TYPE');
    expect(await codeOf(processImage(await readFile(file)))).toBe('UNSUPPORTED_TYPE');
  });

  it('refuses an SVG, even named .png', async () => {
    const file = path.join(tmp(), 'drawing.png');
    await writeFile(
      file,
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100"/></svg>',
    );
    expect(await codeOf(processImage(file))).toBe('UNSUPPORTED_TYPE');
  });

  it('refuses a missing file and a directory', async () => {
    expect(await codeOf(processImage(path.join(tmp(), 'gone.jpg')))).toBe('FILE_NOT_FOUND');
    expect(await codeOf(processImage(tmp()))).toBe('NOT_A_FILE');
  });
});

describe('damaged images', () => {
  let jpeg: Buffer;

  beforeAll(async () => {
    jpeg = await noise(800, 600).jpeg().toBuffer();
  });

  it.each([0.1, 0.5, 0.95])('refuses a JPEG cut at %f of its length', async (fraction) => {
    const file = path.join(tmp(), `cut-${fraction}.jpg`);
    await writeFile(file, jpeg.subarray(0, Math.floor(jpeg.length * fraction)));
    expect(await codeOf(processImage(file))).toBe('CORRUPT_IMAGE');
  });

  it('refuses a truncated PNG, WebP and GIF held in memory', async () => {
    for (const encoded of [
      await noise(400, 300).png().toBuffer(),
      await noise(400, 300).webp().toBuffer(),
      await noise(400, 300).gif().toBuffer(),
    ]) {
      const cut = encoded.subarray(0, Math.floor(encoded.length * 0.6));
      expect(await codeOf(processImage(cut))).toBe('CORRUPT_IMAGE');
    }
  });

  it('refuses a file holding only a JPEG signature', async () => {
    expect(await codeOf(processImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0])))).toBe('CORRUPT_IMAGE');
  });

  it('reports a file deleted after it was chosen as missing', async () => {
    const file = path.join(tmp(), 'vanishing.jpg');
    await writeFile(file, jpeg);
    await unlink(file);
    expect(await codeOf(processImage(file))).toBe('FILE_NOT_FOUND');
  });
});

describe('HEIF', () => {
  it('stores a HEIF image as JPEG', async () => {
    // An AVIF-coded image in a generic HEIF container (brands mif1/miaf only): it sniffs as
    // HEIF and sharp's libheif can decode it.
    const avif = Buffer.from(await solid(64, 48, '#336699').avif().toBuffer());
    const ftypEnd = avif.readUInt32BE(0);
    for (let offset = 8; offset < ftypEnd; offset += 4) {
      const brand = avif.toString('latin1', offset, offset + 4);
      if (brand === 'avif' || brand === 'avis') avif.write('mif1', offset, 'latin1');
    }

    const result = await processImage(avif);
    expect(result.sourceType).toEqual({ mime: 'image/heif', extension: 'heic' });
    expect(result.original.contentType).toBe('image/jpeg');
    expect((await sharp(result.original.data).metadata()).format).toBe('jpeg');
    expect(near(await pixelAt(result.original.data, 10, 10), [0x33, 0x66, 0x99], 12)).toBe(true);
  });

  it('stores an iPhone HEIC (HEVC, which sharp cannot decode) as JPEG', async () => {
    const file = path.join(FIXTURES_DIR, 'hevc-64x48.heic');
    // sharp's prebuilt libvips has no HEVC decoder; libheif-js decodes it instead.
    await expect(sharp(file).raw().toBuffer()).rejects.toThrow(/HEVC/);
    const result = await processImage(file);
    expect(result.sourceType).toEqual({ mime: 'image/heif', extension: 'heic' });
    expect(result.original.contentType).toBe('image/jpeg');
    expect(near(await pixelAt(result.original.data, 10, 10), [0x33, 0x66, 0x99], 8)).toBe(true);
  });
});
