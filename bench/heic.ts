// HEIC benchmark: the 12-megapixel bench photo (4000×3000) as an HEVC HEIC made with Debian's
// heif-enc, side by side with the same photo as a JPEG: libheif-js's decode alone, and the whole
// pipeline on each. Then memory over many decodes of a 1800×1200 HEIC: the process's RSS and
// libheif's WebAssembly memory, which must stay flat (a leaked handle would grow them).
// Usage: npm run bench:heic -- [--decodes 200]
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { processImage } from '../src/imaging';
import { decodeHevcPrimary, type PixelTarget } from '../src/imaging/heif/decode-hevc';
import { libheifMemoryBytes } from '../src/imaging/heif/libheif-instance';
import { heifEnc } from '../tests/support/heif-tools';
import { benchPhotos } from './bench-images';

const DIR = path.join(os.tmpdir(), 'image-desk-bench-heic-v1');
const at = process.argv.indexOf('--decodes');
const DECODES = at >= 0 ? Number(process.argv[at + 1]) : 200;

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const log = (line: string) => console.log(line);

const intoNewBuffer: PixelTarget = ({ width, height, channels }) => ({
  buffer: Buffer.allocUnsafe(width * height * channels),
  offset: 0,
});

/** The HEIC of `jpeg` at `quality` (cached: x265 takes 30-60 s for 12 megapixels on two cores). */
async function heicOf(jpeg: Buffer, name: string, quality: number): Promise<Buffer> {
  const file = path.join(DIR, `${name}-q${quality}.heic`);
  const cached = await fs.readFile(file).catch(() => undefined);
  if (cached) return cached;
  log(`encoding ${path.basename(file)} with heif-enc (once)…`);
  const heic = await heifEnc([jpeg], { quality });
  await fs.mkdir(DIR, { recursive: true });
  await fs.writeFile(file, heic);
  return heic;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function times(count: number, run: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(await timed(run));
  return out;
}

const [photo] = await benchPhotos(1, log);
const jpeg = await fs.readFile(photo!);
// iPhones write 12-megapixel HEICs of about 1.5-3 MB; decoding time follows the bitrate.
const heics = [
  { label: 'iPhone-like bitrate (heif-enc -q 50)', heic: await heicOf(jpeg, 'photo-12mp', 50) },
  { label: 'high bitrate (heif-enc -q 90)', heic: await heicOf(jpeg, 'photo-12mp', 90) },
];
const small = await heicOf(await sharp(jpeg).resize(1800, 1200).jpeg().toBuffer(), 'photo-2mp', 50);

// Memory first, in a process that has decoded nothing else yet.
log(
  `\n${DECODES} decodes of a 1800×1200 HEIC (${(small.length / 1024).toFixed(0)} KB), after loading:`,
);
log(`| decodes | RSS | libheif memory | decode median |`);
log(`| --- | --- | --- | --- |`);
const cold = await timed(() => decodeHevcPrimary(small, 1e8, intoNewBuffer));
log(
  `| 1 (loads libheif) | ${mb(process.memoryUsage().rss)} | ${mb(await libheifMemoryBytes())} | ${ms(cold)} |`,
);
const step = Math.max(1, Math.floor(DECODES / 4));
for (let done = 0; done < DECODES;) {
  const batch = await times(Math.min(step, DECODES - done), () =>
    decodeHevcPrimary(small, 1e8, intoNewBuffer),
  );
  done += batch.length;
  // Collected first (npm run bench:heic passes --expose-gc), so RSS shows what is kept.
  globalThis.gc?.();
  const rss = process.memoryUsage().rss;
  log(`| ${done} | ${mb(rss)} | ${mb(await libheifMemoryBytes())} | ${ms(median(batch))} |`);
}

log(`\n12 megapixels (4000×3000), JPEG ${mb(jpeg.length)}:`);
log(
  `| HEIC | size | libheif-js decode (median of 5) | whole pipeline HEIC / JPEG (median of 3) | ratio |`,
);
log(`| --- | --- | --- | --- | --- |`);
for (const { label, heic } of heics) {
  const decode = median(await times(5, () => decodeHevcPrimary(heic, 1e8, intoNewBuffer)));
  // Alternate the two pipelines so background load slows both alike.
  const wholeHeic: number[] = [];
  const wholeJpeg: number[] = [];
  for (let i = 0; i < 3; i++) {
    wholeHeic.push(await timed(() => processImage(heic)));
    wholeJpeg.push(await timed(() => processImage(jpeg)));
  }
  const [h, j] = [median(wholeHeic), median(wholeJpeg)];
  const sizes = `${(heic.length / 2 ** 20).toFixed(1)} MB`;
  log(`| ${label} | ${sizes} | ${ms(decode)} | ${ms(h)} / ${ms(j)} | ${(h / j).toFixed(2)} |`);
}
log(
  `libheif memory after 12-megapixel decodes: ${mb(await libheifMemoryBytes())} (kept up to 256 MB)`,
);
