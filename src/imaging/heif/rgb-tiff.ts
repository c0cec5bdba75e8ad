// An uncompressed, baseline RGB(A) TIFF laid out around pixels still to be written: the lossless
// hand-over from libheif to sharp. Raw pixels cannot carry a colour profile into sharp, and a
// TIFF can (tag 34675), so the pipeline's usual conversion to sRGB applies to HEVC photos too.
// Uncompressed, it costs one copy to write and next to nothing for libtiff to read.
import { imageErrors } from '../image-errors';

const SHORT = 3;
const LONG = 4;
const UNDEFINED = 7;
/** Strips of about this size: libvips reads a TIFF a strip at a time. */
const STRIP_BYTES = 256 * 2 ** 10;

export interface RgbTiff {
  buffer: Buffer;
  /** Where the rows go, top to bottom, `width * channels` bytes each, no padding. */
  offset: number;
}

type Field = [tag: number, type: number, values: number[] | Buffer];

const wordAligned = (n: number) => n + (n % 2);

export function allocateRgbTiff(
  width: number,
  height: number,
  channels: 3 | 4,
  icc?: Buffer,
): RgbTiff {
  const rowBytes = width * channels;
  const rowsPerStrip = Math.max(1, Math.min(height, Math.floor(STRIP_BYTES / rowBytes)));
  const strips = Math.ceil(height / rowsPerStrip);
  const fields: Field[] = [
    [256, LONG, [width]],
    [257, LONG, [height]],
    [258, SHORT, new Array<number>(channels).fill(8)],
    [259, SHORT, [1]], // no compression
    [262, SHORT, [2]], // RGB
    [273, LONG, new Array<number>(strips).fill(0)], // strip offsets, filled in below
    [277, SHORT, [channels]],
    [278, LONG, [rowsPerStrip]],
    [
      279,
      LONG,
      Array.from(
        { length: strips },
        (_, i) => Math.min(rowsPerStrip, height - i * rowsPerStrip) * rowBytes,
      ),
    ],
    [284, SHORT, [1]], // interleaved
  ];
  // Unassociated alpha, which is what libheif returns.
  if (channels === 4) fields.push([338, SHORT, [2]]);
  if (icc) fields.push([34675, UNDEFINED, icc]);

  const ifdBytes = 2 + fields.length * 12 + 4;
  const outOfLine = (values: Field[2], type: number) =>
    Buffer.isBuffer(values) ? values.length : values.length * (type === SHORT ? 2 : 4);
  let dataEnd = 8 + ifdBytes;
  const placed = fields.map(([, type, values]) => {
    const size = outOfLine(values, type);
    if (size <= 4) return -1;
    const at = dataEnd;
    dataEnd = wordAligned(dataEnd + size);
    return at;
  });
  const pixelOffset = dataEnd;
  const total = pixelOffset + rowBytes * height;
  // Classic TIFF offsets are 32-bit. libheif's memory (2 GB at most) stops far below; never wrap.
  if (total > 0xffff_ffff) throw imageErrors.pixelLimit(new Error(`a ${total}-byte TIFF`));
  const strip = fields.find(([tag]) => tag === 273)![2] as number[];
  strip.forEach((_, i) => (strip[i] = pixelOffset + i * rowsPerStrip * rowBytes));

  const buffer = Buffer.allocUnsafe(total);
  buffer.fill(0, 0, pixelOffset);
  buffer.write('II', 0, 'latin1');
  buffer.writeUInt16LE(42, 2);
  buffer.writeUInt32LE(8, 4);
  buffer.writeUInt16LE(fields.length, 8);
  fields.forEach(([tag, type, values], i) => {
    const entry = 10 + i * 12;
    buffer.writeUInt16LE(tag, entry);
    buffer.writeUInt16LE(type, entry + 2);
    buffer.writeUInt32LE(values.length, entry + 4);
    const at = placed[i]!;
    if (at >= 0) buffer.writeUInt32LE(at, entry + 8);
    writeValues(buffer, at >= 0 ? at : entry + 8, type, values);
  });
  buffer.writeUInt32LE(0, 10 + fields.length * 12); // no further IFD
  return { buffer, offset: pixelOffset };
}

function writeValues(buffer: Buffer, at: number, type: number, values: Field[2]): void {
  if (Buffer.isBuffer(values)) {
    values.copy(buffer, at);
    return;
  }
  values.forEach((value, i) => {
    if (type === SHORT) buffer.writeUInt16LE(value, at + i * 2);
    else buffer.writeUInt32LE(value, at + i * 4);
  });
}
