// Type detection by magic bytes, and sniffFile's checks on the path it is given.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_MIME_TYPES, sniffFile, sniffImageType } from '../../src/imaging';
import { FIXTURES_DIR, codeOf, solid, useTempDir } from './helpers';

const tmp = useTempDir();

describe('sniffImageType', () => {
  const base = () => solid(16, 16, '#336699');

  it.each([
    ['image/jpeg', 'jpg', () => base().jpeg().toBuffer()],
    ['image/png', 'png', () => base().png().toBuffer()],
    ['image/webp', 'webp', () => base().webp().toBuffer()],
    ['image/avif', 'avif', () => base().avif().toBuffer()],
    ['image/gif', 'gif', () => base().gif().toBuffer()],
    ['image/tiff', 'tiff', () => base().tiff().toBuffer()],
    ['image/heif', 'heic', () => readFile(path.join(FIXTURES_DIR, 'hevc-64x48.heic'))],
  ])('recognises %s from its bytes', async (mime, extension, make) => {
    expect(sniffImageType(await make())).toEqual({ mime, extension });
  });

  it('recognises big-endian TIFF', async () => {
    const tiff = await solid(16, 16, '#336699').tiff().toBuffer();
    const bigEndian = Buffer.concat([Buffer.from('MM\0*', 'latin1'), tiff.subarray(4)]);
    expect(sniffImageType(bigEndian)?.mime).toBe('image/tiff');
  });

  it('tells AVIF from generic HEIF by the ftyp brands', () => {
    const ftyp = (...brands: string[]) => {
      const body = Buffer.from(`ftyp${brands[0]}\0\0\0\0${brands.slice(1).join('')}`, 'latin1');
      const size = Buffer.alloc(4);
      size.writeUInt32BE(body.length + 4);
      return Buffer.concat([size, body, Buffer.alloc(32)]);
    };
    expect(sniffImageType(ftyp('mif1', 'mif1', 'avif'))?.mime).toBe('image/avif');
    expect(sniffImageType(ftyp('heic', 'mif1', 'heic'))?.mime).toBe('image/heif');
    expect(sniffImageType(ftyp('mif1', 'mif1', 'miaf'))?.mime).toBe('image/heif');
    // An MP4 video has an ftyp box too, but no image brand.
    expect(sniffImageType(ftyp('isom', 'isom', 'iso2', 'mp41'))).toBeNull();
  });

  it('ignores everything that is not one of the supported images', () => {
    const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10"/>';
    for (const text of [svg, '<svg width="10" height="10"></svg>', 'Hello, world', '']) {
      expect(sniffImageType(Buffer.from(text))).toBeNull();
    }
    expect(sniffImageType(Buffer.from('BM\x36\0\0\0', 'latin1'))).toBeNull(); // BMP
    expect(sniffImageType(Buffer.from('%PDF-1.7\n', 'latin1'))).toBeNull();
    expect(sniffImageType(Buffer.from([0xff, 0xd8]))).toBeNull(); // too short to be sure
    // Canon CR2 raw: a TIFF container that would decode as its embedded preview.
    expect(sniffImageType(Buffer.from('II*\0\x10\0\0\0CR\x02\0', 'latin1'))).toBeNull();
  });

  it('lists exactly the detectable types as supported', () => {
    expect([...SUPPORTED_MIME_TYPES].sort()).toEqual([
      'image/avif',
      'image/gif',
      'image/heif',
      'image/jpeg',
      'image/png',
      'image/tiff',
      'image/webp',
    ]);
  });
});

describe('sniffFile', () => {
  it('returns the type of an image file, whatever its name', async () => {
    const file = path.join(tmp(), 'holiday.txt');
    await solid(16, 16, '#336699').png().toFile(file);
    expect(await sniffFile(file)).toEqual({ mime: 'image/png', extension: 'png' });
  });

  it('refuses a missing file', async () => {
    expect(await codeOf(sniffFile(path.join(tmp(), 'missing.jpg')))).toBe('FILE_NOT_FOUND');
    expect(await codeOf(sniffFile(path.join(tmp(), 'no-dir', 'x.jpg')))).toBe('FILE_NOT_FOUND');
  });

  it('refuses a directory', async () => {
    const dir = path.join(tmp(), 'album.jpg');
    await mkdir(dir);
    expect(await codeOf(sniffFile(dir))).toBe('NOT_A_FILE');
  });

  it('refuses a file over the size cap before reading it', async () => {
    const file = path.join(tmp(), 'big.jpg');
    await solid(64, 64, '#336699').jpeg().toFile(file);
    expect(await codeOf(sniffFile(file, { maxFileBytes: 100 }))).toBe('FILE_TOO_LARGE');
  });

  it('refuses a text file renamed to .jpg, and an SVG', async () => {
    const text = path.join(tmp(), 'photo.jpg');
    await writeFile(text, 'These are my holiday notes, not a photo.\n');
    expect(await codeOf(sniffFile(text))).toBe('UNSUPPORTED_TYPE');
    const svg = path.join(tmp(), 'logo.svg');
    await writeFile(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect(await codeOf(sniffFile(svg))).toBe('UNSUPPORTED_TYPE');
  });

  it('calls an empty file damaged rather than unsupported', async () => {
    const empty = path.join(tmp(), 'empty.jpg');
    await writeFile(empty, '');
    expect(await codeOf(sniffFile(empty))).toBe('CORRUPT_IMAGE');
  });
});
