// The EXIF reader behind keepMetadata and the date taken, on hand-built blocks in both byte
// orders, on sharp's own EXIF and on junk.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readExifSummary } from '../../src/imaging/exif';

interface Entry {
  tag: number;
  type: number;
  value: Buffer;
}

/** A TIFF/EXIF block with one IFD0 holding `entries`, as a camera would write it. */
function exifBlock(order: 'II' | 'MM', entries: Entry[]): Buffer {
  const little = order === 'II';
  const u16 = (n: number) => {
    const b = Buffer.alloc(2);
    if (little) b.writeUInt16LE(n);
    else b.writeUInt16BE(n);
    return b;
  };
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    if (little) b.writeUInt32LE(n);
    else b.writeUInt32BE(n);
    return b;
  };
  const ifdSize = 2 + entries.length * 12 + 4;
  let dataOffset = 8 + ifdSize;
  const table: Buffer[] = [u16(entries.length)];
  const data: Buffer[] = [];
  for (const { tag, type, value } of entries) {
    const count = type === 2 ? value.length : 1;
    let field = Buffer.concat([value, Buffer.alloc(4)]).subarray(0, 4);
    if (value.length > 4) {
      field = u32(dataOffset);
      data.push(value);
      dataOffset += value.length;
    }
    table.push(u16(tag), u16(type), u32(count), field);
  }
  table.push(u32(0));
  const header = Buffer.concat([Buffer.from(order, 'latin1'), u16(42), u32(8)]);
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), header, ...table, ...data]);
}

const ascii = (text: string) => Buffer.from(`${text}\0`, 'utf8');

describe('readExifSummary', () => {
  it.each(['II', 'MM'] as const)('reads credit and GPS presence (%s byte order)', (order) => {
    const block = exifBlock(order, [
      { tag: 0x013b, type: 2, value: ascii('Ann') }, // short enough to sit inline
      { tag: 0x8298, type: 2, value: Buffer.from('(c) Ann\0(c) Agency\0', 'utf8') },
      { tag: 0x8825, type: 4, value: Buffer.from([0, 0, 0, 0x40]) },
    ]);
    expect(readExifSummary(block)).toEqual({
      artist: 'Ann',
      copyright: '(c) Ann; (c) Agency',
      hasGps: true,
    });
  });

  it('reports nothing for a block without those tags', () => {
    const block = exifBlock('II', [{ tag: 0x010f, type: 2, value: ascii('Canon') }]);
    expect(readExifSummary(block)).toEqual({ hasGps: false });
    expect(readExifSummary(undefined)).toEqual({ hasGps: false });
  });

  it('reads the date taken from the Exif directory, as cameras write it', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .withExif({ IFD0: { Make: 'Cam' }, IFD2: { DateTimeOriginal: '2021:05:04 10:11:12' } })
      .jpeg()
      .toBuffer();
    const exif = (await sharp(jpeg).metadata()).exif;
    expect(readExifSummary(exif)).toEqual({
      hasGps: false,
      dateTimeOriginal: '2021:05:04 10:11:12',
    });
    for (let length = 0; length < exif!.length; length++) {
      expect(() => readExifSummary(exif!.subarray(0, length))).not.toThrow();
    }
  });

  it('never throws on damaged blocks', () => {
    const good = exifBlock('MM', [{ tag: 0x8298, type: 2, value: ascii('(c) Someone Else') }]);
    for (let length = 0; length < good.length; length++) {
      expect(() => readExifSummary(good.subarray(0, length))).not.toThrow();
    }
    expect(readExifSummary(Buffer.from('Exif\0\0garbage that is not TIFF'))).toEqual({
      hasGps: false,
    });
  });
});
