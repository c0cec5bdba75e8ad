// Pipeline benchmark: N 12-megapixel JPEGs through the whole upload queue (process + presign +
// PUT + register against a local backend) versus the same sharp work alone, side by side, at
// N and 2N photos. Usage: npm run bench:pipeline -- [--n 24] [--repeat 2] [--cpu <cores>]
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { benchPhotos } from './bench-images';
import type { WorkerInput, WorkerResult } from './pipeline-worker';

// Set before the server's modules load: the SDK's Node 20 notice is noise in a report.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const { loadConfig } = await import('../src/server/config');
const { createServer } = await import('../src/server/server');
const { ApiClient } = await import('../src/main/services/api-client');

const run = promisify(execFile);
const WORKER = path.join(import.meta.dirname, 'pipeline-worker.ts');

function argInt(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`--${name} must be a positive whole number`);
  }
  return value;
}

async function measure(input: WorkerInput): Promise<WorkerResult> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', WORKER, JSON.stringify(input)],
    {
      env: { ...process.env },
      maxBuffer: 1024 * 1024,
    },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as WorkerResult;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ms = (seconds: number) => `${(seconds * 1000).toFixed(0)} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

const n = argInt('n', 24);
// Each mode runs this many times, alternating, and the fastest run counts: other work on the
// machine only ever slows a run down, so the minimum is the least noisy estimate.
const repeat = argInt('repeat', 2);
// sharp jobs at once in both modes; default one per core. With --cpu below the core count the
// backend sharing this machine gets a core of its own, as it would on a real deployment.
const cores = os.availableParallelism();
const cpu = argInt('cpu', cores);
const photos = await benchPhotos(2 * n + 1, (line) => console.log(line));
const warmup = photos.pop()!;

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'image-desk-bench-server-'));
const server = await createServer(
  loadConfig({ PORT: '0', S3_EMBEDDED_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
);
const serverUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
console.log(`backend on ${serverUrl} (embedded S3 emulator, PGlite in ${dataDir})`);
console.log(
  `${cpu} sharp job${cpu === 1 ? '' : 's'} at once on ${cores} cores; settings: max edge 2560, original format, ` +
    '4 transfers\n',
);

try {
  const rows: string[][] = [];
  for (const count of [n, 2 * n]) {
    const files = photos.slice(0, count);
    const alone: WorkerResult[] = [];
    const full: (WorkerResult & { serverCpuSeconds: number })[] = [];
    for (let r = 0; r < repeat; r++) {
      // Alternate which mode goes first so a drift in machine load hits both alike.
      const order = r % 2 === 0 ? (['sharp', 'queue'] as const) : (['queue', 'sharp'] as const);
      for (const mode of order) {
        if (mode === 'sharp') alone.push(await measure({ mode, files, cpu, warmup }));
        else {
          // A fresh account per run: the same photos again would (rightly) be skipped.
          const account = await new ApiClient({ serverUrl }).signup({
            email: `bench-${count}-${r}-${Date.now()}@example.com`,
            password: 'bench password 1',
            username: `bench${count}`,
          });
          const serverCpu = process.cpuUsage();
          const result = await measure({
            mode,
            files,
            cpu,
            warmup,
            serverUrl,
            token: account.token,
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
    const fastest = full.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    rows.push([
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
      (fastest.seconds / ((fastest.cpuSeconds + fastest.serverCpuSeconds) / cores)).toFixed(2),
    ]);
  }
  const header = [
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
    'full/floor',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const line of [header, ...rows]) {
    console.log(line.map((cell, i) => cell.padStart(widths[i]!)).join('  '));
  }
  console.log(
    `\nbest of ${repeat} runs per mode; ratio = full-queue time / sharp-alone time (target ≤ 1.15);`,
  );
  console.log('RSS = peak resident memory of the uploading process (sampled every 50 ms);');
  console.log('buffers = most processed images held at once / the cap;');
  console.log(
    'CPU/img = CPU time per photo of the uploading process and of the backend (API, database,\n' +
      'S3 emulator), which shares the same cores here; floor = full-queue time if every core\n' +
      'were busy all along: (queue CPU + server CPU) / cores. Full time near the floor means\n' +
      'uploads and registration wait on nothing; the rest of the ratio is CPU they cost.',
  );
} finally {
  await server.close();
  await fs.rm(dataDir, { recursive: true, force: true });
}
