// One measured run of the pipeline benchmark, in a fresh process so its peak RSS is its own:
// either sharp alone over the photos, or the full upload queue against the bench's server.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import PQueue from 'p-queue';
import { processImage } from '../src/imaging';
import { UploadQueue } from '../src/main/queue';
import { ApiClient } from '../src/main/services/api-client';
import { DEFAULT_SETTINGS } from '../src/shared/settings';
import { writeQueueHistory } from './queue-history';

export interface WorkerInput {
  mode: 'sharp' | 'queue';
  files: string[];
  cpu: number;
  warmup: string;
  serverUrl?: string;
  token?: string;
  /** Finished uploads already in the queue's list (queue mode). */
  history?: number;
}

export interface WorkerResult {
  seconds: number;
  /** CPU time of this process (all threads) during the measured part, in seconds. */
  cpuSeconds: number;
  peakRss: number;
  done: number;
  peakBuffersHeld?: number;
  bufferCap?: number;
}

const input = JSON.parse(process.argv[2]!) as WorkerInput;
const settings = DEFAULT_SETTINGS;
const options = {
  maxEdge: settings.maxEdge,
  format: settings.format,
  quality: settings.quality,
  keepMetadata: settings.keepMetadata,
};

// Both modes pay libvips' start-up before the clock starts.
await processImage(input.warmup, options);

let peakRss = process.memoryUsage().rss;
const cpuAtStart = process.cpuUsage();
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

let result: WorkerResult;
if (input.mode === 'sharp') {
  const cpu = new PQueue({ concurrency: input.cpu });
  const started = performance.now();
  // Results are dropped as they come, as the queue drops them after upload: holding all of
  // them would add GC work (and memory) that the real pipeline does not have.
  await Promise.all(
    input.files.map((file) =>
      cpu.add(async () => {
        await processImage(file, options);
      }),
    ),
  );
  result = {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: 0,
    peakRss,
    done: input.files.length,
  };
} else {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'image-desk-bench-queue-'));
  const api = new ApiClient({ serverUrl: input.serverUrl!, getToken: () => input.token });
  const importFrom = path.join(dir, 'queue.json');
  if (input.history) await writeQueueHistory(importFrom, input.history);
  const queue = await UploadQueue.open({
    file: path.join(dir, 'queue.sqlite'),
    importFrom,
    api: () => api,
    settings: () => settings,
    cpuConcurrency: input.cpu,
  });
  await queue.add(input.files);
  const started = performance.now();
  queue.start();
  await queue.idle();
  const seconds = (performance.now() - started) / 1000;
  const { totals } = queue.snapshot();
  const stats = queue.stats();
  await queue.close();
  await fs.rm(dir, { recursive: true, force: true });
  result = {
    seconds,
    cpuSeconds: 0,
    peakRss,
    done: totals.byState.done - (input.history ?? 0),
    peakBuffersHeld: stats.peakBuffersHeld,
    bufferCap: stats.bufferCap,
  };
}
clearInterval(sampler);
const used = process.cpuUsage(cpuAtStart);
result.cpuSeconds = (used.user + used.system) / 1e6;
result.peakRss = Math.max(peakRss, process.memoryUsage().rss);
process.stdout.write(`${JSON.stringify(result)}\n`);
