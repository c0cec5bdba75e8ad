// Sessions that survive a long batch: a sign-in gives a short access token and a single-use
// refresh token; each refresh rotates both. A spent refresh token presented again (someone else
// holds a copy) ends the whole sign-in; so do signing out, a password change and a disabled
// account. A second process of the same client refreshing at the same moment is told to read the
// stored session again instead of being taken for a thief.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, login, me, PASSWORD, person } from '../accounts-http';
import { dbOf } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';

let t: TestServer;
let adminToken: string;
beforeAll(async () => {
  t = await startTestServer();
  ({ token: adminToken } = await t.signup());
});
afterAll(() => t?.close());

const refresh = (refreshToken: string) =>
  t.request('POST', '/api/auth/refresh', { json: { refreshToken } });

async function member() {
  const who = person();
  const created = await t.request('POST', '/api/auth/signup', { json: who });
  expect(created.status).toBe(201);
  return { ...who, id: created.body.user.id as string, first: created.body };
}

/** Moves when a refresh token was spent, as if `seconds` had passed since. */
async function spentAgo(refreshToken: string, seconds: number) {
  const { hashOneTimeCode } = await import('../../../src/server/auth/one-time-code');
  await dbOf(t)
    .updateTable('refreshTokens')
    .set({ usedAt: new Date(Date.now() - seconds * 1000) })
    .where('tokenHash', '=', hashOneTimeCode(refreshToken))
    .execute();
}

describe('refresh tokens', () => {
  it('come with every sign-in and trade for a working pair, once', async () => {
    const who = await member();
    expect(who.first.refreshToken).toMatch(/^rft_[A-Za-z0-9_-]{43}$/);
    const next = await refresh(who.first.refreshToken);
    expect(next.status).toBe(200);
    expect(next.body.user.id).toBe(who.id);
    expect(next.body.refreshToken).not.toBe(who.first.refreshToken);
    expect((await me(t, next.body.token)).status).toBe(200);
    // Not stored in the clear: the database holds only a hash.
    const rows = await dbOf(t)
      .selectFrom('refreshTokens')
      .select('tokenHash')
      .where('userId', '=', who.id)
      .execute();
    expect(rows.map((r) => r.tokenHash)).not.toContain(who.first.refreshToken);
  });

  it('ends the whole sign-in when a spent one comes back later (a stolen copy)', async () => {
    const who = await member();
    const next = (await refresh(who.first.refreshToken)).body;
    await spentAgo(who.first.refreshToken, 60);
    expectError(await refresh(who.first.refreshToken), 401, 'AUTH_REQUIRED');
    // The legitimate holder's newer token is gone too: the thief's copy bought nothing.
    expectError(await refresh(next.refreshToken), 401, 'AUTH_REQUIRED');
    // Other sign-ins of the same person are not touched.
    const elsewhere = (await login(t, who.email)).body;
    expect((await refresh(elsewhere.refreshToken)).status).toBe(200);
  });

  it('tells a second process refreshing at the same moment to read the session again', async () => {
    const who = await member();
    const next = (await refresh(who.first.refreshToken)).body;
    const raced = await refresh(who.first.refreshToken);
    expectError(raced, 409, 'REFRESH_RACED');
    expect((await refresh(next.refreshToken)).status).toBe(200);
  });

  it('stop working when the person signs out', async () => {
    const who = await member();
    const other = (await login(t, who.email)).body;
    const out = await t.request('POST', '/api/auth/logout', {
      json: { refreshToken: who.first.refreshToken },
    });
    expect(out.status).toBe(204);
    expectError(await refresh(who.first.refreshToken), 401, 'AUTH_REQUIRED');
    expect((await refresh(other.refreshToken)).status).toBe(200);
    // Signing out again, or with a token the server never issued, is not an error.
    const again = await t.request('POST', '/api/auth/logout', {
      json: { refreshToken: 'rft_unknown' },
    });
    expect(again.status).toBe(204);
  });

  it('stop working for every other sign-in when the password changes', async () => {
    const who = await member();
    const other = (await login(t, who.email)).body;
    const changed = await t.request('POST', '/api/auth/password', {
      token: who.first.token,
      json: { currentPassword: PASSWORD, newPassword: 'another good password' },
    });
    expect(changed.status).toBe(200);
    expectError(await refresh(other.refreshToken), 401, 'AUTH_REQUIRED');
    // The session that changed it carries on with the pair it was given.
    expect((await refresh(changed.body.refreshToken)).status).toBe(200);
  });

  it('stop working at once when an admin disables the account', async () => {
    const who = await member();
    const disabled = await t.request('PATCH', `/api/admin/users/${who.id}`, {
      token: adminToken,
      json: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    expectError(await refresh(who.first.refreshToken), 401, 'AUTH_REQUIRED');
  });

  it('expire, and expired rows are swept', async () => {
    const who = await member();
    await dbOf(t)
      .updateTable('refreshTokens')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('userId', '=', who.id)
      .execute();
    expectError(await refresh(who.first.refreshToken), 401, 'AUTH_EXPIRED');
    await t.server.sweeper.sweep();
    const left = await dbOf(t)
      .selectFrom('refreshTokens')
      .select('tokenHash')
      .where('userId', '=', who.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('refuse what was never issued', async () => {
    expectError(await refresh('rft_forged'), 401, 'AUTH_REQUIRED');
    expectError(await refresh(''), 400, 'VALIDATION_FAILED');
  });
});
