// The picture every good corpus image shows: four differently coloured quarters, so any
// rotation or mirror (transposes included) is visible, plus how a camera at a given EXIF
// orientation stores it, and the check that a stored image shows it the right way up.
import sharp, { type Sharp } from 'sharp';

export type Rgb = [number, number, number];
/** Colours of the top-left, top-right, bottom-left and bottom-right quarters, shown upright. */
export type Quarters = [Rgb, Rgb, Rgb, Rgb];

const RED: Rgb = [230, 20, 20];
const BLUE: Rgb = [20, 40, 230];
const GREEN: Rgb = [20, 200, 40];

export const GREYS: Quarters = [
  [0, 0, 0],
  [80, 80, 80],
  [170, 170, 170],
  [255, 255, 255],
];

/** The upright pattern; `id` tints the last quarter so no two photos share their pixels. */
export function pattern(id: number): Quarters {
  return [RED, BLUE, GREEN, [255, 255 - id, 250 - id * 3]];
}

export interface Raw {
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
}

export function paint(width: number, height: number, colours: Quarters, channels: 3 | 4 = 3): Raw {
  const data = Buffer.alloc(width * height * channels, 255);
  for (let y = 0; y < height; y++) {
    const row = y < height / 2 ? 0 : 2;
    for (let x = 0; x < width; x++) {
      data.set(colours[row + (x < width / 2 ? 0 : 1)]!, (y * width + x) * channels);
    }
  }
  return { data, width, height, channels };
}

/**
 * Where stored pixel (x, y) of a w x h image is shown for each EXIF orientation (TIFF 6.0: which
 * side row 0 and column 0 go to). Written out, so the fixture does not lean on sharp's rotation.
 */
const SHOWN_AT: Record<number, (x: number, y: number, w: number, h: number) => [number, number]> = {
  1: (x, y) => [x, y],
  2: (x, y, w) => [w - 1 - x, y],
  3: (x, y, w, h) => [w - 1 - x, h - 1 - y],
  4: (x, y, _w, h) => [x, h - 1 - y],
  5: (x, y) => [y, x],
  6: (x, y, _w, h) => [h - 1 - y, x],
  7: (x, y, w, h) => [h - 1 - y, w - 1 - x],
  8: (x, y, w) => [y, w - 1 - x],
};

/** The pixels a camera held at `orientation` stores for this upright picture. */
export function storedAs(upright: Raw, orientation: number): Raw {
  const sideways = orientation >= 5;
  const width = sideways ? upright.height : upright.width;
  const height = sideways ? upright.width : upright.height;
  const { channels } = upright;
  const data = Buffer.alloc(upright.data.length);
  const shown = SHOWN_AT[orientation]!;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [dx, dy] = shown(x, y, width, height);
      const from = (dy * upright.width + dx) * channels;
      upright.data.copy(data, (y * width + x) * channels, from, from + channels);
    }
  }
  return { data, width, height, channels };
}

export function fromRaw(raw: Raw): Sharp {
  const { width, height, channels } = raw;
  return sharp(raw.data, { raw: { width, height, channels } });
}

/** The pattern of photo `id` as a camera at `orientation` stores it. */
export function picture(width: number, height: number, id: number, orientation = 1): Sharp {
  return fromRaw(storedAs(paint(width, height, pattern(id)), orientation));
}

function distance(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/**
 * Which of the expected colours the centre of each quarter of the first frame is closest to,
 * in sRGB. The stored image is upright exactly when that is [0, 1, 2, 3]. Colour conversions
 * (CMYK, Display P3, palettes) shift the colours but never enough to swap them.
 */
export async function quarterOrder(image: Buffer, expected: Quarters): Promise<number[]> {
  const { data, info } = await sharp(image, { page: 0 })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const at = (fx: number, fy: number): Rgb => {
    const x = Math.min(info.width - 1, Math.floor(info.width * fx));
    const y = Math.min(info.height - 1, Math.floor(info.height * fy));
    const i = (y * info.width + x) * info.channels;
    return [data[i]!, data[i + 1]!, data[i + 2]!];
  };
  const samples = [at(0.25, 0.25), at(0.75, 0.25), at(0.25, 0.75), at(0.75, 0.75)];
  return samples.map((sample) => {
    const gaps = expected.map((colour) => distance(sample, colour));
    return gaps.indexOf(Math.min(...gaps));
  });
}
