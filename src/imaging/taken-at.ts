// The date a photo was taken, from its EXIF, in the API's form (see shared/api/taken-at.ts).
// Read from the header before metadata is stripped; the stored image keeps no EXIF date.
import { parseTakenAt } from '../shared/api/taken-at';
import type { ExifSummary } from './exif';

const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const EXIF_OFFSET = /^[+-]\d{2}:\d{2}$/;

/**
 * "2021:05:04 10:11:12" plus OffsetTimeOriginal "+02:00" → "2021-05-04T10:11:12+02:00"; without a
 * usable offset, the zone-less local time. undefined when there is no date or it is not a real
 * one (cameras with an unset clock write "0000:00:00 00:00:00" or blanks).
 */
export function takenAtFromExif(exif: ExifSummary): string | undefined {
  const match = EXIF_DATE.exec(exif.dateTimeOriginal ?? '');
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  const local = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  const offset = exif.offsetTimeOriginal;
  if (offset && EXIF_OFFSET.test(offset) && parseTakenAt(`${local}${offset}`)) {
    return `${local}${offset}`;
  }
  return parseTakenAt(local) ? local : undefined;
}
