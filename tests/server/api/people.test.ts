// Administrators managing people: the listing, roles, disabling (tokens refused at once),
// one-time password resets, deleting an account with everything it holds, and the rule that
// one enabled administrator always remains.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, invite, login, me, person, PASSWORD, signupRaw } from '../accounts-http';
import { dbOf, objectExists, stagedKeysOf, uploadStored } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import {
  makePng,
  makeWebp,
  presign,
  putObject,
  uploadImage,
  uploadImageWithThumbnail,
} from '../upload-helpers';

let t: TestServer;
let admin: Awaited<ReturnType<TestServer['signup']>>;
beforeAll(async () => {
  t = await startTestServer({ SIGNUP_MODE: 'invite' });
  admin = await t.signup({ password: PASSWORD });
});
afterAll(() => t?.close());

/** An invited member, signed up through the invite as a person would. */
async function member(role: 'admin' | 'member' = 'member') {
  const who = person();
  const code = await invite(t, admin.token, who.email, role);
  const res = await signupRaw(t, { ...who, inviteToken: code.token });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { ...who, token: res.body.token as string, id: res.body.user.id as string };
}

function patchUser(token: string, id: string, json: unknown) {
  return t.request('PATCH', `/api/admin/users/${id}`, { token, json });
}

describe('the listing', () => {
  it('pages through every account, oldest first, and says how sign-up works here', async () => {
    const a = await member();
    const b = await member();
    const first = await t.request('GET', '/api/admin/users?limit=2', { token: admin.token });
    expect(first.status).toBe(200);
    expect(first.body.signupMode).toBe('invite');
    expect(first.body.users[0]).toMatchObject({
      id: admin.user.id,
      role: 'admin',
      disabled: false,
    });
    const seen = [...first.body.users];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await t.request('GET', `/api/admin/users?limit=2&cursor=${cursor}`, {
        token: admin.token,
      });
      seen.push(...page.body.users);
      cursor = page.body.nextCursor;
    }
    const ids = seen.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([admin.user.id, a.id, b.id]));
    expect(Object.keys(seen[0]).sort()).toEqual(
      ['avatarKey', 'createdAt', 'disabled', 'email', 'id', 'role', 'username'].sort(),
    );
  });

  it('is for administrators only', async () => {
    const m = await member();
    expectError(await t.request('GET', '/api/admin/users', { token: m.token }), 403, 'FORBIDDEN');
    expectError(await t.request('GET', '/api/admin/users'), 401, 'AUTH_REQUIRED');
    expectError(await patchUser(m.token, m.id, { role: 'admin' }), 403, 'FORBIDDEN');
  });
});

describe('roles', () => {
  it('take effect on the next request, whatever the token says', async () => {
    const m = await member();
    const promoted = await patchUser(admin.token, m.id, { role: 'admin' });
    expect(promoted.body.user).toMatchObject({ id: m.id, role: 'admin' });
    // The member's token was issued with role "member"; the account is what counts.
    expect((await t.request('GET', '/api/admin/users', { token: m.token })).status).toBe(200);
    await patchUser(admin.token, m.id, { role: 'member' });
    expectError(await t.request('GET', '/api/admin/users', { token: m.token }), 403, 'FORBIDDEN');
  });

  it('answers 404 for an account that does not exist', async () => {
    const res = await patchUser(admin.token, crypto.randomUUID(), { role: 'admin' });
    expectError(res, 404, 'NOT_FOUND');
  });
});

describe('disabling an account', () => {
  it('refuses its tokens at once, and its password, until it is enabled', async () => {
    const m = await member();
    expect((await me(t, m.token)).status).toBe(200);
    const res = await patchUser(admin.token, m.id, { disabled: true });
    expect(res.body.user).toMatchObject({ id: m.id, disabled: true });

    const refused = expectError(await me(t, m.token), 401, 'ACCOUNT_DISABLED');
    expect(refused).toMatch(/disabled by an administrator/);
    expectError(await t.request('GET', '/api/images', { token: m.token }), 401, 'ACCOUNT_DISABLED');
    expectError(await login(t, m.email), 401, 'ACCOUNT_DISABLED');
    // A wrong password says nothing about the account's state.
    expectError(await login(t, m.email, 'not the password'), 401, 'INVALID_CREDENTIALS');

    await patchUser(admin.token, m.id, { disabled: false });
    // Its old sessions stay ended; its owner signs in again.
    expectError(await me(t, m.token), 401, 'AUTH_EXPIRED');
    const again = await login(t, m.email);
    expect(again.status).toBe(200);
    expect((await me(t, again.body.token)).status).toBe(200);
  });
});

describe('the last enabled administrator', () => {
  it('cannot be demoted, disabled or deleted while no other admin is enabled', async () => {
    const fresh = await startTestServer({ SIGNUP_MODE: 'open' });
    try {
      const only = await fresh.signup();
      const second = await fresh.signup();
      for (const [method, json] of [
        ['PATCH', { role: 'member' }],
        ['PATCH', { disabled: true }],
        ['DELETE', undefined],
      ] as const) {
        const res = await fresh.request(method, `/api/admin/users/${only.user.id}`, {
          token: only.token,
          ...(json ? { json } : {}),
        });
        expect(expectError(res, 409, 'LAST_ADMIN')).toMatch(
          /only enabled administrator.*Make another account an administrator first/,
        );
      }
      // A disabled admin does not count as one.
      await fresh.request('PATCH', `/api/admin/users/${second.user.id}`, {
        token: only.token,
        json: { role: 'admin', disabled: true },
      });
      const stillOnly = await fresh.request('PATCH', `/api/admin/users/${only.user.id}`, {
        token: only.token,
        json: { role: 'member' },
      });
      expectError(stillOnly, 409, 'LAST_ADMIN');
      // With a second enabled admin, the first may step down.
      await fresh.request('PATCH', `/api/admin/users/${second.user.id}`, {
        token: only.token,
        json: { disabled: false },
      });
      const stepDown = await fresh.request('PATCH', `/api/admin/users/${only.user.id}`, {
        token: only.token,
        json: { role: 'member' },
      });
      expect(stepDown.status).toBe(200);
      expect(stepDown.body.user.role).toBe('member');
    } finally {
      await fresh.close();
    }
  });

  it('survives two admins demoting each other at the same moment', async () => {
    const fresh = await startTestServer({ SIGNUP_MODE: 'open' });
    try {
      const a = await fresh.signup();
      const b = await fresh.signup();
      await fresh.request('PATCH', `/api/admin/users/${b.user.id}`, {
        token: a.token,
        json: { role: 'admin' },
      });
      const [ab, ba] = await Promise.all([
        fresh.request('PATCH', `/api/admin/users/${b.user.id}`, {
          token: a.token,
          json: { role: 'member' },
        }),
        fresh.request('PATCH', `/api/admin/users/${a.user.id}`, {
          token: b.token,
          json: { role: 'member' },
        }),
      ]);
      // One wins. The other is refused: 409 when both passed the admin check before either
      // changed anything (the lock serialises them), 403 when the loser was already demoted.
      const statuses = [ab.status, ba.status].sort();
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      const admins = await dbOf(fresh)
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .execute();
      expect(admins).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });
});

describe('a password reset', () => {
  it('is a one-time code the owner redeems; it ends their other sessions', async () => {
    const m = await member();
    const res = await t.request('POST', `/api/admin/users/${m.id}/password-reset`, {
      token: admin.token,
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['expiresAt', 'token']);
    const hours = (Date.parse(res.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    // Until it is redeemed nothing changes.
    expect((await me(t, m.token)).status).toBe(200);

    const redeemed = await t.request('POST', '/api/auth/password-reset', {
      json: { token: res.body.token, password: 'a brand new password' },
    });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.user.id).toBe(m.id);
    expect((await me(t, redeemed.body.token)).status).toBe(200);
    expectError(await me(t, m.token), 401, 'AUTH_EXPIRED');
    expectError(await login(t, m.email), 401, 'INVALID_CREDENTIALS');
    expect((await login(t, m.email, 'a brand new password')).status).toBe(200);

    const reused = await t.request('POST', '/api/auth/password-reset', {
      json: { token: res.body.token, password: 'yet another password' },
    });
    expect(expectError(reused, 403, 'RESET_TOKEN_INVALID')).toMatch(/new one/);
    const unknown = await t.request('POST', '/api/auth/password-reset', {
      json: { token: `rst_${crypto.randomBytes(32).toString('base64url')}`, password: 'whatever1' },
    });
    expect(unknown.body).toEqual(reused.body);
  });

  it('is stored as a hash, and only the latest one works', async () => {
    const m = await member();
    const issue = () =>
      t.request('POST', `/api/admin/users/${m.id}/password-reset`, { token: admin.token });
    const first = (await issue()).body.token;
    const second = (await issue()).body.token;
    const rows = await dbOf(t)
      .selectFrom('passwordResets')
      .selectAll()
      .where('userId', '=', m.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(second);
    const redeem = (token: string) =>
      t.request('POST', '/api/auth/password-reset', {
        json: { token, password: 'fresh password' },
      });
    expectError(await redeem(first), 403, 'RESET_TOKEN_INVALID');
    expect((await redeem(second)).status).toBe(200);
  });
});

describe('deleting an account', () => {
  it('deletes its images, thumbnails, unfinished uploads and profile image, then the account', async () => {
    const m = await member();
    const kept = await uploadImage(t, admin.token, { seed: 90 });
    const album = (
      await t.request('POST', '/api/albums', { token: m.token, json: { name: 'Trip' } })
    ).body.album;
    await uploadImageWithThumbnail(t, m.token, { seed: 91, albumId: album.id });
    await uploadImage(t, m.token, { seed: 92 });
    // An upload that arrived in the bucket but was never registered.
    const stray = await makePng(20, 20, 93);
    const signed = await presign(t, m.token, { data: stray });
    expect(await putObject(signed.body, stray)).toBe(200);
    // A profile image of their own.
    const face = await makeWebp(16, 16, 94);
    const avatar = await presign(t, m.token, {
      data: face,
      contentType: 'image/webp',
      purpose: 'avatar',
    });
    expect(await putObject(avatar.body, face)).toBe(200);
    const set = await t.request('PUT', '/api/auth/me/avatar', {
      token: m.token,
      json: { avatarKey: avatar.body.key },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    // Three registered objects, and the unregistered upload still in staging.
    expect(await t.objectKeys(`users/${m.id}/`)).toHaveLength(3);
    expect(await stagedKeysOf(t, m.id)).toEqual([signed.body.key]);

    const res = await t.request('DELETE', `/api/admin/users/${m.id}`, { token: admin.token });
    expect(res.status, JSON.stringify(res.body)).toBe(204);

    expect(await t.objectKeys(`users/${m.id}/`)).toEqual([]);
    expect(await stagedKeysOf(t, m.id)).toEqual([]);
    expect(await uploadStored(t, avatar.body.key)).toBe(false);
    const db = dbOf(t);
    expect(await db.selectFrom('users').select('id').where('id', '=', m.id).execute()).toEqual([]);
    for (const table of ['images', 'albums', 'pendingUploads'] as const) {
      const rows = await db
        .selectFrom(table)
        .select('ownerId')
        .where('ownerId', '=', m.id)
        .execute();
      expect(rows, table).toEqual([]);
    }
    expectError(await me(t, m.token), 401, 'AUTH_REQUIRED');
    expectError(await login(t, m.email), 401, 'INVALID_CREDENTIALS');
    // Everyone else's images are untouched.
    expect(await objectExists(t, kept.image.key)).toBe(true);

    // The bucket and the rows agree: every object is named by a row, every row's object exists.
    const images = await db.selectFrom('images').select(['key', 'thumbnailKey']).execute();
    const avatars = await db.selectFrom('users').select('avatarKey').execute();
    const pending = await db.selectFrom('pendingUploads').select('key').execute();
    const named = new Set(
      [
        ...images.flatMap((i) => [i.key, i.thumbnailKey]),
        ...avatars.map((u) => u.avatarKey),
        ...pending.map((p) => p.key),
      ].filter((k): k is string => k !== null),
    );
    expect((await t.objectKeys()).sort()).toEqual([...named].sort());
  });

  it('answers 404 for an account that is already gone', async () => {
    const m = await member();
    expect(
      (await t.request('DELETE', `/api/admin/users/${m.id}`, { token: admin.token })).status,
    ).toBe(204);
    const again = await t.request('DELETE', `/api/admin/users/${m.id}`, { token: admin.token });
    expectError(again, 404, 'NOT_FOUND');
  });
});
