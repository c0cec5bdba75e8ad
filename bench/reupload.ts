// Re-adding a folder that is already uploaded: N generated 12-megapixel photos through the full
// upload queue against a local backend (embedded defaults), then the same files again with a
// different max edge and quality. The second pass should find every file by the SHA-256 of its
// bytes (one batched source lookup) and do no image work: its wall time against the first's.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../src/shared/settings';
import { benchPhotos } from './bench-images';

const { loadConfig } = await import('../src/server/config');
const { createServer } = await import('../src/server/server');
const { ApiClient } = await import('../src/main/services/api-client');
const { UploadQueue } = await import('../src/main/queue');

function argInt(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer`);
  return value;
}

const n = argInt('n', 24);
const photos = await benchPhotos(n, (line) => console.log(line));
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'image-desk-bench-reupload-'));
const server = await createServer(
  loadConfig({ PORT: '0', S3_EMBEDDED_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
);
try {
  const serverUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
  const session: { token?: string } = {};
  const api = new ApiClient({ serverUrl, getToken: () => session.token });
  const account = await api.signup({
    email: `reupload-${Date.now()}@example.com`,
    password: 'bench password 1',
    username: 'reupload',
  });
  session.token = account.token;

  /** One pass of the whole folder through a fresh queue; wall time and final states. */
  async function pass(name: string, settings: Settings) {
    const file = path.join(dataDir, `${name}.json`);
    const queue = await UploadQueue.open({ file, api: () => api, settings: () => settings });
    await queue.add(photos);
    const started = performance.now();
    queue.start();
    await queue.idle();
    const seconds = (performance.now() - started) / 1000;
    const { byState } = queue.snapshot().totals;
    await queue.close();
    return { seconds, done: byState.done, duplicate: byState.duplicate, failed: byState.failed };
  }

  const first = await pass('first', { ...DEFAULT_SETTINGS, maxEdge: 2560, quality: 82 });
  if (first.done !== n) throw new Error(`first pass uploaded ${first.done} of ${n}`);
  const again = await pass('again', { ...DEFAULT_SETTINGS, maxEdge: 1600, quality: 70 });
  if (again.duplicate !== n) {
    throw new Error(`second pass found ${again.duplicate} of ${n} as already uploaded`);
  }
  console.log(`\n${n} photos of 12 megapixels, ${os.availableParallelism()} cores`);
  console.log(`first upload (max edge 2560, quality 82):   ${first.seconds.toFixed(2)} s`);
  console.log(
    `re-added (max edge 1600, quality 70):      ${again.seconds.toFixed(2)} s, ${again.duplicate} duplicates, 0 uploaded`,
  );
  console.log(
    `ratio re-add / first: ${((100 * again.seconds) / first.seconds).toFixed(1)} % (target ≤ 10 %)`,
  );
} finally {
  await server.close();
  await fs.rm(dataDir, { recursive: true, force: true });
}
