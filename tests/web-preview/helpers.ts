// Shared setup for the browser preview tests: a stand-in renderer folder (the real renderer is
// built by Vite; these tests check the bridge, not the UI), the preview started in-process or as
// `npm run web` would start it, requests that look like the preview page's own, and an SSE reader.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { loadConfig } from '../../src/server/config';
import { MemorySecretBackend, TokenStore } from '../../src/main/services/token-store';
import { startWebPreview, type WebPreview } from '../../src/web-preview/web-preview';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export async function tempDir(prefix = 'image-desk-web-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/** A renderer folder holding an index.html (and optionally more files). */
export async function stubRenderer(files: Record<string, string | Buffer> = {}): Promise<string> {
  const dir = await tempDir('image-desk-renderer-');
  const all = {
    'index.html': '<!doctype html><title>Image Desk</title><div id="root"></div>',
    ...files,
  };
  for (const [name, body] of Object.entries(all)) await fs.writeFile(path.join(dir, name), body);
  return dir;
}

export interface InProcessPreview {
  preview: WebPreview;
  dataDir: string;
  close(): Promise<void>;
}

/** The preview as main.ts composes it, on free ports, with the keychain in memory. */
export async function startInProcess(
  rendererDir: string,
  options: { stagingLimits?: { fileBytes?: number; files?: number } } = {},
): Promise<InProcessPreview> {
  const dataDir = await tempDir();
  const memory = new MemorySecretBackend();
  const preview = await startWebPreview({
    server: loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    webPort: 0,
    rendererDir,
    tokens: new TokenStore(async () => memory, ''),
    stagingLimits: options.stagingLimits,
  });
  return {
    preview,
    dataDir,
    close: async () => {
      await preview.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ChildPreview {
  child: ChildProcess;
  /** The printed link, http://127.0.0.1:<port>/?token=<token> */
  link: string;
  origin: string;
  token: string;
  stdout(): string;
  stderr(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** `npm run web` as a child process (the same command line), parsed from its printed link. */
export async function startChild(env: Record<string, string>): Promise<ChildPreview> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/web-preview/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const link = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no link printed:\n${out}\n${err}`)), 60_000);
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /^Image Desk web preview: (\S+)$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then((code) => reject(new Error(`exited with ${code}:\n${out}\n${err}`)));
  });
  const url = new URL(link);
  return {
    child,
    link,
    origin: url.origin,
    token: url.searchParams.get('token') ?? '',
    stdout: () => out,
    stderr: () => err,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Trades the link for the bridge cookie, as a browser following the link does. */
export async function cookieFrom(link: string): Promise<string> {
  const response = await fetch(link, { redirect: 'manual' });
  const setCookie = response.headers.get('set-cookie');
  if (response.status !== 302 || !setCookie) throw new Error(`no cookie: ${response.status}`);
  return setCookie.split(';')[0]!;
}

/** Headers a browser adds to the preview page's own fetch. */
export function pageHeaders(origin: string, cookie: string): Record<string, string> {
  return { cookie, origin, 'sec-fetch-site': 'same-origin' };
}

export async function invoke(
  origin: string,
  headers: Record<string, string>,
  channel: string,
  args?: unknown,
): Promise<{ status: number; body: any; text: string; headers: Headers }> {
  const response = await fetch(`${origin}/bridge/invoke/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ args }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: response.status, body, text, headers: response.headers };
}

export interface EventStream {
  events: Array<{ seq: number; event: string; payload: any }>;
  /** Resolves with the first event (already received or yet to come) that matches. */
  waitFor(
    match: (e: { event: string; payload: any }) => boolean,
    timeoutMs?: number,
  ): Promise<{ seq: number; event: string; payload: any }>;
  close(): void;
}

/** Reads /bridge/events the way EventSource does (only `data:` lines matter here). */
export async function openEvents(origin: string, headers: Record<string, string>) {
  const abort = new AbortController();
  const response = await fetch(`${origin}/bridge/events`, { headers, signal: abort.signal });
  if (response.status !== 200) throw new Error(`events: ${response.status}`);
  const stream: EventStream = {
    events: [],
    waitFor: (match, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const poll = () => {
          const found = stream.events.find(match);
          if (found) return resolve(found);
          if (Date.now() - started > timeoutMs)
            return reject(new Error(`no matching event in ${JSON.stringify(stream.events)}`));
          setTimeout(poll, 20);
        };
        poll();
      }),
    close: () => abort.abort(),
  };
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n');
          if (data) stream.events.push(JSON.parse(data));
        }
      }
    } catch {
      // aborted
    }
  })();
  return stream;
}

/** Distinct small JPEGs (each a different colour, so none is a duplicate of another). */
export async function jpegBytes(count: number, offset = 0): Promise<Buffer[]> {
  const images: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const n = i + offset;
    images.push(
      await sharp({
        create: {
          width: 240,
          height: 180,
          channels: 3,
          background: { r: (n * 53) % 256, g: (n * 97) % 256, b: (n * 151) % 256 },
        },
      })
        .jpeg()
        .toBuffer(),
    );
  }
  return images;
}

export const uniqueEmail = (label = 'web') =>
  `${label}-${Math.random().toString(36).slice(2, 10)}@example.com`;
