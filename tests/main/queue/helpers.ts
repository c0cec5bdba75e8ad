// Shared setup for the queue tests: a real backend with its S3 emulator, a signed-up user with
// an ApiClient, generated images on disk, and a queue that records what it reports.
import diagnostics from 'node:diagnostics_channel';
import fs from 'node:fs/promises';
import type { ClientRequest, IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createDeflate } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll } from 'vitest';
import { ApiClient } from '../../../src/main/services/api-client';
import { UploadQueue, type QueueEvent, type UploadQueueDeps } from '../../../src/main/queue';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import type { QueueItemView } from '../../../src/shared/queue';
import { startTestServer, type TestServer } from '../../server/test-server';
import { pngChunk } from '../../support/png-chunk';

export const PNGSUITE_DIR = path.resolve(
  import.meta.dirname,
  '../../../../shared/fixtures/pngsuite',
);

/** Short backoff so transient failures retry within a test's time, but still several times. */
export const FAST_RETRY = { retries: 4, minTimeoutMs: 50, maxTimeoutMs: 300 };

/** One backend for the whole test file; each test signs up its own user to stay independent. */
export function useServer(env: Record<string, string> = {}): () => TestServer {
  let t: TestServer | undefined;
  beforeAll(async () => {
    t = await startTestServer(env);
  });
  afterAll(async () => {
    await t?.close();
  });
  return () => t!;
}

export function useTempDir(): () => string {
  let dir = '';
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'queue-test-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  /** Swap the token the client sends, as a re-login does. */
  setToken(token: string | undefined): void;
  api: ApiClient;
}

export async function newUser(t: TestServer): Promise<TestUser> {
  const { token, user, password } = await t.signup();
  let current: string | undefined = token;
  return {
    id: user.id,
    email: user.email,
    password,
    token,
    setToken: (next) => {
      current = next;
    },
    api: new ApiClient({ serverUrl: t.baseUrl, getToken: () => current }),
  };
}

/** Distinct small images: every file differs in colour, so none is a duplicate of another. */
export async function makeImages(
  dir: string,
  count: number,
  options: { prefix?: string; width?: number; height?: number; offset?: number } = {},
): Promise<string[]> {
  const { prefix = 'img', width = 200, height = 150, offset = 0 } = options;
  await fs.mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = i + offset;
    const background = { r: (n * 47) % 256, g: (n * 89 + 31) % 256, b: (n * 13 + 101) % 256 };
    const base = sharp({ create: { width, height, channels: 3, background } });
    const jpeg = i % 2 === 0;
    const file = path.join(dir, `${prefix}-${String(n).padStart(3, '0')}.${jpeg ? 'jpg' : 'png'}`);
    await fs.writeFile(file, await (jpeg ? base.jpeg({ quality: 90 }) : base.png()).toBuffer());
    files.push(file);
  }
  return files;
}

/** A noisy photo-like JPEG: bigger uploads, so transfers are in flight long enough to observe. */
export async function noisyJpeg(width: number, height: number, seed: number): Promise<Buffer> {
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 100 + (seed % 50), sigma: 40 },
    },
  })
    .jpeg({ quality: 92 })
    .toBuffer();
  return noise;
}

/** A valid all-black 1-bit PNG with more pixels than the pipeline accepts, in a few KB. */
export async function pixelBomb(width: number, height: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  const row = Buffer.alloc(1 + Math.ceil(width / 8));
  for (let y = 0; y < height; y++) deflate.write(row);
  deflate.end();
  await ended;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', Buffer.concat(parts)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface RecordedQueue {
  queue: UploadQueue;
  events: QueueEvent[];
  /** Latest view per item id, as the renderer would hold it. */
  latest: Map<string, QueueItemView>;
  /** Resolves once `test` holds for the latest views (checked on every item event). */
  until(test: (views: QueueItemView[]) => boolean): Promise<void>;
}

export async function openQueue(
  deps: Partial<UploadQueueDeps> & Pick<UploadQueueDeps, 'file' | 'api'>,
  settings: Partial<Settings> = {},
): Promise<RecordedQueue> {
  const events: QueueEvent[] = [];
  const latest = new Map<string, QueueItemView>();
  const watchers: { test: (views: QueueItemView[]) => boolean; resolve(): void }[] = [];
  const check = () => {
    for (const w of [...watchers]) {
      if (w.test([...latest.values()])) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  const merged: Settings = { ...DEFAULT_SETTINGS, ...settings };
  const queue = await UploadQueue.open({
    settings: () => merged,
    retry: FAST_RETRY,
    cpuConcurrency: 2,
    ...deps,
    onEvent: (event) => {
      events.push(event);
      if (event.type === 'item') latest.set(event.item.id, event.item);
      check();
      deps.onEvent?.(event);
    },
  });
  return {
    queue,
    events,
    latest,
    until: (test) =>
      new Promise<void>((resolve) => {
        watchers.push({ test, resolve });
        check();
      }),
  };
}

export function countBy<T extends string>(values: T[]): Partial<Record<T, number>> {
  const out: Partial<Record<T, number>> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** Every image row of the user, through the API as the gallery sees them. */
export async function listRows(t: TestServer, token: string): Promise<any[]> {
  const rows: any[] = [];
  let cursor: string | undefined;
  do {
    const query = `/api/images?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await t.request('GET', query, { token });
    if (res.status !== 200) throw new Error(`list failed: ${res.status}`);
    rows.push(...res.body.images);
    cursor = res.body.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

export function userObjects(t: TestServer, userId: string): Promise<string[]> {
  return t.objectKeys(`users/${userId}/`);
}

/**
 * Watches this process's HTTP client requests to one port (Node's diagnostics channels see
 * every request, axios's and the AWS SDK's included), so a test can wait for the queue to have
 * run into a stopped server instead of sleeping and hoping it has.
 */
export function watchRequestsTo(port: number | string) {
  const toPort = (request: ClientRequest) =>
    String(request.getHeader('host') ?? '').endsWith(`:${port}`);
  const responses: { method: string; status: number }[] = [];
  let failed = 0;
  const waiters = new Set<() => void>();
  const onError = ({ request }: { request: ClientRequest }) => {
    if (!toPort(request)) return;
    failed += 1;
    for (const wake of waiters) wake();
  };
  const onResponse = ({
    request,
    response,
  }: {
    request: ClientRequest;
    response: IncomingMessage;
  }) => {
    if (toPort(request)) responses.push({ method: request.method, status: response.statusCode! });
  };
  diagnostics.subscribe('http.client.request.error', onError as (message: unknown) => void);
  diagnostics.subscribe('http.client.response.finish', onResponse as (message: unknown) => void);
  return {
    /** Every response from the port so far. */
    responses,
    /** Resolves once a request to the port has failed (refused, reset) after this call. */
    nextFailure(): Promise<void> {
      const before = failed;
      return new Promise((resolve) => {
        const wake = () => {
          if (failed === before) return;
          waiters.delete(wake);
          resolve();
        };
        waiters.add(wake);
      });
    },
    stop() {
      diagnostics.unsubscribe('http.client.request.error', onError as (message: unknown) => void);
      diagnostics.unsubscribe(
        'http.client.response.finish',
        onResponse as (message: unknown) => void,
      );
      waiters.clear();
    },
  };
}
