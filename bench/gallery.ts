// Gallery benchmark: a 10,000-image gallery in the browser preview, measured in Chromium side by
// side with a 1,000-image baseline in the same run (both open at once, measurements alternated,
// so a change in machine load hits both alike): time until the first screen of thumbnails is
// visible, elements in the Gallery list (should not grow with the gallery), and frame times
// while scrolling to the end. Prints figures and ratios; asserts nothing.
//   npm run bench:gallery -- [--sizes 10000,1000] [--loads 5] [--scroll-seconds 5]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { buildRendererInto } from '../tests/e2e/support/web-preview';
import { GalleryPage } from './gallery-page';
import type { ScrollFigures } from './gallery-probes';
import { seedGallery } from './gallery-seed';

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}
const sizes = arg('sizes', '10000,1000').split(',').map(Number);
const loads = Number(arg('loads', '5'));
const scrollSeconds = Number(arg('scroll-seconds', '5'));
if (sizes.some((n) => !Number.isInteger(n) || n < 20) || !(loads >= 1) || !(scrollSeconds > 0)) {
  throw new Error('--sizes takes whole numbers of at least 20; --loads and --scroll-seconds > 0');
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const median = (values: number[]) => quantile(values, 0.5);
const count = (n: number) => n.toLocaleString('en-US');

interface Figures {
  images: number;
  firstScreenMs: number[];
  nodes: number;
  tiles: number;
  scroll?: ScrollFigures & { toolbar: string };
}

function row(f: Figures): string[] {
  const s = f.scroll!;
  const d = s.deltas;
  return [
    count(f.images),
    `${median(f.firstScreenMs).toFixed(0)} ms`,
    `${Math.min(...f.firstScreenMs).toFixed(0)}–${Math.max(...f.firstScreenMs).toFixed(0)}`,
    String(f.tiles),
    String(f.nodes),
    String(s.maxNodes),
    `${s.seconds.toFixed(1)} s${s.reachedEnd ? '' : ' (cap)'}`,
    String(d.length),
    median(d).toFixed(1),
    quantile(d, 0.95).toFixed(1),
    Math.max(...d).toFixed(1),
    String(d.filter((x) => x > 50).length),
  ];
}

function table(rows: string[][]): void {
  const header = ['images', 'first screen', 'min–max', 'tiles', 'nodes', 'max nodes'].concat([
    'scroll to end',
    'frames',
    'p50 ms',
    'p95 ms',
    'max ms',
    '>50 ms',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const line of [header, ...rows]) {
    console.log(line.map((cell, i) => cell.padStart(widths[i]!)).join('  '));
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'image-desk-bench-gallery-'));
const galleries: GalleryPage[] = [];
let browser: Browser | undefined;
try {
  console.log('building the renderer…');
  await buildRendererInto(path.join(work, 'renderer'));
  process.env.WEB_RENDERER_DIR = path.join(work, 'renderer');

  const seeded = [];
  for (const size of sizes) {
    const started = performance.now();
    const result = await seedGallery(path.join(work, `data-${size}`), size);
    const t = result.timings;
    console.log(
      `seeded ${count(size)} images in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
        `(12 real uploads ${t.realUploads.toFixed(1)} s, ${count(size - 12)} thumbnail PUTs ` +
        `${t.thumbnailPuts.toFixed(1)} s, rows ${t.rowInserts.toFixed(1)} s)`,
    );
    seeded.push(result);
  }

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  for (const s of seeded) {
    galleries.push(await GalleryPage.open(browser, s, path.join(work, `data-${s.count}`), work));
  }
  const figures: Figures[] = galleries.map((g) => ({
    images: g.seeded.count,
    firstScreenMs: [],
    nodes: 0,
    tiles: 0,
  }));
  // Alternate which gallery goes first, so drift in machine load favours neither.
  const order = (round: number) => (round % 2 === 0 ? galleries : [...galleries].reverse());
  for (let round = 0; round < loads; round++) {
    for (const g of order(round)) {
      figures[galleries.indexOf(g)]!.firstScreenMs.push(await g.firstScreenMs());
    }
  }
  for (const g of galleries) Object.assign(figures[galleries.indexOf(g)]!, await g.nodes());
  for (const g of order(loads))
    figures[galleries.indexOf(g)]!.scroll = await g.scroll(scrollSeconds);
  for (const f of figures)
    console.log(`  ${count(f.images)}: the toolbar said "${f.scroll!.toolbar}" at the end`);

  console.log(
    `\nChromium ${browser.version()}, 1280×800, ${os.availableParallelism()} cores. first screen = ` +
      `median of ${loads} navigations (ms from navigation start until every tile in view shows ` +
      'a decoded thumbnail); tiles, nodes = tiles and elements inside the Gallery list then; ' +
      'max nodes = most elements in it while scrolling; frames = requestAnimationFrame deltas ' +
      `while scrolling to the end (aimed at ${scrollSeconds} s; pages load on the way).\n`,
  );
  table(figures.map(row));
  const [big, base] = [figures[0]!, figures.at(-1)!];
  if (big !== base) {
    const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
    const p95 = (f: Figures) => quantile(f.scroll!.deltas, 0.95);
    console.log(
      `\n${count(big.images)} vs ${count(base.images)} images (×${ratio(big.images, base.images)}): ` +
        `first screen ×${ratio(median(big.firstScreenMs), median(base.firstScreenMs))}, ` +
        `max nodes ×${ratio(big.scroll!.maxNodes, base.scroll!.maxNodes)}, ` +
        `p95 frame ×${ratio(p95(big), p95(base))}, ` +
        `scroll to end ×${ratio(big.scroll!.seconds, base.scroll!.seconds)}.`,
    );
  }
} finally {
  for (const g of galleries) await g.close().catch(() => undefined);
  await browser?.close();
  fs.rmSync(work, { recursive: true, force: true });
}
