// Test images made with sharp: distinct colours and sizes (so thumbnails are told apart in
// screenshots), JPEG, PNG and WebP, a few JPEGs carrying an EXIF orientation, plus PngSuite's
// deliberately damaged files.
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

export const PNGSUITE_DIR = path.resolve(
  import.meta.dirname,
  '../../../../shared/fixtures/pngsuite',
);

export interface TestImage {
  name: string;
  path: string;
  mimeType: string;
}

const PALETTE = [
  ['#0f766e', '#99f6e4'],
  ['#1d4ed8', '#bfdbfe'],
  ['#b45309', '#fde68a'],
  ['#be123c', '#fecdd3'],
  ['#4d7c0f', '#d9f99d'],
  ['#6d28d9', '#ddd6fe'],
  ['#0e7490', '#a5f3fc'],
  ['#a21caf', '#f5d0fe'],
  ['#c2410c', '#fed7aa'],
  ['#334155', '#e2e8f0'],
] as const;

const SIZES = [
  [1200, 800],
  [800, 1200],
  [1600, 900],
  [1000, 1000],
  [640, 480],
  [2400, 1600],
] as const;

/** Each prefix gets its own colours and label, so no two sets hold the same pixels (the app
 * rightly skips duplicates). */
function artwork(prefix: string, index: number, width: number, height: number): Buffer {
  const shift = [...prefix].reduce((sum, c) => sum + c.charCodeAt(0), 0);
  const [dark, light] = PALETTE[(index + shift) % PALETTE.length]!;
  const label = `${prefix.slice(0, 1).toUpperCase()}${index + 1}`;
  const r = Math.round(Math.min(width, height) * 0.28);
  const cx = Math.round(width * (0.3 + 0.4 * ((index * 37) % 10) * 0.1));
  const cy = Math.round(height * 0.45);
  const font = Math.round(Math.min(width, height) * 0.16);
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
        <stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/>
      </linearGradient></defs>
      <rect width="100%" height="100%" fill="url(#g)"/>
      <circle cx="${cx}" cy="${cy}" r="${r}" fill="${dark}" fill-opacity="0.55"/>
      <rect x="${Math.round(width * 0.08)}" y="${Math.round(height * 0.72)}" width="${Math.round(width * 0.5)}" height="${Math.round(height * 0.08)}" fill="#ffffff" fill-opacity="0.6"/>
      <text x="${Math.round(width * 0.08)}" y="${Math.round(height * 0.2)}" font-family="DejaVu Sans" font-weight="bold" font-size="${font}" fill="#ffffff">${label}</text>
    </svg>`,
  );
}

/**
 * Writes `count` images named `${prefix}-NN.ext` into `dir`. Every fifth one is a JPEG stored
 * sideways with EXIF orientation 6 (the pipeline must turn it upright); the rest cycle through
 * JPEG, PNG and WebP.
 */
export async function makeImages(dir: string, prefix: string, count: number): Promise<TestImage[]> {
  await fs.mkdir(dir, { recursive: true });
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const [width, height] = SIZES[i % SIZES.length]!;
      const base = sharp(artwork(prefix, i, width, height));
      const number = String(i + 1).padStart(2, '0');
      let name: string;
      let mimeType: string;
      let data: Buffer;
      if (i % 5 === 4) {
        name = `${prefix}-${number}-rotated.jpg`;
        mimeType = 'image/jpeg';
        // Stored 90° anticlockwise with orientation 6 ("rotate 90° clockwise to view").
        data = await base
          .rotate(-90)
          .jpeg({ quality: 85 })
          .withMetadata({ orientation: 6 })
          .toBuffer();
      } else if (i % 3 === 1) {
        name = `${prefix}-${number}.png`;
        mimeType = 'image/png';
        data = await base.png({ compressionLevel: 6 }).toBuffer();
      } else if (i % 3 === 2) {
        name = `${prefix}-${number}.webp`;
        mimeType = 'image/webp';
        data = await base.webp({ quality: 80 }).toBuffer();
      } else {
        name = `${prefix}-${number}.jpg`;
        mimeType = 'image/jpeg';
        data = await base.jpeg({ quality: 85 }).toBuffer();
      }
      const file = path.join(dir, name);
      await fs.writeFile(file, data);
      return { name, path: file, mimeType };
    }),
  );
}

/** A PngSuite file that has a valid PNG signature but a damaged chunk (bad CRC). */
export function corruptPng(name = 'xcsn0g01.png'): TestImage {
  return { name, path: path.join(PNGSUITE_DIR, name), mimeType: 'image/png' };
}
