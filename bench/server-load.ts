// Server responsiveness under hostile image work: while uploads of a legal but heavy animated GIF
// (24 frames of 2000 x 2000 in 300 bytes) keep four at a time in flight on the multipart route,
// how long do a signed-in GET /api/images and a login take? Measured on the compiled server as
// deployed, idle and under that load, side by side, for the default image pool and for a pool as
// wide as Node's libuv thread pool (4, what unbounded image work amounts to). Asserts nothing.
//   npm run bench:server-load -- [--seconds 15] [--uploads 4]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gifBomb } from '../tests/cli/wild-bytes';

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}
const seconds = Number(arg('seconds', '15'));
const uploads = Number(arg('uploads', '4'));
const ROOT = path.resolve(import.meta.dirname, '..');
const PASSWORD = 'bench password 1';
const HEAVY = gifBomb(2000, 24);

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

interface Server {
  url: string;
  child: ChildProcess;
  dataDir: string;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'image-desk-bench-load-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'out/server/main.js')], {
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // The probes log in every few hundred milliseconds: no throttle should answer them.
      LOGIN_MAX_ATTEMPTS: '10000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, child, dataDir };
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.on('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
  await fs.rm(server.dataDir, { recursive: true, force: true });
}

async function json(url: string, init: RequestInit): Promise<any> {
  const res = await fetch(url, init);
  const body = await res.json();
  if (!res.ok)
    throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function timed(run: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const res = await run();
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`probe answered ${res.status}`);
  return performance.now() - started;
}

/** Keeps `count` uploads of the heavy GIF in flight until `until`. */
async function hostileLoad(server: Server, token: string, count: number, until: number) {
  let done = 0;
  const one = async () => {
    while (Date.now() < until) {
      const form = new FormData();
      form.set('image', new Blob([new Uint8Array(HEAVY)], { type: 'image/gif' }), 'frames.gif');
      const res = await fetch(`${server.url}/api/images/upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      await res.arrayBuffer();
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: count }, one));
  return done;
}

interface Probes {
  list: number[];
  login: number[];
}

async function probe(server: Server, token: string, email: string, until: number): Promise<Probes> {
  const probes: Probes = { list: [], login: [] };
  while (Date.now() < until) {
    probes.list.push(
      await timed(() =>
        fetch(`${server.url}/api/images?limit=50`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      ),
    );
    probes.login.push(
      await timed(() =>
        fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: PASSWORD }),
        }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return probes;
}

async function measure(label: string, env: Record<string, string>) {
  const server = await startServer(env);
  try {
    const email = `bench-${Date.now()}@example.com`;
    const { token } = await json(`${server.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD, username: 'bench' }),
    });
    const idle = await probe(server, token, email, Date.now() + seconds * 1000);
    const until = Date.now() + seconds * 1000;
    const [loaded, processed] = await Promise.all([
      probe(server, token, email, until),
      hostileLoad(server, token, uploads, until),
    ]);
    return { label, idle, loaded, processed };
  } finally {
    await stopServer(server);
  }
}

const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), 'server'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(1);

const ms = (v: number) => `${v.toFixed(0)} ms`;
const results = [
  await measure(
    `default pool (IMAGE_WORKERS unset: ${Math.max(1, os.availableParallelism() - 1)})`,
    {},
  ),
  await measure('pool of 4 (as wide as libuv)', { IMAGE_WORKERS: '4' }),
];
console.log(
  `\n${uploads} uploads of a ${HEAVY.length}-byte GIF (24 frames of 2000 x 2000) kept in flight for ${seconds} s; ${os.availableParallelism()} cores\n`,
);
console.log(
  '| image pool | probe | idle p50 / p95 / max | under load p50 / p95 / max | p95 ratio | heavy uploads done |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  for (const name of ['list', 'login'] as const) {
    const idle = r.idle[name];
    const loaded = r.loaded[name];
    console.log(
      `| ${r.label} | ${name === 'list' ? 'GET /api/images' : 'POST /api/auth/login'} | ${ms(quantile(idle, 0.5))} / ${ms(quantile(idle, 0.95))} / ${ms(Math.max(...idle))} | ${ms(quantile(loaded, 0.5))} / ${ms(quantile(loaded, 0.95))} / ${ms(Math.max(...loaded))} | ${(quantile(loaded, 0.95) / quantile(idle, 0.95)).toFixed(2)} | ${r.processed} |`,
    );
  }
}
