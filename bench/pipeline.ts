// Pipeline benchmark: N 12-megapixel JPEGs through the whole upload queue (process + presign +
// PUT + register against a local backend) versus the same sharp work alone, side by side, at
// N and 2N photos, in two layouts: the backend on a core of its own (as when it runs on another
// machine, the real deployment) and the backend sharing every core with the uploader.
// Usage: npm run bench:pipeline -- [--n 24] [--repeat 2] [--cpu <jobs>] [--layout both|own-core|shared]
//   [--history <finished files already in the queue's list, as on a desktop used every day>]
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { benchPhotos } from './bench-images';
import { layouts, pinBackend, uploaderCommand, type Layout } from './cpu-pinning';
import type { WorkerInput, WorkerResult } from './pipeline-worker';

const { loadConfig } = await import('../src/server/config');
const { createServer } = await import('../src/server/server');
const { ApiClient } = await import('../src/main/services/api-client');

const run = promisify(execFile);
const WORKER = path.join(import.meta.dirname, 'pipeline-worker.ts');
// BENCH_PROFILE_DIR=dir writes a V8 CPU profile of every measured run there (for finding where
// the queue's time goes; the numbers of a profiled run are not comparable).
const PROFILE_FLAGS = process.env.BENCH_PROFILE_DIR
  ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
  : [];

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function argInt(name: string, fallback: number): number {
  const raw = arg(name);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`--${name} must be a positive whole number`);
  }
  return value;
}

async function measure(layout: Layout, input: WorkerInput): Promise<WorkerResult> {
  const [command, args] = uploaderCommand(layout, [
    ...PROFILE_FLAGS,
    '--import',
    'tsx',
    WORKER,
    JSON.stringify(input),
  ]);
  const { stdout } = await run(command, args, { env: { ...process.env }, maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as WorkerResult;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ms = (seconds: number) => `${(seconds * 1000).toFixed(0)} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

const n = argInt('n', 24);
// Each mode runs this many times, alternating, and the fastest run counts: other work on the
// machine only ever slows a run down, so the minimum is the least noisy estimate.
const repeat = argInt('repeat', 2);
const cpuOverride = arg('cpu') === undefined ? undefined : argInt('cpu', 1);
const history = arg('history') === undefined ? 0 : argInt('history', 1);
const cores = os.availableParallelism();
const photos = await benchPhotos(2 * n + 1, (line) => console.log(line));
const warmup = photos.pop()!;

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'image-desk-bench-server-'));
const server = await createServer(
  loadConfig({ PORT: '0', S3_EMBEDDED_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
);
const serverUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
console.log(`backend on ${serverUrl} (embedded S3 emulator, PGlite in ${dataDir})`);
console.log(
  `${cores} cores; settings: max edge 2560, original format, 4 transfers; ` +
    `${history} finished files already in the queue's list`,
);

async function measureLayout(layout: Layout): Promise<string[][]> {
  pinBackend(layout);
  const rows: string[][] = [];
  const { cpu } = layout;
  for (const count of [n, 2 * n]) {
    const files = photos.slice(0, count);
    const alone: WorkerResult[] = [];
    const full: (WorkerResult & { serverCpuSeconds: number })[] = [];
    for (let r = 0; r < repeat; r++) {
      // Alternate which mode goes first so a drift in machine load hits both alike.
      const order = r % 2 === 0 ? (['sharp', 'queue'] as const) : (['queue', 'sharp'] as const);
      for (const mode of order) {
        if (mode === 'sharp') alone.push(await measure(layout, { mode, files, cpu, warmup }));
        else {
          // A fresh account per run: the same photos again would (rightly) be skipped.
          const account = await new ApiClient({ serverUrl }).signup({
            email: `bench-${count}-${r}-${Date.now()}@example.com`,
            password: 'bench password 1',
            username: `bench${count}`,
          });
          const serverCpu = process.cpuUsage();
          const result = await measure(layout, {
            mode,
            files,
            cpu,
            warmup,
            serverUrl,
            token: account.token,
            history,
          });
          if (result.done !== count) {
            throw new Error(`only ${result.done} of ${count} photos were uploaded`);
          }
          const used = process.cpuUsage(serverCpu);
          full.push({ ...result, serverCpuSeconds: (used.user + used.system) / 1e6 });
        }
      }
    }
    const best = (runs: WorkerResult[]) => Math.min(...runs.map((x) => x.seconds));
    const peak = (runs: WorkerResult[]) => Math.max(...runs.map((x) => x.peakRss));
    rows.push([
      layout.name,
      String(cpu),
      String(count),
      (count / best(alone)).toFixed(2),
      (count / best(full)).toFixed(2),
      (best(full) / best(alone)).toFixed(3),
      mb(peak(alone)),
      mb(peak(full)),
      `${Math.max(...full.map((x) => x.peakBuffersHeld ?? 0))}/${full[0]!.bufferCap}`,
      ms(median(alone.map((x) => x.cpuSeconds)) / count),
      ms(median(full.map((x) => x.cpuSeconds)) / count),
      ms(median(full.map((x) => x.serverCpuSeconds)) / count),
    ]);
  }
  return rows;
}

try {
  const rows: string[][] = [];
  for (const layout of layouts(arg('layout') ?? 'both', cpuOverride)) {
    rows.push(...(await measureLayout(layout)));
  }
  const header = [
    'backend',
    'jobs',
    'photos',
    'sharp img/s',
    'queue img/s',
    'ratio',
    'sharp RSS',
    'queue RSS',
    'buffers',
    'sharp CPU/img',
    'queue CPU/img',
    'server CPU/img',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  console.log('');
  for (const line of [header, ...rows]) {
    console.log(line.map((cell, i) => cell.padStart(widths[i]!)).join('  '));
  }
  console.log(
    `\nbest of ${repeat} runs per mode; ratio = full-queue time / sharp-alone time (target ≤ 1.15);\n` +
      'backend "own core": the backend is pinned to the last core and both modes run on the\n' +
      'others, as when the backend is another machine; "shared": everything on every core;\n' +
      'jobs = sharp jobs at once in both modes (one per core the uploader has);\n' +
      'RSS = peak resident memory of the uploading process (sampled every 50 ms);\n' +
      'buffers = most processed images held at once / the cap;\n' +
      'CPU/img = CPU time per photo of the uploading process and of the backend (API, database,\n' +
      'S3 emulator); in the shared layout the backend CPU is taken from the same cores as sharp.',
  );
} finally {
  await server.close();
  await fs.rm(dataDir, { recursive: true, force: true });
}
