// Hand-made files for the wild-folder corpus: pixel and frame bombs made of headers alone, raw
// camera and video containers, formats the app does not read, and small surgeries on real
// encoder output (an impossible orientation value, AVIF re-branded as HEIF).
import sharp, { type Sharp } from 'sharp';
import { rebrandAsHeif } from '../support/heif-tools';
import { pngChunk } from '../support/png-chunk';

function le32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** A PNG header declaring 60000 x 60000 RGB pixels (3.6 gigapixels), then almost nothing. */
export function pngBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(60_000, 0);
  ihdr.writeUInt32BE(60_000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00])),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A real small JPEG whose frame header is rewritten to claim 65000 x 65000 pixels. */
export async function jpegBomb(): Promise<Buffer> {
  const small = sharp({ create: { width: 16, height: 16, channels: 3, background: '#808080' } });
  const jpeg = Buffer.from(await small.jpeg().toBuffer());
  for (let at = 2; at + 9 < jpeg.length; at += 2 + jpeg.readUInt16BE(at + 2)) {
    const marker = jpeg[at + 1]!;
    if (marker === 0xc0 || marker === 0xc2) {
      jpeg.writeUInt16BE(65_000, at + 5); // height
      jpeg.writeUInt16BE(65_000, at + 7); // width
      return jpeg;
    }
  }
  throw new Error('no frame header in the generated JPEG');
}

/**
 * A GIF of `frames` one-pixel frames on a `screen` x `screen` canvas. Each frame decodes to the
 * whole canvas, so a file of a few KB holds screen² x frames pixels: a frame bomb.
 */
export function gifBomb(screen: number, frames: number): Buffer {
  const header = Buffer.alloc(13);
  header.write('GIF89a', 0, 'latin1');
  header.writeUInt16LE(screen, 6);
  header.writeUInt16LE(screen, 8);
  header[10] = 0x80; // a global colour table of 2 entries follows
  const palette = Buffer.from([0, 0, 0, 255, 255, 255]);
  const loop = Buffer.from([0x21, 0xff, 0x0b, ...Buffer.from('NETSCAPE2.0'), 3, 1, 0, 0, 0]);
  const frame = Buffer.from([
    ...[0x21, 0xf9, 4, 0, 10, 0, 0, 0], // graphic control extension: 100 ms
    ...[0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0], // image descriptor: 1x1 at 0,0
    ...[2, 2, 0x44, 0x01, 0], // LZW, minimum code size 2: clear, pixel 0, end
  ]);
  const body: Buffer[] = Array.from({ length: frames }, () => frame);
  return Buffer.concat([header, palette, loop, ...body, Buffer.from([0x3b])]);
}

/** A lossless WebP header claiming 16383 x 16383 pixels, with no image data behind it. */
export function webpBomb(): Buffer {
  const vp8l = Buffer.concat([Buffer.from([0x2f]), le32(16_382 | (16_382 << 14)), Buffer.alloc(3)]);
  const chunk = Buffer.concat([Buffer.from('VP8L', 'latin1'), le32(vp8l.length), vp8l]);
  return Buffer.concat([
    Buffer.from('RIFF', 'latin1'),
    le32(4 + chunk.length),
    Buffer.from('WEBP', 'latin1'),
    chunk,
  ]);
}

type IfdEntry = [tag: number, type: number, count: number, value: number | Buffer];

/**
 * A TIFF-based raw file laid out the way Nikon (NEF), Sony (ARW), Pentax (PEF) and DNG write
 * them: the first directory is a small reduced-resolution preview (NewSubfileType 1); the
 * sensor data lives elsewhere. Decoding it as a TIFF yields the 16x16 preview, not the photo.
 */
export function tiffRaw(options: { dng: boolean }): Buffer {
  const side = 16;
  const pixels = Buffer.alloc(side * side * 3, 0x80);
  const make = Buffer.from('NIKON CORPORATION\0', 'latin1');
  const entries: IfdEntry[] = [
    [254, 4, 1, 1], // NewSubfileType: reduced-resolution image
    [256, 3, 1, side],
    [257, 3, 1, side],
    [258, 3, 3, Buffer.from([8, 0, 8, 0, 8, 0])],
    [259, 3, 1, 1], // no compression
    [262, 3, 1, 2], // RGB
    [271, 2, make.length, make],
    [273, 4, 1, 0], // StripOffsets: set once the layout is known
    [277, 3, 1, 3],
    [278, 3, 1, side],
    [279, 4, 1, pixels.length],
  ];
  if (options.dng) entries.push([50706, 1, 4, Buffer.from([1, 4, 0, 0])]); // DNGVersion
  const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
  ifd.writeUInt16LE(entries.length, 0);
  const blobs: Buffer[] = [];
  let next = 8 + ifd.length;
  const stripAt =
    next +
    entries.reduce((n, [, , , v]) => n + (Buffer.isBuffer(v) && v.length > 4 ? v.length : 0), 0);
  entries.forEach(([tag, type, count, value], i) => {
    const at = 2 + i * 12;
    ifd.writeUInt16LE(tag, at);
    ifd.writeUInt16LE(type, at + 2);
    ifd.writeUInt32LE(count, at + 4);
    if (tag === 273) ifd.writeUInt32LE(stripAt, at + 8);
    else if (!Buffer.isBuffer(value)) {
      if (type === 3) ifd.writeUInt16LE(value, at + 8);
      else ifd.writeUInt32LE(value, at + 8);
    } else if (value.length <= 4) value.copy(ifd, at + 8);
    else {
      ifd.writeUInt32LE(next, at + 8);
      blobs.push(value);
      next += value.length;
    }
  });
  return Buffer.concat([Buffer.from('II*\0', 'latin1'), le32(8), ifd, ...blobs, pixels]);
}

/** The start of an ISO-BMFF file with these brands: Canon CR3, QuickTime MOV, MP4. */
export function isoBmff(major: string, ...compatible: string[]): Buffer {
  const body = Buffer.from(`ftyp${major}\0\0\0\0${compatible.join('')}`, 'latin1');
  const size = Buffer.alloc(4);
  size.writeUInt32BE(body.length + 4);
  const rest = Buffer.from('\0\0\0\x08free\0\0\0\x18mdat0123456789abcdef', 'latin1');
  return Buffer.concat([size, body, rest]);
}

/** A 2x2 24-bit Windows bitmap. */
export function bmp(): Buffer {
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54 + 16, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(2, 18);
  header.writeInt32LE(2, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  return Buffer.concat([header, Buffer.alloc(16, 0xcc)]);
}

/** A Windows icon holding one PNG image. */
export async function ico(): Promise<Buffer> {
  const png = await sharp({ create: { width: 16, height: 16, channels: 4, background: '#f00' } })
    .png()
    .toBuffer();
  const dir = Buffer.from([0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0]);
  return Buffer.concat([dir, le32(png.length), le32(6 + 16), png]);
}

/** The header of a Photoshop document. */
export function psd(): Buffer {
  const header = Buffer.alloc(26);
  header.write('8BPS', 0, 'latin1');
  header.writeUInt16BE(1, 4); // version
  header.writeUInt16BE(3, 12); // channels
  header.writeUInt32BE(64, 14); // height
  header.writeUInt32BE(64, 18); // width
  header.writeUInt16BE(8, 22); // depth
  header.writeUInt16BE(3, 24); // RGB
  return Buffer.concat([header, Buffer.alloc(64)]);
}

export function pdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
      '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );
}

/** An AVIF re-branded as generic HEIF (mif1/miaf): a .HEIC that sharp's libheif can decode. */
export async function avifInHeif(image: Sharp): Promise<Buffer> {
  return rebrandAsHeif(await image.avif().toBuffer());
}

/** Sets a JPEG's EXIF Orientation to a value outside 1-8, as some writers really do. */
export function patchOrientation(jpeg: Buffer, value: number): Buffer {
  const out = Buffer.from(jpeg);
  const tiff = out.indexOf('Exif\0\0', 0, 'latin1') + 6;
  const little = out.toString('latin1', tiff, tiff + 2) === 'II';
  const u16 = (at: number) => (little ? out.readUInt16LE(at) : out.readUInt16BE(at));
  const ifd0 = tiff + (little ? out.readUInt32LE(tiff + 4) : out.readUInt32BE(tiff + 4));
  for (let i = 0; i < u16(ifd0); i++) {
    const entry = ifd0 + 2 + i * 12;
    if (u16(entry) !== 0x0112) continue;
    if (little) out.writeUInt16LE(value, entry + 8);
    else out.writeUInt16BE(value, entry + 8);
    return out;
  }
  throw new Error('no Orientation entry to patch');
}

/** Deterministic noise bytes (an xorshift generator) that start with no known signature. */
export function noiseBytes(length: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s & 0xff;
  }
  out[0] = 0x00;
  return out;
}
