// Which way up a HEIF photo is stored: as its container says (irot/imir, applied by libheif),
// never turned again by an EXIF Orientation inside the file. heif-enc copies a JPEG's EXIF
// Orientation without writing irot, which makes exactly the files where the two disagree;
// heif-convert (libheif's own tool) shows how they should look.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { processImage, type ProcessedImage } from '../../src/imaging';
import { cameraJpeg } from '../cli/wild-camera';
import { pattern, quarterOrder } from '../cli/wild-pattern';
import {
  exifOrientationOf,
  heifConvert,
  heifEnc,
  rebrandAsHeif,
  withTransform,
} from '../support/heif-tools';

const SIZE: [number, number] = [600, 400];
const QUARTERS = pattern(1);
const UPRIGHT = { size: SIZE, quarters: [0, 1, 2, 3] };

/** Size and quarter order of an image's pixels as stored (no orientation applied in reading). */
async function layout(image: Buffer) {
  const meta = await sharp(image).metadata();
  return { size: [meta.width, meta.height], quarters: await quarterOrder(image, QUARTERS) };
}

async function expectShownAs(result: ProcessedImage, expected: Awaited<ReturnType<typeof layout>>) {
  expect(await layout(result.original.data)).toEqual(expected);
  expect((await layout(result.thumbnail.data)).quarters).toEqual(expected.quarters);
  expect((await sharp(result.original.data).metadata()).orientation).toBeUndefined();
}

describe('HEVC HEIC orientation', () => {
  it.each([1, 3, 6, 8])(
    'shows a file with EXIF Orientation %i and no irot as heif-convert does: not turned',
    async (orientation) => {
      const heic = await heifEnc([await cameraJpeg(SIZE, 1, orientation)]);
      expect(exifOrientationOf(heic)).toBe(orientation);
      const reference = await layout(await heifConvert(heic));
      // The stored pixels, as the camera held them: sideways for 6 and 8, upside down for 3.
      if (orientation !== 1) expect(reference).not.toEqual(UPRIGHT);
      await expectShownAs(await processImage(heic), reference);
    },
  );

  describe('container transformations', () => {
    let plain: Buffer;
    beforeAll(async () => {
      plain = await heifEnc([await cameraJpeg(SIZE, 1)]);
    });

    it.each([
      ['irot', 1],
      ['irot', 2],
      ['irot', 3],
      ['imir', 0],
      ['imir', 1],
    ] as const)('applies %s %i as heif-convert does', async (box, value) => {
      const heic = withTransform(plain, box, value);
      const reference = await layout(await heifConvert(heic));
      expect(reference).not.toEqual(UPRIGHT);
      await expectShownAs(await processImage(heic), reference);
    });
  });

  it('turns an iPhone-style photo once when irot and EXIF Orientation agree', async () => {
    // Held for orientation 6 (turn 90° clockwise to show), and irot 3 (3 × 90° anticlockwise)
    // says the same; applying both would leave it upside down.
    const heic = withTransform(await heifEnc([await cameraJpeg(SIZE, 1, 6)]), 'irot', 3);
    expect(exifOrientationOf(heic)).toBe(6);
    await expectShownAs(await processImage(heic), UPRIGHT);
  });
});

describe('AV1-coded HEIF and AVIF (decoded by sharp)', () => {
  it.each(['AVIF', 'HEIF'])(
    'does not apply an EXIF Orientation inside an %s file either',
    async (kind) => {
      const avif = await heifEnc([await cameraJpeg(SIZE, 1, 6)], { avif: true });
      const file = kind === 'HEIF' ? rebrandAsHeif(avif) : avif;
      expect(exifOrientationOf(file)).toBe(6);
      const result = await processImage(file);
      expect(result.sourceType.mime).toBe(kind === 'HEIF' ? 'image/heif' : 'image/avif');
      await expectShownAs(result, await layout(await heifConvert(file)));
    },
  );
});
