// Starts a real server (PGlite or PostgreSQL per TEST_DB, plus the S3 emulator) on loopback,
// with a fresh data dir and database per call, and a small HTTP client over it.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { createServer, type RunningServer } from '../../src/server/server';

export interface TestServer {
  baseUrl: string;
  server: RunningServer;
  dataDir: string;
  /** Fetch against the API; `token` adds the bearer header, `json` sends a JSON body. */
  request(
    method: string,
    url: string,
    options?: { token?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Headers }>;
  signup(overrides?: {
    email?: string;
    password?: string;
    username?: string;
    avatarKey?: string;
  }): Promise<{
    token: string;
    user: { id: string; email: string; role: string; username: string; avatarKey: string | null };
    password: string;
  }>;
  objectKeys(prefix?: string): Promise<string[]>;
  close(): Promise<void>;
}

async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('postgresUrl');
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: adminUrl.replace(/\/postgres$/, `/${name}`),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

let emailCounter = 0;

export interface StartTestServerOptions {
  /**
   * Start on the data dir (jwt-secret, PGlite, emulator files) and database of an earlier test
   * server whose `server.close()` was called, as a restart would; that earlier server's
   * `close()` still removes them, this one's leaves them.
   */
  reuse?: TestServer;
  /**
   * With `reuse`: listen on the same API port and the same S3 emulator port as the earlier
   * server, so clients built before the restart and URLs it presigned keep working.
   */
  keepPorts?: boolean;
}

export async function startTestServer(
  env: Record<string, string> = {},
  options: StartTestServerOptions = {},
): Promise<TestServer> {
  const reused = options.reuse;
  const dataDir = reused?.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'image-desk-api-')));
  const reusedUrl = reused?.server.services.config.databaseUrl;
  const database = reused
    ? reusedUrl
      ? { url: reusedUrl, drop: async () => undefined }
      : undefined
    : process.env.TEST_DB === 'postgres'
      ? await createDatabase()
      : undefined;
  const kept =
    options.keepPorts && reused
      ? {
          api: Number(new URL(reused.baseUrl).port),
          s3: reused.server.services.storage.embedded
            ? new URL(reused.server.services.storage.embedded.endpoint).port
            : '0',
        }
      : undefined;
  const config = loadConfig({
    PORT: '0',
    S3_EMBEDDED_PORT: kept?.s3 ?? '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(database ? { DATABASE_URL: database.url } : {}),
    // Most suites sign up several accounts from loopback to test something else; on PostgreSQL
    // the server would default to SIGNUP_MODE=closed and 10 sign-ups an hour per address. The
    // tests of those rules set both explicitly (tests/server/api/signup-*.test.ts).
    SIGNUP_MODE: 'open',
    SIGNUP_MAX_PER_HOUR: '100000',
    ...env,
  });
  const server = await createServer(config);
  const baseUrl = await server.app.listen({ port: kept?.api ?? 0, host: '127.0.0.1' });

  const request: TestServer['request'] = async (method, url, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const res = await fetch(new URL(url, baseUrl), { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };

  return {
    baseUrl,
    server,
    dataDir,
    request,
    signup: async (overrides = {}) => {
      emailCounter += 1;
      const password = overrides.password ?? 'correct horse battery';
      const res = await request('POST', '/api/auth/signup', {
        json: {
          email:
            overrides.email ?? `user${emailCounter}-${crypto.randomUUID().slice(0, 8)}@example.com`,
          password,
          username: overrides.username ?? `user${emailCounter}`,
          ...(overrides.avatarKey ? { avatarKey: overrides.avatarKey } : {}),
        },
      });
      if (res.status !== 201)
        throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { ...res.body, password };
    },
    objectKeys: (prefix) => server.services.storage.store.listKeys(prefix),
    close: async () => {
      await server.close();
      await database?.drop();
      if (!reused) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
