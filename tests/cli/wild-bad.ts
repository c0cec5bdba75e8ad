// The bad half of the wild folder: what must be refused with a stable code (damaged, hostile,
// unsupported, unreachable) and what must be left out silently (OS litter, hidden files).
//
// Decisions, for a person who drops a whole folder:
// - Every visible file gets a line in the report: one that is not uploaded says why, so none
//   disappears silently. That includes dangling links and link loops (FILE_NOT_FOUND), links
//   to folders (NOT_A_FILE: not followed, a link back up the tree would never end) and names
//   not written in UTF-8 (FILE_NOT_FOUND, with advice to rename).
// - Hidden entries (".DS_Store", "._*" AppleDouble files, ".git"), the litter operating
//   systems drop into photo folders (Thumbs.db, desktop.ini, macOS "Icon\r", "System Volume
//   Information") and named pipes, sockets and devices (made by programs, not photos, and
//   reading one blocks forever) are skipped without a line, as dotfiles always were. A pipe
//   named explicitly is refused with NOT_A_FILE, without being opened (see the test).
// - Raw camera files are refused as unsupported rather than decoded: TIFF-based raws decode
//   to their small embedded preview, which would pass for the photo.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { DEFAULT_MAX_FILE_BYTES } from '../../src/imaging';
import type { ErrorCode } from '../../src/shared/errors';
import { withClaimedSize } from '../support/heif-tools';
import * as bytes from './wild-bytes';
import { cameraJpeg, iphoneHeic } from './wild-camera';
import { SKIPPED, linkTo, refused, write, type Make, type Spec } from './wild-spec';

const SVG =
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">' +
  '<script>alert(1)</script><rect width="100" height="100"/></svg>';
const CR2 = Buffer.concat([Buffer.from('II*\0\x10\0\0\0CR\x02\0', 'latin1'), Buffer.alloc(256)]);
const OLE_HEADER = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.alloc(504),
]);
const XMP_SIDECAR =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/" crs:Exposure2012="+0.35"/>' +
  '</rdf:RDF></x:xmpmeta>';
const AAE =
  '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>adjustmentFormatIdentifier</key>' +
  '<string>com.apple.photo</string></dict></plist>\n';

function noisy(format: 'jpeg' | 'progressive' | 'png'): Promise<Buffer> {
  const create = { width: 800, height: 600, channels: 3, background: '#000' } as const;
  const image = sharp({ create: { ...create, noise: { type: 'gaussian', mean: 128, sigma: 40 } } });
  if (format === 'png') return image.png().toBuffer();
  return image.jpeg({ progressive: format === 'progressive' }).toBuffer();
}

function cut(format: Parameters<typeof noisy>[0], fraction: number): Make {
  return write(async () => {
    const whole = await noisy(format);
    return whole.subarray(0, Math.floor(whole.length * fraction));
  });
}

async function mkfifo(at: string): Promise<void> {
  execFileSync('mkfifo', [at]);
}

function bad(file: string, code: ErrorCode, why: string, make: Make): Spec {
  return { path: file, expected: refused(code), why, make };
}

function skipped(file: string, why: string, make: Make): Spec {
  return { path: file, expected: SKIPPED, why, make };
}

const UNSUPPORTED = 'UNSUPPORTED_TYPE';
const CORRUPT = 'CORRUPT_IMAGE';
const TOO_LARGE = 'IMAGE_TOO_LARGE';

export function badFiles(): Spec[] {
  return [
    bad(
      'junk/random.jpg',
      UNSUPPORTED,
      'random bytes named .jpg',
      write(() => bytes.noiseBytes(50_000)),
    ),
    bad(
      'junk/empty.jpg',
      CORRUPT,
      'zero bytes',
      write(() => Buffer.alloc(0)),
    ),
    bad(
      'junk/photo.png',
      UNSUPPORTED,
      'a text file named .png',
      write(() => 'Remember: eggs, flour.\n'),
    ),
    bad(
      'junk/logo.svg',
      UNSUPPORTED,
      'SVG with a script',
      write(() => SVG),
    ),
    bad('junk/invoice.pdf', UNSUPPORTED, 'PDF', write(bytes.pdf)),
    bad('junk/old.bmp', UNSUPPORTED, 'BMP', write(bytes.bmp)),
    bad('junk/favicon.ico', UNSUPPORTED, 'ICO', write(bytes.ico)),
    bad('junk/layers.psd', UNSUPPORTED, 'Photoshop document', write(bytes.psd)),
    bad(
      'phone/IMG_0002 cut.HEIC',
      CORRUPT,
      'iPhone HEIC cut in half (an interrupted copy from the phone)',
      write(async () => {
        const whole = await iphoneHeic([640, 480], 42);
        return whole.subarray(0, whole.length >> 1);
      }),
    ),
    bad(
      'phone/IMG_4242.MOV',
      UNSUPPORTED,
      'the video half of a Live Photo',
      write(() => bytes.isoBmff('qt  ', 'qt  ')),
    ),
    bad(
      'DCIM/100WILD/IMG_0001.XMP',
      UNSUPPORTED,
      "editor sidecar next to a photo: the person's file, so reported",
      write(() => XMP_SIDECAR),
    ),
    bad(
      'phone/IMG_4242.AAE',
      UNSUPPORTED,
      'iPhone edit instructions (a property list)',
      write(() => AAE),
    ),
    bad(
      'raw/IMG_0001.CR2',
      UNSUPPORTED,
      'Canon CR2 raw',
      write(() => CR2),
    ),
    bad(
      'raw/DSC_0001.NEF',
      UNSUPPORTED,
      'TIFF-based raw (NEF/ARW/PEF)',
      write(() => bytes.tiffRaw({ dng: false })),
    ),
    bad(
      'raw/IMG_0001.DNG',
      UNSUPPORTED,
      'DNG raw',
      write(() => bytes.tiffRaw({ dng: true })),
    ),
    bad(
      'raw/IMG_0002.CR3',
      UNSUPPORTED,
      'Canon CR3 raw (ISO-BMFF)',
      write(() => bytes.isoBmff('crx ', 'crx ', 'isom')),
    ),
    bad('broken/truncated.jpg', CORRUPT, 'half a JPEG (interrupted copy)', cut('jpeg', 0.5)),
    bad(
      'broken/truncated progressive.jpg',
      CORRUPT,
      'half a progressive JPEG',
      cut('progressive', 0.5),
    ),
    bad('broken/truncated.png', CORRUPT, 'half a PNG', cut('png', 0.5)),
    bad('broken/header only.jpg', CORRUPT, 'JPEG markers and no image data', cut('jpeg', 0.01)),
    bad(
      'bombs/pixel bomb.png',
      TOO_LARGE,
      'PNG header declaring 3.6 gigapixels',
      write(bytes.pngBomb),
    ),
    bad(
      'bombs/pixel bomb.jpg',
      TOO_LARGE,
      'JPEG header declaring 65000 x 65000',
      write(bytes.jpegBomb),
    ),
    bad(
      'bombs/pixel bomb.webp',
      TOO_LARGE,
      'WebP header declaring 16383 x 16383',
      write(bytes.webpBomb),
    ),
    bad(
      'bombs/pixel bomb.heic',
      TOO_LARGE,
      'iPhone HEIC whose header claims 20000 x 20000: refused before libheif decodes it',
      write(async () => withClaimedSize(await iphoneHeic([640, 480], 43), 20_000, 20_000)),
    ),
    bad(
      'bombs/frame bomb.gif',
      TOO_LARGE,
      '2000 frames of 1000 x 1000 in 40 KB',
      write(() => bytes.gifBomb(1000, 2000)),
    ),
    bad(
      'huge/over the cap.jpg',
      'FILE_TOO_LARGE',
      'one byte over the size cap (a sparse file)',
      async (at) => {
        await fs.writeFile(at, await noisy('jpeg'));
        await fs.truncate(at, DEFAULT_MAX_FILE_BYTES + 1);
      },
    ),
    bad(
      'links/dangling.jpg',
      'FILE_NOT_FOUND',
      'symlink whose target is gone',
      linkTo('gone/nowhere.jpg'),
    ),
    bad('links/loop.jpg', 'FILE_NOT_FOUND', 'symlink to itself', linkTo('loop.jpg')),
    bad(
      'links/linked folder',
      'NOT_A_FILE',
      'symlink to a folder: not followed, but said so',
      linkTo('../png'),
    ),
    bad(
      'encoding/caf\uFFFD.jpg',
      'FILE_NOT_FOUND',
      'Latin-1 name from an old zip: not UTF-8, cannot be opened by that name',
      async (at) => {
        const name = Buffer.concat([
          Buffer.from(path.dirname(at) + '/caf'),
          Buffer.from([0xe9]),
          Buffer.from('.jpg'),
        ]);
        await fs.writeFile(name, await cameraJpeg([640, 480], 42));
      },
    ),
  ];
}

export function litter(): Spec[] {
  return [
    skipped(
      '.DS_Store',
      'Finder metadata',
      write(() => Buffer.from('\0\0\0\x01Bud1', 'latin1')),
    ),
    skipped(
      'DCIM/100WILD/._IMG_0001.JPG',
      'AppleDouble resource fork',
      write(() => Buffer.from('\0\x05\x16\x07\0\x02\0\0Mac OS X', 'latin1')),
    ),
    skipped(
      '__MACOSX/DCIM/._IMG_0002.JPG',
      'resource fork from a zip made on a Mac',
      write(() => '\0\x05\x16\x07'),
    ),
    skipped(
      '.hidden/secret.jpg',
      'a photo in a hidden folder',
      write(() => cameraJpeg([320, 240], 41)),
    ),
    skipped(
      'Thumbs.db',
      'Windows thumbnail cache',
      write(() => OLE_HEADER),
    ),
    skipped(
      'DCIM/desktop.ini',
      'Windows folder settings',
      write(() => '[.ShellClassInfo]\r\nIconResource=x\r\n'),
    ),
    skipped(
      'Icon\r',
      'macOS custom folder icon (always empty)',
      write(() => Buffer.alloc(0)),
    ),
    skipped(
      'System Volume Information/IndexerVolumeGuid',
      'what Windows writes on a memory card',
      write(() => '{00000000-0000-0000-0000-000000000000}'),
    ),
    skipped(
      '$RECYCLE.BIN/S-1-5-21-1/desktop.ini',
      'the recycle bin of a memory card',
      write(() => '[.ShellClassInfo]\r\n'),
    ),
    skipped('special/pipe.jpg', 'a named pipe: reading it would block forever', (at) => mkfifo(at)),
    skipped('empty folder/', 'an empty folder', async () => undefined),
  ];
}
