// The compiled server (`npm run build`, then `node out/server/main.js`, as `npm run server` runs
// it) as a real child process: it prints its URL, answers, keeps no secrets in its logs, shuts
// down cleanly on SIGTERM, keeps its data across restarts, and refuses bad config.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeArgs } from '../support/compiled';

const ROOT = path.resolve(import.meta.dirname, '../..');
let serverArgs: string[];

interface Child {
  process: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startServer(env: Record<string, string>): Child {
  const base: Record<string, string | undefined> = { ...process.env };
  // The child must use its own defaults, not whatever this shell points at.
  for (const name of Object.keys(base)) {
    if (/^(S3_|DATABASE_URL|JWT_SECRET|PUBLIC_URL|LOG_LEVEL|HOST|PORT)/.test(name)) {
      delete base[name];
    }
  }
  const child = spawn(process.execPath, serverArgs, {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { process: child, stdout: () => out, stderr: () => err, exited };
}

/** Resolves with the URL the server printed, or rejects when it exits first. */
async function printedUrl(child: Child): Promise<string> {
  const pattern = /listening on (http:\/\/127\.0\.0\.1:\d+)/;
  for (;;) {
    const match = pattern.exec(child.stdout());
    if (match) return match[1]!;
    const done = await Promise.race([
      child.exited,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 100)),
    ]);
    if (done) throw new Error(`server exited (${done.code}) before listening:\n${child.stderr()}`);
  }
}

async function stop(child: Child) {
  child.process.kill('SIGTERM');
  return child.exited;
}

async function post(url: string, body: unknown, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

let dataDir: string;
const running: Child[] = [];
beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'image-desk-boot-'));
  serverArgs = await nodeArgs('server');
});
afterAll(async () => {
  for (const child of running) if (child.process.exitCode === null) child.process.kill('SIGKILL');
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('the server process', () => {
  const password = 'boot test password';
  let token: string;
  let userId: string;

  it('prints its URL, answers, logs no secrets, and exits 0 on SIGTERM', async () => {
    const child = startServer({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    running.push(child);
    const url = await printedUrl(child);

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    const signup = await post(`${url}/api/auth/signup`, {
      email: 'boot@example.com',
      password,
      username: 'Boot',
    });
    expect(signup.status).toBe(201);
    token = signup.body.token;
    userId = signup.body.user.id;
    expect(
      (await post(`${url}/api/auth/login`, { email: 'boot@example.com', password: 'wrong pw' }))
        .status,
    ).toBe(401);
    const login = await post(`${url}/api/auth/login`, { email: 'boot@example.com', password });
    expect(login.status).toBe(200);
    const me = await fetch(`${url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);

    expect(await stop(child)).toEqual({ code: 0, signal: null });
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();

    const logs = child.stdout() + child.stderr();
    expect(logs).toContain('"msg":"incoming request"');
    expect(logs).toContain('"url":"/api/auth/login"');
    for (const secret of [password, 'wrong pw', token, login.body.token]) {
      expect(logs).not.toContain(secret);
    }
  });

  it('keeps its accounts and signing secret across a restart on the same DATA_DIR', async () => {
    // Between the runs, a check constraint that refuses every new account is added, as a
    // botched manual migration might: sign-ups then fail inside the database, whose errors
    // carry the statement's parameters and the failing row, password hash included.
    const pglite = await PGlite.create(path.join(dataDir, 'pglite'));
    await pglite.exec('alter table users add constraint no_new_accounts check (false) not valid');
    await pglite.close();

    const child = startServer({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    running.push(child);
    const url = await printedUrl(child);
    const me = await fetch(`${url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as any).user.id).toBe(userId);

    const refused = await post(`${url}/api/auth/signup`, {
      email: 'second@example.com',
      password,
      username: 'Second',
    });
    expect(refused.status).toBe(500);
    expect(refused.body.error.code).toBe('INTERNAL');
    expect((await stop(child)).code).toBe(0);

    const logs = child.stdout() + child.stderr();
    expect(logs).toContain('no_new_accounts'); // the failure itself is logged...
    expect(logs).not.toContain('$argon2id$'); // ...without the row's password hash
    expect(logs).not.toContain(password);
  });

  it('exits non-zero naming PORT when PORT is not a port', async () => {
    const child = startServer({ PORT: 'abc', DATA_DIR: dataDir });
    running.push(child);
    const { code } = await child.exited;
    expect(code).not.toBe(0);
    expect(child.stderr()).toMatch(/PORT: must be a whole number from 0 to 65535 \(got "abc"\)/);
    expect(child.stderr()).not.toMatch(/\n\s+at /);
  });

  it('refuses to start on a damaged jwt-secret file instead of replacing it', async () => {
    const damaged = await fs.mkdtemp(path.join(os.tmpdir(), 'image-desk-boot-secret-'));
    try {
      await fs.writeFile(path.join(damaged, 'jwt-secret'), '');
      const child = startServer({ PORT: '0', DATA_DIR: damaged, LOG_LEVEL: 'warn' });
      running.push(child);
      const { code } = await child.exited;
      expect(code).toBe(1);
      expect(child.stderr()).toMatch(/jwt-secret holds fewer than 32 characters\. Delete it/);
      expect(await fs.readFile(path.join(damaged, 'jwt-secret'), 'utf8')).toBe('');
    } finally {
      await fs.rm(damaged, { recursive: true, force: true });
    }
  });

  it('exits non-zero with a clear message when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const child = startServer({
        PORT: String(port),
        S3_EMBEDDED_PORT: '0',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      });
      running.push(child);
      const { code } = await child.exited;
      expect(code).toBe(1);
      expect(child.stderr()).toMatch(/failed to start: .*EADDRINUSE/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
