// iPhone HEIC (HEVC-coded HEIF) through the whole pipeline: decoded with libheif-js, then the
// same path as every photo: EXIF readable, metadata stripped, Display P3 converted to sRGB,
// stored as JPEG; the primary image of a multi-image file; bombs refused before decoding;
// damaged files refused with a sentence. The files are made with heif-enc in test setup.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { processImage } from '../../src/imaging';
import { readExifSummary } from '../../src/imaging/exif';
import { CAMERA_EXIF, CAMERA_SERIAL, cameraJpeg } from '../cli/wild-camera';
import { pattern, quarterOrder } from '../cli/wild-pattern';
import {
  heifConvert,
  heifEnc,
  imageItemIds,
  withClaimedSize,
  withPrimary,
} from '../support/heif-tools';
import { FIXTURES_DIR, codeOf, near, pixelAt, solid, useTempDir, type Rgb } from './helpers';

const tmp = useTempDir();
const SIZE: [number, number] = [600, 400];

describe('an HEVC HEIC', () => {
  let heic: Buffer;
  beforeAll(async () => {
    heic = await heifEnc([await cameraJpeg(SIZE, 1)]);
  });

  it('is stored as a JPEG of its picture, with a WebP thumbnail', async () => {
    expect((await sharp(heic).metadata()).compression).toBe('hevc');
    const result = await processImage(heic);
    expect(result.sourceType).toEqual({ mime: 'image/heif', extension: 'heic' });
    expect(result.original).toMatchObject({ contentType: 'image/jpeg', width: 600, height: 400 });
    expect(result.thumbnail).toMatchObject({ contentType: 'image/webp', width: 400, height: 267 });
    expect(await quarterOrder(result.original.data, pattern(1))).toEqual([0, 1, 2, 3]);
  });

  it('is read from a file path too', async () => {
    const file = path.join(FIXTURES_DIR, 'hevc-64x48.heic');
    const result = await processImage(file);
    expect(result.original).toMatchObject({ contentType: 'image/jpeg', width: 64, height: 48 });
    expect(near(await pixelAt(result.original.data, 10, 10), [0x33, 0x66, 0x99], 8)).toBe(true);
  });

  it('has its EXIF readable like a JPEG, and none of it, GPS included, in what is stored', async () => {
    const exif = readExifSummary((await sharp(heic).metadata()).exif);
    expect(exif).toMatchObject({ hasGps: true, dateTimeOriginal: '2024:06:01 09:30:00' });
    expect(heic.includes(CAMERA_SERIAL)).toBe(true);

    const result = await processImage(heic);
    for (const variant of [result.original, result.thumbnail]) {
      const meta = await sharp(variant.data).metadata();
      expect([meta.exif, meta.xmp, meta.iptc]).toEqual([undefined, undefined, undefined]);
      expect(variant.data.includes(CAMERA_SERIAL)).toBe(false);
    }
  });

  it('keeps only Artist and Copyright when asked to keep metadata', async () => {
    const credited = await sharp(await cameraJpeg(SIZE, 2))
      .withExif({ ...CAMERA_EXIF, IFD0: { Artist: 'Ann Lee', Copyright: '(c) Ann Lee' } })
      .jpeg()
      .toBuffer();
    const result = await processImage(await heifEnc([credited]), { keepMetadata: true });
    const kept = readExifSummary((await sharp(result.original.data).metadata()).exif);
    expect(kept).toEqual({ artist: 'Ann Lee', copyright: '(c) Ann Lee', hasGps: false });
  });
});

describe('HEIC colour', () => {
  // A saturated green, well inside sRGB: its Display P3 values differ a lot from its sRGB ones.
  const GREEN: Rgb = [20, 200, 40];

  let p3Png: Buffer;
  let p3Profile: Buffer | undefined;
  beforeAll(async () => {
    p3Png = await solid(64, 48, '#14c828').withIccProfile('p3').png().toBuffer();
    p3Profile = (await sharp(p3Png).metadata()).icc;
  });

  it('converts a Display P3 photo (as iPhones take them) to plain sRGB', async () => {
    const heic = await heifEnc([p3Png]);
    // sharp reads the profile from the container without decoding HEVC.
    expect((await sharp(heic).metadata()).icc).toEqual(p3Profile);
    const asStored = await sharp(await heifConvert(heic))
      .keepIccProfile()
      .raw()
      .toBuffer();
    expect(near([asStored[0]!, asStored[1]!, asStored[2]!], GREEN, 20)).toBe(false);

    const result = await processImage(heic);
    const meta = await sharp(result.original.data).metadata();
    expect([meta.space, meta.icc]).toEqual(['srgb', undefined]);
    expect(near(await pixelAt(result.original.data, 32, 24), GREEN, 8)).toBe(true);
    expect(near(await pixelAt(result.thumbnail.data, 32, 24), GREEN, 8)).toBe(true);
  });

  it('keeps the Display P3 profile and values when asked to keep metadata', async () => {
    const result = await processImage(await heifEnc([p3Png]), { keepMetadata: true });
    expect((await sharp(result.original.data).metadata()).icc).toEqual(p3Profile);
    // Read through its profile, it is the same green.
    expect(near(await pixelAt(result.original.data, 32, 24), GREEN, 8)).toBe(true);
  });

  it('stores transparent areas as white in the JPEG', async () => {
    const heic = await heifEnc([await solid(64, 48, '#00000000', 4).png().toBuffer()]);
    expect((await sharp(heic).metadata()).hasAlpha).toBe(true);
    const result = await processImage(heic);
    expect(near(await pixelAt(result.original.data, 32, 24), [255, 255, 255], 4)).toBe(true);
  });
});

describe('a HEIC holding several images', () => {
  let first: Buffer;
  let second: Buffer;
  beforeAll(async () => {
    first = await cameraJpeg(SIZE, 1);
    second = await cameraJpeg([480, 320], 2);
  });

  it('stores the primary image, even when it is not the first', async () => {
    const both = await heifEnc([first, second]);
    const [, secondId] = imageItemIds(both);
    const secondIsPrimary = withPrimary(both, secondId!);
    expect(await sharp(secondIsPrimary).metadata()).toMatchObject({ pages: 2, pagePrimary: 1 });

    const usual = await processImage(both);
    expect([usual.original.width, usual.original.height]).toEqual(SIZE);
    const result = await processImage(secondIsPrimary);
    expect([result.original.width, result.original.height]).toEqual([480, 320]);
    expect(await quarterOrder(result.original.data, pattern(2))).toEqual([0, 1, 2, 3]);
  });
});

describe('HEIC bombs and damage', () => {
  let heic: Buffer;
  beforeAll(async () => {
    heic = await heifEnc([await cameraJpeg(SIZE, 3)]);
  });

  it('refuses a photo over the pixel limit with its size, before decoding', async () => {
    const promise = processImage(heic, { maxInputPixels: 200_000 });
    expect(await codeOf(promise)).toBe('IMAGE_TOO_LARGE');
    await expect(promise).rejects.toThrow(/600 × 400/);
  });

  it('refuses a file claiming 20000 × 20000 pixels', async () => {
    const bomb = withClaimedSize(heic, 20_000, 20_000);
    const promise = processImage(bomb);
    expect(await codeOf(promise)).toBe('IMAGE_TOO_LARGE');
    await expect(promise).rejects.toThrow(/20000 × 20000/);
  });

  it.each([0.5, 0.97])('refuses a HEIC cut at %f of its length as damaged', async (fraction) => {
    const cut = heic.subarray(0, Math.floor(heic.length * fraction));
    expect(await codeOf(processImage(cut))).toBe('CORRUPT_IMAGE');
    const file = path.join(tmp(), `cut-${fraction}.heic`);
    await writeFile(file, cut);
    expect(await codeOf(processImage(file))).toBe('CORRUPT_IMAGE');
  });
});
