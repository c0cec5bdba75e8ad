// bench:queue: what the durable queue costs per file as its list grows. Queues 1,000, 10,000
// and 100,000 files (hard links to one tiny image: adding never reads a file's bytes) into a
// fresh SQLite queue each, and measures the time to queue, the cost of one change to one file
// (a pause and a resume, each a row written) and of the renderer's calls (a window of rows, the
// totals) at that size, with peak RSS and the worst event-loop delay. Then uploads distinct
// tiny images through the real local backend (embedded server, S3 emulator, PGlite; no stubs)
// and reports the time per file at each upload size.
//   npm run bench:queue -- [--sizes 1000,10000,100000] [--uploads 1000]
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { DEFAULT_SETTINGS } from '../src/shared/settings';

const { loadConfig } = await import('../src/server/config');
const { createServer } = await import('../src/server/server');
const { ApiClient } = await import('../src/main/services/api-client');
const { UploadQueue } = await import('../src/main/queue');

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
const sizes = (arg('sizes') ?? '1000,10000,100000').split(',').map(Number);
const uploadSizes = (arg('uploads') ?? '1000').split(',').map(Number);

const work = await fs.mkdtemp(path.join(os.tmpdir(), 'image-desk-bench-queue-'));
let peakRss = 0;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);

function tinyPng(seed: number): Promise<Buffer> {
  const pixels = Buffer.alloc(8 * 8 * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (seed * 7919 + i * 31) % 256;
  // The seed in the corner pixels too, so no two images are the same bytes.
  pixels.writeUInt32BE(seed, 0);
  return sharp(pixels, { raw: { width: 8, height: 8, channels: 3 } })
    .png()
    .toBuffer();
}

/** `count` names for a few files, 1000 per folder, as a big shoot is laid out. */
async function linkedFolder(count: number): Promise<string> {
  const root = path.join(work, `links-${count}`);
  const png = await tinyPng(1);
  let source = '';
  for (let i = 0; i < count; i++) {
    // A file system allows so many links to one file (ext4: 65,000): a new source every 10,000.
    if (i % 10_000 === 0) {
      source = path.join(work, `source-${count}-${i}.png`);
      await fs.writeFile(source, png);
    }
    const dir = path.join(root, `folder-${Math.floor(i / 1000)}`);
    if (i % 1000 === 0) await fs.mkdir(dir, { recursive: true });
    await fs.link(source, path.join(dir, `IMG_${String(i).padStart(6, '0')}.png`));
  }
  return root;
}

const ms = (ns: number) => ns / 1e6;

async function timed<T>(work: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

const api = new ApiClient({ serverUrl: 'http://127.0.0.1:9' });
const rows: string[][] = [];
let perFileAtFirst = 0;
for (const count of sizes) {
  const folder = await linkedFolder(count);
  const queue = await UploadQueue.open({
    file: path.join(work, `queue-${count}.sqlite`),
    api: () => api,
    settings: () => DEFAULT_SETTINGS,
  });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const [, addMs] = await timed(() => queue.add([folder]));
  // Started but held with "pause all": every change runs the scheduler over the whole list.
  queue.pause();
  queue.start();
  const ids = queue.view({ filter: 'all', offset: 0, limit: 200 }).rows.map((r) => r.id);
  const [, changeMs] = await timed(() => {
    for (const id of ids) {
      queue.resume([id]);
      queue.pause([id]);
    }
  });
  const [, viewMs] = await timed(() =>
    queue.view({ filter: 'active', offset: Math.floor(count / 2), limit: 100 }),
  );
  const [, totalsMs] = await timed(() => queue.totals());
  delay.disable();
  await queue.close();
  const perFile = addMs / count;
  if (!perFileAtFirst) perFileAtFirst = perFile;
  rows.push([
    count.toLocaleString('en'),
    `${(addMs / 1000).toFixed(2)} s`,
    `${(perFile * 1000).toFixed(1)} µs`,
    `${(perFile / perFileAtFirst).toFixed(2)}×`,
    `${((changeMs / (2 * ids.length)) * 1000).toFixed(0)} µs`,
    `${viewMs.toFixed(1)} / ${totalsMs.toFixed(1)} ms`,
    `${ms(delay.percentile(99)).toFixed(1)} / ${ms(delay.max).toFixed(1)} ms`,
    `${Math.round(peakRss / 1e6)} MB`,
  ]);
  await fs.rm(folder, { recursive: true, force: true });
}

console.log('\nQueueing and bookkeeping (no uploads)');
console.table(
  rows.map((r) => ({
    files: r[0],
    'time to queue': r[1],
    'per file': r[2],
    'per file vs first': r[3],
    'one change (row write + scheduling)': r[4],
    'window of 100 / totals': r[5],
    'event loop p99 / max': r[6],
    'peak RSS': r[7],
  })),
);

// Uploads through the real backend: distinct tiny images, a fresh account per run.
const dataDir = path.join(work, 'server');
const server = await createServer(
  loadConfig({ PORT: '0', S3_EMBEDDED_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
);
const serverUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
const uploadRows: Record<string, string>[] = [];
let uploadPerFileAtFirst = 0;
for (const count of uploadSizes) {
  const dir = path.join(work, `uploads-${count}`);
  await fs.mkdir(dir);
  for (let i = 0; i < count; i++) {
    await fs.writeFile(path.join(dir, `tiny-${i}.png`), await tinyPng(count + i));
  }
  const account = await new ApiClient({ serverUrl }).signup({
    email: `bench-queue-${count}-${Date.now()}@example.com`,
    password: 'bench password 1',
    username: `benchqueue${count}`,
  });
  const client = new ApiClient({ serverUrl, getToken: () => account.token });
  const queue = await UploadQueue.open({
    file: path.join(work, `uploads-${count}.sqlite`),
    api: () => client,
    settings: () => DEFAULT_SETTINGS,
  });
  peakRss = 0;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const [, runMs] = await timed(async () => {
    await queue.add([dir]);
    queue.start();
    await queue.idle();
  });
  delay.disable();
  const done = queue.totals().byState.done;
  await queue.close();
  if (done !== count) throw new Error(`only ${done} of ${count} files were uploaded`);
  const perFile = runMs / count;
  if (!uploadPerFileAtFirst) uploadPerFileAtFirst = perFile;
  uploadRows.push({
    files: count.toLocaleString('en'),
    'wall time': `${(runMs / 1000).toFixed(1)} s`,
    'per file': `${perFile.toFixed(1)} ms`,
    'per file vs first': `${(perFile / uploadPerFileAtFirst).toFixed(2)}×`,
    'event loop p99 / max': `${ms(delay.percentile(99)).toFixed(1)} / ${ms(delay.max).toFixed(1)} ms`,
    'peak RSS': `${Math.round(peakRss / 1e6)} MB`,
  });
}
console.log('\nUploads through the local backend (queue, process, presign, PUT, register)');
console.table(uploadRows);

clearInterval(rssTimer);
await server.close();
await fs.rm(work, { recursive: true, force: true });
