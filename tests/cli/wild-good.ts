// The good half of the wild folder: images a person expects in the gallery, each drawn with the
// four-quarter pattern so the stored copy can be checked upright, sized and clean.
import fs from 'node:fs/promises';
import path from 'node:path';
import * as bytes from './wild-bytes';
import {
  CAMERA_EXIF,
  XMP_WITH_GPS,
  animation,
  cameraJpeg,
  iphoneHeic,
  paletteWithTransparency,
  withGainMap,
} from './wild-camera';
import { GREYS, fromRaw, paint, pattern, picture, storedAs } from './wild-pattern';
import { linkTo, uploaded, write, type Make, type Spec, type Uploaded } from './wild-spec';

const JPEG = 'image/jpeg';
const PNG = 'image/png';
const PHOTO: [number, number] = [3000, 2000];

/** One good image: its upright size, stored type, how to make it, and what it tests. */
function good(
  file: string,
  [width, height]: [number, number],
  contentType: string,
  make: Make,
  why: string,
  extra: Partial<Uploaded> = {},
): Spec {
  return { path: file, expected: uploaded(width, height, contentType, extra), why, make };
}

function cameraRoll(): Spec[] {
  return [1, 2, 3, 4, 5, 6, 7, 8].map((n) =>
    good(
      `DCIM/100WILD/IMG_000${n}.JPG`,
      PHOTO,
      JPEG,
      write(() => cameraJpeg(PHOTO, n, n)),
      `camera JPEG, EXIF orientation ${n}, GPS and body serial`,
      { quarters: pattern(n), ...(n === 1 ? { sameAs: 'IMG_0001' } : {}) },
    ),
  );
}

/** A caption as file name, 251 bytes with its extension: near the 255-byte limit of most disks. */
const LONG_NAME = `${"Family reunion at grandma's farm, summer 2024 - ".repeat(6).slice(0, 247)}.jpg`;

export function goodImages(outside: string): Spec[] {
  const elsewhere = path.join(outside, 'elsewhere.jpg');
  return [
    ...cameraRoll(),
    good(
      'DCIM/101WILD/IMG_0001.JPG',
      [2400, 1600],
      JPEG,
      write(() => cameraJpeg([2400, 1600], 35)),
      'same name as another photo (the camera counter wrapped): a different picture, uploaded',
      { quarters: pattern(35) },
    ),
    good(
      'misnamed/actually a png.jpg',
      [640, 480],
      PNG,
      write(() => picture(640, 480, 36).png().toBuffer()),
      'a PNG named .jpg: the bytes decide, and the gallery name gets .png',
      { quarters: pattern(36) },
    ),
    good(
      `names/${LONG_NAME}`,
      [640, 480],
      JPEG,
      write(() => cameraJpeg([640, 480], 37)),
      'a 251-byte file name: the gallery keeps the first 240 characters',
      { quarters: pattern(37) },
    ),
    good(
      'names/100% "best" #1 & <b>?*|:\\ [final] (2).jpg',
      [640, 480],
      JPEG,
      write(() => cameraJpeg([640, 480], 38)),
      'quotes, markup, URL and shell characters in a name',
      { quarters: pattern(38) },
    ),
    good(
      'backup/IMG_0001 copy.JPG',
      PHOTO,
      JPEG,
      (at, root) => fs.copyFile(path.join(root, 'DCIM/100WILD/IMG_0001.JPG'), at),
      'byte copy of IMG_0001: one upload, one duplicate',
      { sameAs: 'IMG_0001' },
    ),
    good(
      'links/IMG_0001 alias.JPG',
      PHOTO,
      JPEG,
      linkTo('../DCIM/100WILD/IMG_0001.JPG'),
      'symlink to IMG_0001 in the same folder: a duplicate',
      { sameAs: 'IMG_0001' },
    ),
    good(
      'links/from another drive.jpg',
      [1600, 1200],
      JPEG,
      async (at) => {
        await fs.writeFile(elsewhere, await cameraJpeg([1600, 1200], 9));
        await fs.symlink(elsewhere, at);
      },
      'symlink to a photo outside the folder: links to files are followed',
      { quarters: pattern(9) },
    ),
    good(
      'exports/progressive rotated.jpg',
      PHOTO,
      JPEG,
      write(() => cameraJpeg(PHOTO, 10, 6, true)),
      'progressive JPEG, orientation 6',
      { quarters: pattern(10) },
    ),
    good(
      'exports/CMYK print.jpg',
      [1200, 800],
      JPEG,
      write(() => picture(1200, 800, 11).toColourspace('cmyk').jpeg().toBuffer()),
      'CMYK JPEG: converted to sRGB',
      { quarters: pattern(11) },
    ),
    good(
      'exports/cmyk-scan.tif',
      [900, 600],
      'image/tiff',
      write(() => picture(900, 600, 12).toColourspace('cmyk').tiff().toBuffer()),
      'CMYK TIFF: an sRGB TIFF',
      { quarters: pattern(12) },
    ),
    good(
      'scans/grey scan.jpeg',
      [2800, 1800],
      JPEG,
      write(() =>
        fromRaw(storedAs(paint(2800, 1800, GREYS), 3))
          .toColourspace('b-w')
          .withMetadata({ orientation: 3 })
          .jpeg()
          .toBuffer(),
      ),
      'greyscale JPEG, orientation 3',
      { quarters: GREYS },
    ),
    good(
      'png/deep 16-bit alpha.png',
      [1000, 700],
      PNG,
      write(() =>
        fromRaw(paint(1000, 700, pattern(13), 4))
          .toColourspace('rgb16')
          .png()
          .toBuffer(),
      ),
      '16-bit RGBA PNG',
      { quarters: pattern(13) },
    ),
    good(
      'png/palette with tRNS.png',
      [800, 500],
      PNG,
      write(paletteWithTransparency),
      'palette PNG with tRNS',
      { quarters: pattern(14) },
    ),
    good(
      'png/interlaced.png',
      [640, 480],
      PNG,
      write(() => picture(640, 480, 15).png({ progressive: true }).toBuffer()),
      'Adam7-interlaced PNG',
      { quarters: pattern(15) },
    ),
    good(
      'png/rotated eXIf.png',
      [900, 600],
      PNG,
      write(() => picture(900, 600, 16, 6).withMetadata({ orientation: 6 }).png().toBuffer()),
      'PNG with an EXIF orientation (eXIf chunk)',
      { quarters: pattern(16) },
    ),
    good(
      'anim/party.gif',
      [600, 400],
      'image/gif',
      write(() => animation([600, 400], 17, (s) => s.gif({ delay: 200, loop: 0 }))),
      'animated GIF: stays animated',
      { quarters: pattern(17), frames: 3 },
    ),
    good(
      'anim/loop.webp',
      [600, 400],
      'image/webp',
      write(() => animation([600, 400], 18, (s) => s.webp({ delay: 200, loop: 0 }))),
      'animated WebP: stays animated',
      { quarters: pattern(18), frames: 3 },
    ),
    good(
      'scans/multipage.tiff',
      [800, 600],
      'image/tiff',
      write(() => animation([800, 600], 19, (s) => s.tiff())),
      'three-page TIFF: the first page is stored',
      { quarters: pattern(19), frames: 1 },
    ),
    good(
      'phone/sunset.avif',
      [1200, 800],
      'image/avif',
      write(() => picture(1200, 800, 20).avif().toBuffer()),
      'AVIF',
      { quarters: pattern(20) },
    ),
    good(
      'phone/IMG_0001 iPhone.HEIC',
      [1200, 800],
      JPEG,
      write(() => iphoneHeic([1200, 800], 41)),
      'iPhone HEIC (HEVC, Display P3, irot and EXIF Orientation 6 agreeing): turned once, sRGB JPEG',
      { quarters: pattern(41) },
    ),
    good(
      'phone/IMG_4242.HEIC',
      [1200, 800],
      JPEG,
      write(() => bytes.avifInHeif(picture(1200, 800, 21))),
      'HEIF (AV1-coded): stored as JPEG',
      { quarters: pattern(21) },
    ),
    good(
      'phone/PXL_20240601_093000.MP.jpg',
      [2000, 1500],
      JPEG,
      write(async () =>
        Buffer.concat([
          await cameraJpeg([2000, 1500], 22),
          bytes.isoBmff('mp42', 'isom', 'mp42'),
          bytes.noiseBytes(4096, 7),
        ]),
      ),
      'motion photo: an MP4 appended after the JPEG',
      { quarters: pattern(22) },
    ),
    good(
      'phone/PXL_20240602_UltraHDR.jpg',
      [1600, 1200],
      JPEG,
      write(() =>
        withGainMap(picture(1600, 1200, 40).withExif(CAMERA_EXIF))
          .jpeg()
          .toBuffer(),
      ),
      'Ultra HDR JPEG (gain map, as Android phones write): the picture is stored, map and location dropped',
      { quarters: pattern(40) },
    ),
    good(
      'panorama/pano 24000x200.jpg',
      [24_000, 200],
      JPEG,
      write(() => picture(24_000, 200, 23).jpeg().toBuffer()),
      'very wide panorama: long edge capped, short edge kept',
      { quarters: pattern(23) },
    ),
    good(
      'tiny/1x1.png',
      [1, 1],
      PNG,
      write(() =>
        fromRaw(paint(1, 1, GREYS))
          .png()
          .toBuffer(),
      ),
      'one pixel (spacers, tracking pixels)',
    ),
    good(
      'bombs/canvas bomb.gif',
      [1, 1],
      'image/gif',
      write(() => bytes.gifBomb(65_535, 1)),
      'GIF claiming a 65535² canvas around one 1 px frame: decoded as its frame, as browsers do',
    ),
    good(
      'exports/trailing garbage.jpg',
      [1000, 600],
      JPEG,
      write(async () =>
        Buffer.concat([await cameraJpeg([1000, 600], 24), bytes.noiseBytes(4096, 3)]),
      ),
      'bytes after the JPEG end marker: ignored',
      { quarters: pattern(24) },
    ),
    good(
      'weird/orientation 0.jpg',
      [1200, 800],
      JPEG,
      write(async () => bytes.patchOrientation(await cameraJpeg([1200, 800], 25), 0)),
      'EXIF orientation 0 (invalid): shown as stored',
      { quarters: pattern(25) },
    ),
    good(
      'weird/orientation 9.jpg',
      [1200, 800],
      JPEG,
      write(async () => bytes.patchOrientation(await cameraJpeg([1200, 800], 26), 9)),
      'EXIF orientation 9 (out of range): shown as stored',
      { quarters: pattern(26) },
    ),
    good(
      'weird/line\nbreak.jpg',
      [640, 480],
      JPEG,
      write(() => cameraJpeg([640, 480], 27)),
      'newline in the name: dropped from the gallery name',
      { quarters: pattern(27) },
    ),
    good(
      'weird/\x1b[31mred alert\x1b[0m.jpg',
      [640, 480],
      JPEG,
      write(() => cameraJpeg([640, 480], 39)),
      'terminal escape sequences in the name: never sent raw to a terminal or the gallery',
      { quarters: pattern(39) },
    ),
    good(
      'weird/display P3.jpg',
      [1200, 800],
      JPEG,
      write(() => picture(1200, 800, 28).withIccProfile('p3').jpeg().toBuffer()),
      'Display P3 profile: converted to sRGB',
      { quarters: pattern(28) },
    ),
    good(
      'weird/xmp location.jpg',
      [800, 600],
      JPEG,
      write(() => picture(800, 600, 29).withXmp(XMP_WITH_GPS).jpeg().toBuffer()),
      'location in XMP instead of EXIF: stripped too',
      { quarters: pattern(29) },
    ),
    good(
      'Café Ünïcode/ñandú — São Paulo.jpg',
      [800, 600],
      JPEG,
      write(() => cameraJpeg([800, 600], 30)),
      'accents and dashes in names',
      { quarters: pattern(30) },
    ),
    good(
      '📷 emoji/🌅 sunset 🌊.jpeg',
      [800, 600],
      JPEG,
      write(() => cameraJpeg([800, 600], 31)),
      'emoji in names',
      { quarters: pattern(31) },
    ),
    good(
      'no extension/IMG_1234',
      [800, 600],
      JPEG,
      write(() => cameraJpeg([800, 600], 32)),
      'no extension: the bytes decide',
      { quarters: pattern(32) },
    ),
    good(
      'UPPER/PHOTO.PNG',
      [800, 600],
      PNG,
      write(() => picture(800, 600, 33).png().toBuffer()),
      'upper-case extension',
      { quarters: pattern(33) },
    ),
    good(
      'deep/a/b/c/d/e/f/g/h/deep.webp',
      [800, 600],
      'image/webp',
      write(() => picture(800, 600, 34, 6).withMetadata({ orientation: 6 }).webp().toBuffer()),
      'deeply nested still WebP, orientation 6',
      { quarters: pattern(34) },
    ),
  ];
}
