// Recognises the supported image formats from their first bytes, never from the file name, so a
// renamed text file, an SVG or a video never reaches the decoder.
import { extensionFor } from '../shared/media-types';
import { isCameraRaw } from './camera-raw';
import type { ImageMime, SniffedType } from './types';

/** Enough bytes for every signature below, a long ISO-BMFF brand list, and the first directory
 * of a TIFF-based raw file (DNG's runs to several hundred bytes). */
export const SNIFF_BYTES = 4096;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const AVIF_BRANDS = new Set(['avif', 'avis']);
// HEIF image and sequence brands (ISO/IEC 23008-12). 'mif1'/'msf1' alone are generic HEIF.
const HEIF_BRANDS = new Set([
  'heic',
  'heix',
  'heim',
  'heis',
  'hevc',
  'hevx',
  'hevm',
  'hevs',
  'mif1',
  'mif2',
  'msf1',
]);

function typeOf(mime: ImageMime): SniffedType {
  return { mime, extension: extensionFor(mime) };
}

function ascii(head: Buffer, start: number, end: number): string {
  return head.length >= end ? head.toString('latin1', start, end) : '';
}

function startsWith(head: Buffer, bytes: readonly number[]): boolean {
  return head.length >= bytes.length && bytes.every((byte, i) => head[i] === byte);
}

export function sniffImageType(head: Buffer): SniffedType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return typeOf('image/jpeg');
  if (startsWith(head, [...PNG_SIGNATURE])) return typeOf('image/png');
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return typeOf('image/webp');
  const gif = ascii(head, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return typeOf('image/gif');
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) {
    // Raw files in TIFF containers would decode as their embedded preview, not the photo.
    return isCameraRaw(head) ? null : typeOf('image/tiff');
  }
  return sniffIsoBmff(head);
}

/** AVIF and HEIF share the ISO-BMFF container: the `ftyp` box's brands tell them (and MP4) apart. */
function sniffIsoBmff(head: Buffer): SniffedType | null {
  if (ascii(head, 4, 8) !== 'ftyp') return null;
  const boxEnd = Math.min(head.readUInt32BE(0), head.length);
  const brands = [ascii(head, 8, 12)];
  // Compatible brands start after the major brand and minor version.
  for (let offset = 16; offset + 4 <= boxEnd; offset += 4)
    brands.push(ascii(head, offset, offset + 4));
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return typeOf('image/avif');
  if (brands.some((brand) => HEIF_BRANDS.has(brand))) return typeOf('image/heif');
  return null;
}

/**
 * A PNG whose signature was mangled (for example by a text-mode transfer) still has its IHDR
 * chunk right after it. Such a file is a damaged image, not an unsupported one, and the person
 * should hear that.
 */
export function looksLikeDamagedPng(head: Buffer): boolean {
  const ihdr = head.indexOf('IHDR', 0, 'latin1');
  return ihdr >= 10 && ihdr <= 20 && sniffImageType(head) === null;
}
