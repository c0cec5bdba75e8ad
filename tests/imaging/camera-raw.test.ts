// Camera raw files are refused with advice to export, never decoded: TIFF-based raws (NEF, ARW,
// PEF, DNG) would otherwise "succeed" and store their small embedded preview as the photo.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processImage, sniffImageType } from '../../src/imaging';
import { isoBmff, tiffRaw } from '../cli/wild-bytes';
import { codeOf, solid } from './helpers';

/** Sets a SHORT entry of a TIFF's first directory to `value`. */
function setShortTag(tiff: Buffer, tag: number, value: number): Buffer {
  const out = Buffer.from(tiff);
  const ifd = out.readUInt32LE(4);
  for (let i = 0; i < out.readUInt16LE(ifd); i++) {
    const entry = ifd + 2 + i * 12;
    if (out.readUInt16LE(entry) === tag) {
      out.writeUInt16LE(value, entry + 8);
      return out;
    }
  }
  throw new Error(`tag ${tag} not found`);
}

describe('camera raw files', () => {
  it('is a real decodable TIFF preview, which is what made it dangerous', async () => {
    const meta = await sharp(tiffRaw({ dng: false })).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['tiff', 16, 16]);
  });

  it.each([
    ['NEF/ARW: first directory is a reduced-resolution preview', tiffRaw({ dng: false })],
    ['DNG: carries a DNGVersion tag', tiffRaw({ dng: true })],
    [
      'sensor data (colour filter array) in the first directory',
      setShortTag(setShortTag(tiffRaw({ dng: false }), 254, 0), 262, 32803),
    ],
    [
      'Canon CR2',
      Buffer.concat([Buffer.from('II*\0\x10\0\0\0CR\x02\0', 'latin1'), Buffer.alloc(64)]),
    ],
    ['Canon CR3', isoBmff('crx ', 'crx ', 'isom')],
    ['Olympus ORF', Buffer.concat([Buffer.from('IIRO\x08\0\0\0', 'latin1'), Buffer.alloc(64)])],
    ['Panasonic RW2', Buffer.concat([Buffer.from('IIU\0\x08\0\0\0', 'latin1'), Buffer.alloc(64)])],
    ['Fujifilm RAF', Buffer.from('FUJIFILMCCD-RAW 0201FF383501', 'latin1')],
  ])('refuses %s, saying to export it', async (_name, file) => {
    expect(sniffImageType(file)).toBeNull();
    const error = processImage(file);
    expect(await codeOf(error)).toBe('UNSUPPORTED_TYPE');
    await expect(error).rejects.toThrow(/camera raw file.*Export it as JPEG or TIFF/);
  });

  it('still takes ordinary TIFFs for TIFFs, whatever their byte order', async () => {
    const tiff = await solid(64, 48, '#336699').tiff({ compression: 'lzw' }).toBuffer();
    const bigEndian = Buffer.concat([Buffer.from('MM\0*', 'latin1'), tiff.subarray(4)]);
    for (const file of [tiff, bigEndian, setShortTag(tiffRaw({ dng: false }), 254, 0)]) {
      expect(sniffImageType(file)?.mime).toBe('image/tiff');
    }
    const result = await processImage(tiff);
    expect([result.original.contentType, result.original.width]).toEqual(['image/tiff', 64]);
  });
});
