// A token with a valid signature is only as good as the account it names: a `sub` that is not a
// UUID, or names no account, is a 401 on every route (before: a database error, a 500).
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../accounts-http';
import { startTestServer, type TestServer } from '../test-server';

let t: TestServer;
let secret: Uint8Array;
beforeAll(async () => {
  t = await startTestServer();
  await t.signup();
  secret = new TextEncoder().encode(
    (await fs.readFile(path.join(t.dataDir, 'jwt-secret'), 'utf8')).trim(),
  );
});
afterAll(() => t?.close());

/** Signed with the server's own secret, as only the server (or its secret's holder) could. */
function tokenFor(sub: string, role = 'admin') {
  return new SignJWT({ role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(secret);
}

const ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/api/auth/me'],
  ['GET', '/api/images'],
  ['GET', '/api/albums'],
  ['POST', '/api/albums', { name: 'Holiday' }],
  [
    'POST',
    '/api/images/presign-upload',
    { filename: 'a.png', contentType: 'image/png', size: 100 },
  ],
  ['GET', '/api/admin/users'],
];

describe.each([
  ['not a UUID', 'admin'],
  ['a UUID with SQL in it', "00000000-0000-0000-0000-000000000000' or '1'='1"],
  ['no account', crypto.randomUUID()],
])('a signed token whose sub is %s', (_what, sub) => {
  it.each(ROUTES)('%s %s answers 401', async (method, url, json) => {
    const token = await tokenFor(sub);
    const res = await t.request(method, url, { token, ...(json ? { json } : {}) });
    expectError(res, 401, 'AUTH_REQUIRED');
  });
});

describe('a real account', () => {
  it('gets through with the same kind of token (the refusals above are real)', async () => {
    const { user } = await t.signup();
    const res = await t.request('GET', '/api/auth/me', {
      token: await tokenFor(user.id, 'member'),
    });
    expect(res.status).toBe(200);
  });
});
