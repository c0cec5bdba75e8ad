// Recognises camera raw files from their first bytes. Most raw formats (NEF, ARW, PEF, DNG,
// CR2) are TIFF containers whose first directory is a small preview or undemosaiced sensor
// data: libtiff "decodes" them, and the gallery would get a thumbnail-sized or garbled picture
// in place of the photo. They are refused up front instead, with advice to export.

const TAG_NEW_SUBFILE_TYPE = 254;
const TAG_PHOTOMETRIC = 262;
const TAG_DNG_VERSION = 50706;
const TYPE_SHORT = 3;
/** NewSubfileType bit 0: "a reduced-resolution version of another image in this file". */
const REDUCED_RESOLUTION = 1;
/** Colour filter array and linear raw photometric interpretations: sensor data, not a picture. */
const RAW_PHOTOMETRIC = new Set([32803, 34892]);

function ascii(head: Buffer, start: number, end: number): string {
  return head.length >= end ? head.toString('latin1', start, end) : '';
}

/** Whether the first TIFF directory (as far as `head` reaches) describes raw data or a preview. */
function firstDirectoryIsRaw(head: Buffer): boolean {
  const little = head[0] === 0x49;
  const u16 = (at: number) => (little ? head.readUInt16LE(at) : head.readUInt16BE(at));
  const u32 = (at: number) => (little ? head.readUInt32LE(at) : head.readUInt32BE(at));
  if (head.length < 8) return false;
  const ifd = u32(4);
  if (ifd + 2 > head.length) return false;
  for (let i = 0; i < u16(ifd); i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > head.length) break;
    const tag = u16(entry);
    const value = u16(entry + 2) === TYPE_SHORT ? u16(entry + 8) : u32(entry + 8);
    if (tag === TAG_DNG_VERSION) return true;
    if (tag === TAG_NEW_SUBFILE_TYPE && (value & REDUCED_RESOLUTION) !== 0) return true;
    if (tag === TAG_PHOTOMETRIC && RAW_PHOTOMETRIC.has(value)) return true;
  }
  return false;
}

export function isCameraRaw(head: Buffer): boolean {
  const magic = ascii(head, 0, 4);
  // Olympus ORF and Panasonic RW2 bend the TIFF magic number; Fujifilm RAF has its own header.
  if (['IIRO', 'IIRS', 'MMOR', 'IIU\0'].includes(magic)) return true;
  if (ascii(head, 0, 15) === 'FUJIFILMCCD-RAW') return true;
  // Canon CR3 is ISO-BMFF with its own brand.
  if (ascii(head, 4, 8) === 'ftyp' && ascii(head, 8, 12) === 'crx ') return true;
  if (magic === 'II*\0' || magic === 'MM\0*') {
    // Canon CR2 marks itself right after the TIFF header.
    return ascii(head, 8, 10) === 'CR' || firstDirectoryIsRaw(head);
  }
  return false;
}
