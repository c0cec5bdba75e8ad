// The date taken: read from EXIF written by exiftool (with and without the zone offset), carried
// through the pipeline, and the API's parse/print of it.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processImage } from '../../src/imaging';
import { readExifSummary } from '../../src/imaging/exif';
import { takenAtFromExif } from '../../src/imaging/taken-at';
import { formatTakenAt, parseTakenAt, takenBoundInstant } from '../../src/shared/api/taken-at';
import { withExifDate } from '../support/exiftool';

const photo = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#468' } })
    .jpeg()
    .toBuffer();

describe('date taken through the pipeline', () => {
  it('keeps the offset a phone recorded', async () => {
    const jpeg = await withExifDate(await photo(), {
      dateTimeOriginal: '2021:05:04 10:11:12',
      offsetTimeOriginal: '+02:00',
    });
    expect(readExifSummary((await sharp(jpeg).metadata()).exif)).toMatchObject({
      dateTimeOriginal: '2021:05:04 10:11:12',
      offsetTimeOriginal: '+02:00',
    });
    const processed = await processImage(jpeg);
    expect(processed.takenAt).toBe('2021-05-04T10:11:12+02:00');
    // The stored image carries no EXIF date: the date lives in the database only.
    expect((await sharp(processed.original.data).metadata()).exif).toBeUndefined();
  });

  it('gives the wall clock without a zone when the camera recorded none', async () => {
    const jpeg = await withExifDate(await photo(), { dateTimeOriginal: '2019:12:31 23:59:58' });
    expect((await processImage(jpeg)).takenAt).toBe('2019-12-31T23:59:58');
  });

  it('has no date for a file without one, or with an unset camera clock', async () => {
    expect((await processImage(await photo())).takenAt).toBeUndefined();
    // exiftool refuses to write such a date; sharp writes what it is given, as old cameras do.
    const unset = await sharp(await photo())
      .withExif({ IFD2: { DateTimeOriginal: '0000:00:00 00:00:00' } })
      .jpeg()
      .toBuffer();
    expect((await processImage(unset)).takenAt).toBeUndefined();
  });

  it('ignores an offset that is not one, keeping the wall clock', () => {
    expect(
      takenAtFromExif({
        hasGps: false,
        dateTimeOriginal: '2020:02:29 08:00:00',
        offsetTimeOriginal: '+25:00',
      }),
    ).toBe('2020-02-29T08:00:00');
    expect(takenAtFromExif({ hasGps: false, dateTimeOriginal: '2021:02:30 08:00:00' })).toBe(
      undefined,
    );
  });
});

describe('the API form of a date taken', () => {
  it('stores the instant when the offset is known and prints it back as written', () => {
    const stored = parseTakenAt('2021-05-04T10:11:12+02:00')!;
    expect(stored).toEqual({ instant: new Date('2021-05-04T08:11:12Z'), offsetMinutes: 120 });
    expect(formatTakenAt(stored.instant, stored.offsetMinutes)).toBe('2021-05-04T10:11:12+02:00');
    const west = parseTakenAt('2021-05-04T10:11:12-05:30')!;
    expect(formatTakenAt(west.instant, west.offsetMinutes)).toBe('2021-05-04T10:11:12-05:30');
    expect(parseTakenAt('2021-05-04T10:11:12Z')?.offsetMinutes).toBe(0);
  });

  it('stores a zone-less date as its wall clock read as UTC', () => {
    const stored = parseTakenAt('2021-05-04T10:11:12')!;
    expect(stored).toEqual({ instant: new Date('2021-05-04T10:11:12Z'), offsetMinutes: null });
    expect(formatTakenAt(stored.instant, null)).toBe('2021-05-04T10:11:12');
  });

  it('refuses what is not a real date and time', () => {
    for (const bad of [
      '2021-02-30T10:00:00',
      '2021-05-04T24:00:00',
      '2021-05-04 10:11:12',
      '2021-05-04T10:11:12+15:00',
      '0000-01-01T00:00:00',
      '2021-05-04T10:11:12\u0000',
    ]) {
      expect(parseTakenAt(bad), bad).toBeUndefined();
    }
  });

  it('reads a filter bound given as a day as the whole day', () => {
    expect(takenBoundInstant('2021-05-04', 'from')).toEqual(new Date('2021-05-04T00:00:00Z'));
    expect(takenBoundInstant('2021-05-04', 'to')).toEqual(new Date('2021-05-04T23:59:59.999Z'));
    expect(takenBoundInstant('2021-05-04T12:00:00+02:00', 'to')).toEqual(
      new Date('2021-05-04T10:00:00Z'),
    );
    expect(takenBoundInstant('May 4', 'from')).toBeUndefined();
  });
});
