// Test photos for the benchmarks: 12-megapixel JPEGs with smooth colour fields plus sensor-like
// noise, so they compress like real photos. Generated once and kept in the temp dir.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

export const PHOTO_WIDTH = 4000;
export const PHOTO_HEIGHT = 3000;
const DIR = path.join(os.tmpdir(), 'image-desk-bench-photos-v1');

/** xorshift32: deterministic, so a cached photo is the same photo on every run. */
function random(seed: number): () => number {
  let x = seed * 2654435761 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

async function makePhoto(file: string, seed: number): Promise<void> {
  const next = random(seed + 1);
  // A 6x4 grid of random colours, upscaled smoothly: the "scene".
  const grid = Buffer.from(Array.from({ length: 6 * 4 * 3 }, () => Math.floor(next() * 256)));
  const scene = await sharp(grid, { raw: { width: 6, height: 4, channels: 3 } })
    .resize(PHOTO_WIDTH, PHOTO_HEIGHT, { kernel: 'cubic', fit: 'fill' })
    .raw()
    .toBuffer();
  // Add grain (about ±12 levels): it is what makes real photos cost bytes.
  for (let i = 0; i < scene.length; i++) {
    const grain = (next() + next() + next() - 1.5) * 16;
    scene[i] = Math.max(0, Math.min(255, scene[i]! + grain));
  }
  const jpeg = await sharp(scene, {
    raw: { width: PHOTO_WIDTH, height: PHOTO_HEIGHT, channels: 3 },
  })
    .jpeg({ quality: 90 })
    .toBuffer();
  await fs.writeFile(`${file}.part`, jpeg);
  await fs.rename(`${file}.part`, file);
}

/** Paths of `count` distinct photos, generating the ones not cached yet. */
export async function benchPhotos(count: number, log: (line: string) => void): Promise<string[]> {
  await fs.mkdir(DIR, { recursive: true });
  const files = Array.from({ length: count }, (_, i) =>
    path.join(DIR, `photo-${String(i).padStart(3, '0')}.jpg`),
  );
  const missing: number[] = [];
  for (const [i, file] of files.entries()) {
    if (!(await fs.stat(file).catch(() => undefined))) missing.push(i);
  }
  if (missing.length > 0) log(`generating ${missing.length} test photos in ${DIR} (once)…`);
  for (const i of missing) await makePhoto(files[i]!, i);
  return files;
}
