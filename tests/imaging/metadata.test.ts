// Privacy: location, camera serials and other metadata never leave the machine; keepMetadata
// keeps only the ICC profile and the Artist/Copyright credit.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { processImage } from '../../src/imaging';
import { readExifSummary } from '../../src/imaging/exif';
import { near, pixelAt, solid } from './helpers';

const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Secret Person</dc:creator>' +
  '</rdf:Description></rdf:RDF></x:xmpmeta>';

/** Strings from the source's metadata that must never appear in any output. */
const PRIVATE = ['Canon', 'EOS R5', 'SN-0042-7781', '52/1', 'Secret Person'];

function expectNoPrivateData(data: Buffer): void {
  const text = data.toString('latin1');
  for (const value of PRIVATE) expect(text).not.toContain(value);
}

let tagged: Buffer;

beforeAll(async () => {
  // A camera JPEG: credit, make/model, body serial, GPS position and an XMP packet.
  tagged = await solid(640, 480, '#3366aa')
    .jpeg()
    .withExif({
      IFD0: { Artist: 'Jane Doe', Copyright: '(c) 2024 Jane Doe', Make: 'Canon', Model: 'EOS R5' },
      IFD2: { BodySerialNumber: 'SN-0042-7781', DateTimeOriginal: '2024:05:01 10:00:00' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 31/1 1234/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '13/1 24/1 0/1',
      },
    })
    .withXmp(XMP)
    .toBuffer();
});

describe('metadata', () => {
  it('starts from a source that really carries GPS, serials and XMP', async () => {
    const meta = await sharp(tagged).metadata();
    const exif = readExifSummary(meta.exif);
    expect(exif).toEqual({
      artist: 'Jane Doe',
      copyright: '(c) 2024 Jane Doe',
      hasGps: true,
      dateTimeOriginal: '2024:05:01 10:00:00',
    });
    expect(meta.exif?.toString('latin1')).toContain('SN-0042-7781');
    expect(meta.xmp?.toString()).toContain('Secret Person');
  });

  it.each(['original', 'jpeg', 'webp', 'avif'] as const)(
    'strips everything by default (%s)',
    async (format) => {
      const result = await processImage(tagged, { format });
      for (const variant of [result.original, result.thumbnail]) {
        const meta = await sharp(variant.data).metadata();
        expect(meta.exif).toBeUndefined();
        expect(meta.xmp).toBeUndefined();
        expect(meta.iptc).toBeUndefined();
        expect(meta.icc).toBeUndefined();
        expectNoPrivateData(variant.data);
      }
    },
  );

  it.each(['original', 'webp'] as const)(
    'keeps only the credit with keepMetadata, never GPS (%s)',
    async (format) => {
      const result = await processImage(tagged, { format, keepMetadata: true });
      const meta = await sharp(result.original.data).metadata();
      expect(readExifSummary(meta.exif)).toEqual({
        artist: 'Jane Doe',
        copyright: '(c) 2024 Jane Doe',
        hasGps: false,
      });
      expect(meta.xmp).toBeUndefined();
      expectNoPrivateData(result.original.data);
      // The thumbnail is public everywhere: it never carries metadata.
      expect((await sharp(result.thumbnail.data).metadata()).exif).toBeUndefined();
    },
  );

  it('writes no EXIF at all with keepMetadata when there is no credit to keep', async () => {
    const gpsOnly = await solid(64, 64, '#3366aa')
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '52/1 0/1 0/1' } })
      .toBuffer();
    expect(readExifSummary((await sharp(gpsOnly).metadata()).exif).hasGps).toBe(true);
    const result = await processImage(gpsOnly, { keepMetadata: true });
    expect((await sharp(result.original.data).metadata()).exif).toBeUndefined();
  });

  it('keeps a wide-gamut profile with keepMetadata, converts to sRGB without', async () => {
    // #cc3311 stored as Display P3 values, tagged with the P3 profile.
    const p3 = await solid(64, 64, '#cc3311').withIccProfile('p3').jpeg({ quality: 95 }).toBuffer();

    const kept = await processImage(p3, { keepMetadata: true });
    const keptMeta = await sharp(kept.original.data).metadata();
    expect(keptMeta.icc?.toString('latin1', 16, 20)).toBe('RGB ');
    // The stored values are still P3 ones (read without colour management), and read through
    // the kept profile they show the original colour (pixelAt converts to sRGB).
    const keptRaw = await sharp(kept.original.data).keepIccProfile().raw().toBuffer();
    expect(near([keptRaw[0] ?? 0, keptRaw[1] ?? 0, keptRaw[2] ?? 0], [188, 64, 36], 12)).toBe(true);
    expect(near(await pixelAt(kept.original.data, 32, 32), [204, 51, 17], 12)).toBe(true);

    const stripped = await processImage(p3);
    expect((await sharp(stripped.original.data).metadata()).icc).toBeUndefined();
    // Without a profile the values themselves must be sRGB.
    const raw = await sharp(stripped.original.data).raw().toBuffer();
    expect(near([raw[0] ?? 0, raw[1] ?? 0, raw[2] ?? 0], [204, 51, 17], 12)).toBe(true);
  });
});
