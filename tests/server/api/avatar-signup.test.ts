// Registration with a profile image: anonymous avatar presign, sign-up that claims it, and the
// guarantee that a failed sign-up leaves neither the object nor its pending record behind.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../src/shared/errors';
import { freshClientIp, requestFrom } from '../auth-http';
import { stagedExists, uploadStored } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { makePng, presign, putObject, sha256 } from '../upload-helpers';

const MAX_AVATAR_BYTES = 2 * 1024 * 1024;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const newEmail = () => `user-${crypto.randomUUID().slice(0, 8)}@example.com`;

/** Anonymous presign from its own address, so the per-IP budget of 20/min is not shared. */
function presignAvatar(size: number, digest?: string, ip = freshClientIp()) {
  return requestFrom(t, ip, 'POST', '/api/images/presign-upload', {
    json: {
      filename: 'me.png',
      contentType: 'image/png',
      size,
      ...(digest ? { sha256: digest } : {}),
      purpose: 'avatar',
    },
  });
}

/** What the sign-up screen does when a picture is chosen: presign, then PUT the bytes. */
async function uploadAvatar(seed = 0): Promise<{ key: string; data: Buffer }> {
  const data = await makePng(40, 40, seed);
  const signed = await presignAvatar(data.length, sha256(data));
  expect(signed.status).toBe(200);
  expect(await putObject(signed.body, data)).toBe(200);
  return { key: signed.body.key, data };
}

function signup(body: Record<string, unknown>) {
  return t.request('POST', '/api/auth/signup', { json: body });
}

let accounts = 0;
// Usernames are unique (whatever their case), so each body names a new person.
const validBody = (avatarKey?: string) => ({
  email: newEmail(),
  password: 'correct horse battery',
  username: `Ada ${++accounts}`,
  ...(avatarKey ? { avatarKey } : {}),
});

function pendingRow(key: string) {
  return t.server.services.database.db
    .selectFrom('pendingUploads')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Anything of the avatar in the bucket: its staging copy or its final object. */
function stored(key: string): Promise<boolean> {
  return uploadStored(t, key);
}

function expectError(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = errorBodySchema.parse(res.body);
  expect(body.error.code).toBe(code);
  return body.error.message;
}

/** After a failed sign-up: nothing of the avatar is left, and starting over works. */
async function expectAvatarDiscardedAndRetryWorks(key: string): Promise<void> {
  expect(await stored(key)).toBe(false);
  expect(await pendingRow(key)).toBeUndefined();
  // The old key is spent: a client that retries with it is told to choose the image again.
  const stale = await signup(validBody(key));
  expect(expectError(stale, 400, 'KEY_NOT_PRESIGNED')).toMatch(/choose the image again/i);
  const fresh = await uploadAvatar(7);
  const res = await signup(validBody(fresh.key));
  expect(res.status).toBe(201);
  expect(res.body.user.avatarKey).toBe(fresh.key);
}

describe('anonymous avatar presign', () => {
  it('hands out a short-lived avatars/ URL without a token', async () => {
    const data = await makePng(40, 40, 1);
    const before = Date.now();
    const res = await presignAvatar(data.length, sha256(data));
    expect(res.status).toBe(200);
    expect(res.body.key).toMatch(/^avatars\/[A-Za-z0-9_-]{22}\.png$/);
    expect(res.body.method).toBe('PUT');
    expect(res.body.headers).toEqual({
      'content-type': 'image/png',
      'content-length': String(data.length),
      'if-none-match': '*',
    });
    const lifetime = new Date(res.body.expiresAt).getTime() - before;
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(120_000 + 1_000);
    expect(await pendingRow(res.body.key)).toMatchObject({ ownerId: null, purpose: 'avatar' });
  });

  it(`caps avatars at MAX_AVATAR_BYTES (${MAX_AVATAR_BYTES} bytes by default)`, async () => {
    expect((await presignAvatar(MAX_AVATAR_BYTES)).status).toBe(200);
    const res = await presignAvatar(MAX_AVATAR_BYTES + 1);
    expect(expectError(res, 413, 'FILE_TOO_LARGE')).toMatch(/2\.0 MiB/);
  });

  it('refuses image and thumbnail presigns without a token', async () => {
    for (const purpose of ['image', 'thumbnail']) {
      const data = await makePng(8, 8);
      const res = await presign(t, undefined, {
        data,
        purpose,
        ...(purpose === 'thumbnail' ? { contentType: 'image/webp' } : {}),
      });
      expectError(res, 401, 'AUTH_REQUIRED');
    }
  });

  it('limits anonymous presigns to 20 a minute per address', async () => {
    const ip = freshClientIp();
    for (let i = 0; i < 20; i += 1) {
      expect((await presignAvatar(1000, undefined, ip)).status).toBe(200);
    }
    expectError(await presignAvatar(1000, undefined, ip), 429, 'RATE_LIMITED');
    // Someone else, at another address, is not affected.
    expect((await presignAvatar(1000)).status).toBe(200);
  });
});

describe('sign-up with an avatar', () => {
  it('ties the uploaded avatar to the new account and serves it through a signed URL', async () => {
    const { key, data } = await uploadAvatar(2);
    const res = await signup(validBody(key));
    expect(res.status).toBe(201);
    expect(res.body.user.avatarKey).toBe(key);
    expect(await pendingRow(key)).toBeUndefined();
    expect(await stored(key)).toBe(true);

    const me = await t.request('GET', '/api/auth/me', { token: res.body.token });
    expect(me.body.user.avatarKey).toBe(key);
    const signed = await t.request('GET', '/api/auth/me/avatar-url', { token: res.body.token });
    expect(signed.status).toBe(200);
    expect(new Date(signed.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const served = await fetch(signed.body.url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(data)).toBe(true);
  });

  it('answers 404 for the avatar URL of an account without one', async () => {
    const { token } = await t.signup();
    expectError(await t.request('GET', '/api/auth/me/avatar-url', { token }), 404, 'NOT_FOUND');
  });
});

describe('a failed sign-up deletes its avatar before answering', () => {
  it('when the email is taken', async () => {
    const existing = await t.signup();
    const { key } = await uploadAvatar(3);
    const res = await signup({ ...validBody(key), email: existing.user.email });
    expectError(res, 409, 'EMAIL_TAKEN');
    await expectAvatarDiscardedAndRetryWorks(key);
  });

  it.each([
    ['a short password', { password: 'short' }, 'password'],
    ['a malformed email', { email: 'not-an-email' }, 'email'],
    ['no username', { username: undefined }, 'username'],
  ])('when validation fails (%s)', async (_label, change, field) => {
    const { key } = await uploadAvatar(4);
    const res = await signup({ ...validBody(key), ...change });
    expect(expectError(res, 400, 'VALIDATION_FAILED')).toContain(field);
    await expectAvatarDiscardedAndRetryWorks(key);
  });

  it('when the upload never arrived', async () => {
    const data = await makePng(40, 40, 5);
    const signed = await presignAvatar(data.length, sha256(data));
    const res = await signup(validBody(signed.body.key));
    expectError(res, 409, 'OBJECT_MISSING');
    expect(await pendingRow(signed.body.key)).toBeUndefined();
    await expectAvatarDiscardedAndRetryWorks(signed.body.key);
  });

  it('when the server fails', async () => {
    // A real server-side failure: the users table is missing (as after a botched manual
    // migration), so creating the account fails inside its transaction with a database error
    // while the pending-uploads table and the store still work. Renamed back afterwards.
    const { db } = t.server.services.database;
    const { key } = await uploadAvatar(6);
    await sql`alter table users rename to users_unavailable`.execute(db);
    let res;
    try {
      res = await signup(validBody(key));
    } finally {
      await sql`alter table users_unavailable rename to users`.execute(db);
    }
    const message = expectError(res, 500, 'INTERNAL');
    expect(message).not.toMatch(/users|relation|sql/i);
    await expectAvatarDiscardedAndRetryWorks(key);
  });
});

describe('avatar keys that are not this sign-up’s to use', () => {
  it("never deletes another account's avatar", async () => {
    const { key, data } = await uploadAvatar(8);
    const owner = await signup(validBody(key));
    expect(owner.status).toBe(201);

    expectError(await signup(validBody(key)), 400, 'KEY_NOT_PRESIGNED');
    // A sign-up that also fails validation takes the cleanup path, and must not touch it either.
    const invalid = await signup({ ...validBody(key), password: 'short' });
    expectError(invalid, 400, 'VALIDATION_FAILED');

    expect(await stored(key)).toBe(true);
    const signed = await t.request('GET', '/api/auth/me/avatar-url', { token: owner.body.token });
    const served = await fetch(signed.body.url);
    expect(Buffer.from(await served.arrayBuffer()).equals(data)).toBe(true);
  });

  it("never deletes a signed-in user's pending image upload", async () => {
    const { token } = await t.signup();
    const data = await makePng(30, 30, 9);
    const signed = await presign(t, token, { data });
    expect(await putObject(signed.body, data)).toBe(200);
    const key: string = signed.body.key;

    expectError(await signup(validBody(key)), 400, 'KEY_NOT_PRESIGNED');
    expectError(await signup({ ...validBody(key), password: 'short' }), 400, 'VALIDATION_FAILED');

    expect(await stagedExists(t, key)).toBe(true);
    expect(await pendingRow(key)).toMatchObject({ purpose: 'image' });
  });
});
