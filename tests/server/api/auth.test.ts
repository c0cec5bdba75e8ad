// Sign-up, login and session tokens over HTTP: roles, password storage, JWT checks.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../src/shared/errors';
import { freshClientIp, requestFrom } from '../auth-http';
import { startTestServer, type TestServer } from '../test-server';

const MAX_ATTEMPTS = 3;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ LOGIN_MAX_ATTEMPTS: String(MAX_ATTEMPTS) });
});
afterAll(() => t?.close());

const newEmail = () => `user-${crypto.randomUUID().slice(0, 8)}@example.com`;

/** Each login comes from its own loopback address unless one is given, so IP budgets stay apart. */
function login(email: string, password: string, ip = freshClientIp()) {
  return requestFrom(t, ip, 'POST', '/api/auth/login', { json: { email, password } });
}

function me(token: string | undefined, headers: Record<string, string> = {}) {
  return t.request('GET', '/api/auth/me', { ...(token ? { token } : {}), headers });
}

function expectError(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = errorBodySchema.parse(res.body);
  expect(body.error.code).toBe(code);
  return body.error.message;
}

function decodePart(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
}

const encodePart = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function secretOf(server: TestServer): Promise<Uint8Array> {
  const secret = (await fs.readFile(path.join(server.dataDir, 'jwt-secret'), 'utf8')).trim();
  return new TextEncoder().encode(secret);
}

describe('sign-up', () => {
  // Runs first in this file: the first account on a fresh server must become admin.
  it('creates the first account as admin and later ones as members', async () => {
    const res = await t.request('POST', '/api/auth/signup', {
      json: { email: newEmail(), password: 'correct horse battery', username: 'Ada' },
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['refreshToken', 'token', 'user']);
    expect(typeof res.body.token).toBe('string');
    expect(Object.keys(res.body.user).sort()).toEqual([
      'avatarKey',
      'email',
      'id',
      'role',
      'username',
    ]);
    expect(res.body.user).toMatchObject({ username: 'Ada', role: 'admin', avatarKey: null });

    const second = await t.signup();
    expect(second.user.role).toBe('member');
    const third = await t.signup();
    expect(third.user.role).toBe('member');
  });

  it('stores the email trimmed and lower-cased, and matches it case-insensitively', async () => {
    const local = `Mixed.Case-${crypto.randomUUID().slice(0, 6)}`;
    const res = await t.request('POST', '/api/auth/signup', {
      json: { email: `  ${local}@Example.COM `, password: 'correct horse battery', username: 'Mo' },
    });
    expect(res.status).toBe(201);
    expect(res.body.user.email).toBe(`${local.toLowerCase()}@example.com`);

    const again = await login(`${local.toUpperCase()}@EXAMPLE.com`, 'correct horse battery');
    expect(again.status).toBe(200);
    expect(again.body.user.id).toBe(res.body.user.id);
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const email = newEmail();
    await t.signup({ email });
    const res = await t.request('POST', '/api/auth/signup', {
      json: { email: email.toUpperCase(), password: 'another password', username: 'Twin' },
    });
    const message = expectError(res, 409, 'EMAIL_TAKEN');
    expect(message).toMatch(/already exists/i);
  });

  it('stores an argon2id hash, never the password', async () => {
    const { user, password } = await t.signup({ password: 'a rather secret phrase' });
    const row = await t.server.services.database.db
      .selectFrom('users')
      .select('passwordHash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect(row.passwordHash).not.toContain(password);
  });
});

describe('login and the current user', () => {
  it('logs in with the right password and answers /me with the same user', async () => {
    const { user, password } = await t.signup();
    const res = await login(user.email, password);
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual(user);
    const current = await me(res.body.token);
    expect(current.status).toBe(200);
    expect(current.body).toEqual({ user });
  });

  it('gives the same 401 for a wrong password and for an unknown email', async () => {
    const { user } = await t.signup();
    const wrong = await login(user.email, 'not the password');
    const unknown = await login(newEmail(), 'not the password');
    const wrongMessage = expectError(wrong, 401, 'INVALID_CREDENTIALS');
    const unknownMessage = expectError(unknown, 401, 'INVALID_CREDENTIALS');
    expect(unknownMessage).toBe(wrongMessage);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('requires a bearer token for /me', async () => {
    expectError(await me(undefined), 401, 'AUTH_REQUIRED');
    const { token } = await t.signup();
    const basic = await me(undefined, { authorization: `Basic ${token}` });
    expect(expectError(basic, 401, 'AUTH_REQUIRED')).toMatch(/Bearer/);
  });
});

describe('session tokens', () => {
  it('carries the user id as sub, the role, and a two-hour expiry', async () => {
    const { token, user } = await t.signup();
    const [header, payload] = token.split('.');
    expect(decodePart(header)).toMatchObject({ alg: 'HS256' });
    const claims = decodePart(payload);
    expect(claims.sub).toBe(user.id);
    expect(claims.role).toBe(user.role);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(2 * 60 * 60);
    expect(Math.abs(Number(claims.iat) - Date.now() / 1000)).toBeLessThan(600);
  });

  it('refuses a token whose signature or payload was altered', async () => {
    const { token, user } = await t.signup();
    const [header, payload, signature = ''] = token.split('.');
    const flipped = signature[0] === 'A' ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    expectError(await me(`${header}.${payload}.${flipped}`), 401, 'AUTH_REQUIRED');

    const promoted = encodePart({ ...decodePart(payload), role: 'admin', sub: user.id });
    expectError(await me(`${header}.${promoted}.${signature}`), 401, 'AUTH_REQUIRED');
  });

  it('answers AUTH_EXPIRED for an expired token', async () => {
    const { user } = await t.signup();
    const expired = await t.server.services.tokens.sign({ userId: user.id, role: 'member' }, -10);
    const message = expectError(await me(expired), 401, 'AUTH_EXPIRED');
    expect(message).toMatch(/expired/i);
  });

  it('refuses an unsigned alg:none token', async () => {
    const { user } = await t.signup();
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${encodePart({ alg: 'none', typ: 'JWT' })}.${encodePart({
      sub: user.id,
      role: 'admin',
      iat: now,
      exp: now + 3600,
    })}.`;
    expectError(await me(unsigned), 401, 'AUTH_REQUIRED');
  });

  it('refuses tokens signed with another secret, with HS512, or without an expiry', async () => {
    const { user } = await t.signup();
    const claims = { role: 'admin' };
    const otherSecret = new TextEncoder().encode(crypto.randomBytes(48).toString('base64url'));
    const foreign = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(otherSecret);
    expectError(await me(foreign), 401, 'AUTH_REQUIRED');

    const secret = await secretOf(t);
    const hs512 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject(user.id)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(secret);
    expectError(await me(hs512), 401, 'AUTH_REQUIRED');

    const forever = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuedAt()
      .sign(secret);
    expectError(await me(forever), 401, 'AUTH_REQUIRED');

    // The same secret and algorithm with an expiry is accepted: the refusals above are real.
    const proper = await new SignJWT({ role: user.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(secret);
    expect((await me(proper)).status).toBe(200);
  });

  it('refuses a valid token for an account that does not exist', async () => {
    const ghost = await t.server.services.tokens.sign({
      userId: crypto.randomUUID(),
      role: 'admin',
    });
    expectError(await me(ghost), 401, 'AUTH_REQUIRED');
  });
});

// Login limits (per email and address, per address, per email from everywhere, shared by every
// server) are tested in login-limits.test.ts.

describe('the generated signing secret', () => {
  it('is kept in DATA_DIR, so sessions survive a restart', async () => {
    const first = await startTestServer();
    let second: TestServer | undefined;
    try {
      const { token, user } = await first.signup();
      const stat = await fs.stat(path.join(first.dataDir, 'jwt-secret'));
      expect(stat.mode & 0o077).toBe(0);
      await first.server.close();

      second = await startTestServer({}, { reuse: first });
      const res = await second.request('GET', '/api/auth/me', { token });
      expect(res.status).toBe(200);
      expect(res.body.user).toEqual(user);
    } finally {
      await second?.close();
      await first.close();
    }
    // Two servers open the database one after the other: twice the usual start-up.
  }, 90_000);
});
