// Real HEIF files for tests, made with Debian's libheif tools (package libheif-examples):
// heif-enc encodes a JPEG or PNG to HEVC HEIC (x265) or AVIF (aom), copying its EXIF and ICC
// profile; heif-convert decodes a file as libheif's own tool does, the reference for how it
// should look; exiftool (libimage-exiftool-perl) reads what EXIF a file carries. Plus small
// surgeries for what heif-enc 1.15 cannot write: a rotation or mirror in the container, another
// primary image, a claimed size.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function inTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'heif-tools-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** heif-enc picks the reader from the extension. */
function extensionOf(image: Buffer): 'jpg' | 'png' {
  if (image[0] === 0xff && image[1] === 0xd8) return 'jpg';
  if (image.toString('latin1', 1, 4) === 'PNG') return 'png';
  throw new Error('heif-enc reads JPEG or PNG only');
}

/**
 * Encodes each image (JPEG or PNG) into one HEIF file with heif-enc; the first is the primary.
 * Like every heif-enc, it copies a JPEG's EXIF Orientation but writes no `irot`.
 */
export function heifEnc(
  images: Buffer[],
  options: { avif?: boolean; quality?: number } = {},
): Promise<Buffer> {
  return inTempDir(async (dir) => {
    const inputs = await Promise.all(
      images.map(async (image, i) => {
        const file = path.join(dir, `in-${i}.${extensionOf(image)}`);
        await writeFile(file, image);
        return file;
      }),
    );
    const output = path.join(dir, options.avif ? 'out.avif' : 'out.heic');
    const quality = String(options.quality ?? 90);
    await run('heif-enc', [
      '-q',
      quality,
      ...(options.avif ? ['-A'] : []),
      '-o',
      output,
      ...inputs,
    ]);
    return readFile(output);
  });
}

/** The EXIF Orientation tag inside any image file, as exiftool reads it (0 when absent). */
export function exifOrientationOf(image: Buffer): number {
  const out = execFileSync('exiftool', ['-n', '-s3', '-Orientation', '-'], { input: image });
  return Number(out.toString().trim() || 0);
}

/** The primary image as heif-convert decodes it: a PNG of the pixels libheif produces. */
export function heifConvert(heif: Buffer): Promise<Buffer> {
  return inTempDir(async (dir) => {
    const input = path.join(dir, 'in.heic');
    await writeFile(input, heif);
    await run('heif-convert', [input, path.join(dir, 'out.png')]);
    return readFile(path.join(dir, 'out.png'));
  });
}

function boxAt(heif: Buffer, type: string, from = 0): number {
  const at = heif.indexOf(type, from, 'latin1');
  if (at < 4) throw new Error(`no ${type} box in this HEIF file`);
  return at - 4;
}

/**
 * Gives the first image a container transformation by turning its `pixi` property (16 bytes,
 * which libheif does not need) into an `irot` (angle × 90° anticlockwise) or `imir` (axis 0:
 * top and bottom swap, 1: left and right swap) of the same size: offsets stay valid.
 */
export function withTransform(heif: Buffer, box: 'irot' | 'imir', value: number): Buffer {
  const out = Buffer.from(heif);
  const at = boxAt(out, 'pixi');
  out.write(box, at + 4, 'latin1');
  out[at + 8] = value;
  return out;
}

/** The item IDs of the coded images (not EXIF or other items), in file order. */
export function imageItemIds(heif: Buffer): number[] {
  const ids: number[] = [];
  // heif-enc writes version 2 `infe` boxes: version and flags, a 16-bit item ID, a 16-bit
  // protection index, then the item type.
  for (let at = heif.indexOf('infe', 0, 'latin1'); at > 0; at = heif.indexOf('infe', at + 4)) {
    const type = heif.toString('latin1', at + 12, at + 16);
    if (type === 'hvc1' || type === 'av01') ids.push(heif.readUInt16BE(at + 8));
  }
  return ids;
}

/** Makes item `itemId` the primary image (`pitm`, version 0: a 16-bit item ID). */
export function withPrimary(heif: Buffer, itemId: number): Buffer {
  const out = Buffer.from(heif);
  out.writeUInt16BE(itemId, boxAt(out, 'pitm') + 12);
  return out;
}

/** Makes every image's `ispe` property claim `width` × `height` pixels. */
export function withClaimedSize(heif: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(heif);
  for (let at = boxAt(out, 'ispe'); at >= 0;) {
    out.writeUInt32BE(width, at + 12);
    out.writeUInt32BE(height, at + 16);
    const next = out.indexOf('ispe', at + 8, 'latin1');
    at = next < 0 ? -1 : next - 4;
  }
  return out;
}

/**
 * An AVIF re-branded as generic HEIF (brands mif1/miaf only, no avif): an AV1-coded HEIF, as
 * some cameras write, which sniffs as HEIF and which sharp decodes itself.
 */
export function rebrandAsHeif(avif: Buffer): Buffer {
  const out = Buffer.from(avif);
  const ftypEnd = out.readUInt32BE(0);
  for (let offset = 8; offset < ftypEnd; offset += 4) {
    const brand = out.toString('latin1', offset, offset + 4);
    if (brand === 'avif' || brand === 'avis') out.write('mif1', offset, 'latin1');
  }
  return out;
}
