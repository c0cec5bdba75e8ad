// Reads the few EXIF facts the pipeline needs from sharp's raw EXIF block: Artist and Copyright
// (the only fields keepMetadata carries over), whether a GPS directory is present, and when the
// photo was taken. The same for every format: sharp hands over JPEG's APP1 payload and the EXIF
// item of a HEIF container alike. Tolerates any malformed block by reporting what it could read;
// it never throws.

const TAG_ARTIST = 0x013b;
const TAG_COPYRIGHT = 0x8298;
const TAG_GPS_IFD = 0x8825;
const TAG_EXIF_IFD = 0x8769;
const TAG_DATE_TIME_ORIGINAL = 0x9003;
const TAG_OFFSET_TIME_ORIGINAL = 0x9011;
const TYPE_ASCII = 2;

export interface ExifSummary {
  artist?: string;
  copyright?: string;
  hasGps: boolean;
  /** As the camera wrote it, "YYYY:MM:DD HH:MM:SS" in its local time (EXIF has no zone here). */
  dateTimeOriginal?: string;
  /** EXIF 2.31's zone of DateTimeOriginal, "+HH:MM" or "-HH:MM" (phones write it; many cameras don't). */
  offsetTimeOriginal?: string;
}

function asciiValue(tiff: Buffer, little: boolean, entry: number): string | undefined {
  const count = little ? tiff.readUInt32LE(entry + 4) : tiff.readUInt32BE(entry + 4);
  // Values of up to 4 bytes sit in the entry itself, longer ones at an offset.
  const start =
    count <= 4 ? entry + 8 : little ? tiff.readUInt32LE(entry + 8) : tiff.readUInt32BE(entry + 8);
  if (start + count > tiff.length) return undefined;
  // Copyright may hold "photographer\0editor"; keep both parts, drop the padding.
  const parts = tiff
    .toString('utf8', start, start + count)
    .split('\0')
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

export function readExifSummary(exif: Buffer | undefined): ExifSummary {
  const summary: ExifSummary = { hasGps: false };
  if (!exif) return summary;
  // sharp hands over the APP1 payload, which starts with "Exif\0\0" before the TIFF header.
  const tiff = exif.toString('latin1', 0, 6) === 'Exif\0\0' ? exif.subarray(6) : exif;
  if (tiff.length < 8) return summary;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return summary;
  const little = order === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));

  /** Each well-formed 12-byte entry of the directory at `ifd`, as [tag, type, entry offset]. */
  function* entries(ifd: number): Generator<[number, number, number]> {
    if (ifd + 2 > tiff.length) return;
    const count = u16(ifd);
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      if (entry + 12 > tiff.length) return;
      yield [u16(entry), u16(entry + 2), entry];
    }
  }

  let exifIfd: number | undefined;
  for (const [tag, type, entry] of entries(u32(4))) {
    if (tag === TAG_GPS_IFD) summary.hasGps = true;
    if (tag === TAG_EXIF_IFD) exifIfd = u32(entry + 8);
    if (type !== TYPE_ASCII) continue;
    if (tag === TAG_ARTIST) summary.artist = asciiValue(tiff, little, entry);
    if (tag === TAG_COPYRIGHT) summary.copyright = asciiValue(tiff, little, entry);
  }
  // The date taken lives in the Exif sub-directory, which IFD0 points to.
  for (const [tag, type, entry] of exifIfd === undefined ? [] : entries(exifIfd)) {
    if (tag === TAG_DATE_TIME_ORIGINAL && type === TYPE_ASCII) {
      summary.dateTimeOriginal = asciiValue(tiff, little, entry);
    }
    if (tag === TAG_OFFSET_TIME_ORIGINAL && type === TYPE_ASCII) {
      summary.offsetTimeOriginal = asciiValue(tiff, little, entry);
    }
  }
  return summary;
}
