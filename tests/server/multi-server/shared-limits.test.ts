// Behind a load balancer, two servers on one PostgreSQL database must enforce one budget, not two:
// the login budget of an email and address, the anonymous presign budget of an address, and the
// sign-up budget of an address. PostgreSQL only (api-postgres project): PGlite is one process's
// embedded database.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../src/shared/errors';
import { person } from '../accounts-http';
import { freshClientIp, requestFrom } from '../auth-http';
import { startTestServer, type TestServer } from '../test-server';

const MAX = 3;
const SIGNUPS = 3;

let t: TestServer;
let second: TestServer;
beforeAll(async () => {
  const env = {
    LOGIN_MAX_ATTEMPTS: String(MAX),
    SIGNUP_MODE: 'open',
    SIGNUP_MAX_PER_HOUR: String(SIGNUPS),
  };
  t = await startTestServer(env);
  second = await startTestServer({
    ...env,
    DATABASE_URL: t.server.services.config.databaseUrl!,
    // Servers behind one balancer share the signing secret (the first one generated it).
    JWT_SECRET: (await fs.readFile(path.join(t.dataDir, 'jwt-secret'), 'utf8')).trim(),
  });
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});

function expectError(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const body = errorBodySchema.parse(res.body);
  expect(body.error.code).toBe(code);
  return body.error.message;
}

function login(server: TestServer, email: string, password: string, ip: string) {
  return requestFrom(server, ip, 'POST', '/api/auth/login', { json: { email, password } });
}

describe('two servers on one PostgreSQL', () => {
  it('share one login budget for an email and address', async () => {
    const { user, password } = await t.signup();
    const ip = freshClientIp();
    // Alternating servers, as a round-robin load balancer would send them.
    for (let i = 0; i < MAX; i += 1) {
      const server = i % 2 === 0 ? t : second;
      expectError(await login(server, user.email, 'wrong', ip), 401, 'INVALID_CREDENTIALS');
    }
    expectError(await login(second, user.email, password, ip), 429, 'RATE_LIMITED');
    expectError(await login(t, user.email, password, ip), 429, 'RATE_LIMITED');
  });

  it('share the anonymous presign budget', async () => {
    const ip = freshClientIp();
    const presign = (server: TestServer) =>
      requestFrom(server, ip, 'POST', '/api/images/presign-upload', {
        json: { filename: 'me.png', contentType: 'image/png', size: 1234, purpose: 'avatar' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) statuses.push((await presign(i % 2 === 0 ? t : second)).status);
    expect(statuses).toEqual(Array(20).fill(200));
    expectError(await presign(t), 429, 'RATE_LIMITED');
    expectError(await presign(second), 429, 'RATE_LIMITED');
  });

  it('share the sign-up budget of an address', async () => {
    const ip = freshClientIp();
    for (let i = 0; i < SIGNUPS; i += 1) {
      const server = i % 2 === 0 ? second : t;
      const res = await requestFrom(server, ip, 'POST', '/api/auth/signup', { json: person() });
      expect(res.status).toBe(201);
    }
    for (const server of [t, second]) {
      const res = await requestFrom(server, ip, 'POST', '/api/auth/signup', { json: person() });
      expectError(res, 429, 'RATE_LIMITED');
    }
  });
});
