// What every user does to their own account: change the password (the current one required;
// their other sessions end) and change or remove their profile image.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, login, me, PASSWORD } from '../accounts-http';
import { objectExists } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { makeWebp, presign, putObject } from '../upload-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ LOGIN_MAX_ATTEMPTS: '3' });
  await t.signup();
});
afterAll(() => t?.close());

function changePassword(token: string, currentPassword: string, newPassword: string) {
  return t.request('POST', '/api/auth/password', {
    token,
    json: { currentPassword, newPassword },
  });
}

describe('changing the password', () => {
  it('ends every other session and hands this one a new token', async () => {
    const { token: laptop, user } = await t.signup({ password: PASSWORD });
    const phone = (await login(t, user.email)).body.token;
    const res = await changePassword(laptop, PASSWORD, 'a new and better one');
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual(user);

    expect((await me(t, res.body.token)).status).toBe(200);
    expect(expectError(await me(t, phone), 401, 'AUTH_EXPIRED')).toMatch(/password was changed/);
    expectError(await me(t, laptop), 401, 'AUTH_EXPIRED');
    expectError(await login(t, user.email), 401, 'INVALID_CREDENTIALS');
    expect((await login(t, user.email, 'a new and better one')).status).toBe(200);
  });

  it('needs the current password, and a wrong one changes nothing', async () => {
    const { token, user } = await t.signup({ password: PASSWORD });
    const res = await changePassword(token, 'not my password', 'another password');
    expect(expectError(res, 403, 'WRONG_PASSWORD')).toMatch(/current password is not correct/);
    expect((await me(t, token)).status).toBe(200);
    expect((await login(t, user.email)).status).toBe(200);
    expectError(await changePassword(token, PASSWORD, 'short'), 400, 'VALIDATION_FAILED');
  });

  it('counts wrong current passwords as sign-in attempts, so a stolen token cannot guess', async () => {
    const { token } = await t.signup({ password: PASSWORD });
    for (let i = 0; i < 3; i += 1) {
      expectError(
        await changePassword(token, `guess ${i}`, 'another password'),
        403,
        'WRONG_PASSWORD',
      );
    }
    expectError(await changePassword(token, PASSWORD, 'another password'), 429, 'RATE_LIMITED');
  });
});

describe('the profile image', () => {
  async function uploadAvatar(token: string | undefined, seed: number) {
    const data = await makeWebp(24, 24, seed);
    const signed = await presign(t, token, { data, contentType: 'image/webp', purpose: 'avatar' });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(await putObject(signed.body, data)).toBe(200);
    return signed.body.key as string;
  }

  function setAvatar(token: string, avatarKey: string) {
    return t.request('PUT', '/api/auth/me/avatar', { token, json: { avatarKey } });
  }

  it('is replaced by one the user uploaded, and the old one leaves storage', async () => {
    const { token } = await t.signup();
    const first = await uploadAvatar(token, 1);
    const set = await setAvatar(token, first);
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.user.avatarKey).toBe(first);
    const url = await t.request('GET', '/api/auth/me/avatar-url', { token });
    expect((await fetch(url.body.url)).status).toBe(200);

    const second = await uploadAvatar(token, 2);
    expect((await setAvatar(token, second)).body.user.avatarKey).toBe(second);
    expect(await objectExists(t, first)).toBe(false);
    expect(await objectExists(t, second)).toBe(true);

    const removed = await t.request('DELETE', '/api/auth/me/avatar', { token });
    expect(removed.body.user.avatarKey).toBeNull();
    expect(await objectExists(t, second)).toBe(false);
    expectError(await t.request('GET', '/api/auth/me/avatar-url', { token }), 404, 'NOT_FOUND');
  });

  it("cannot be someone else's upload, or an anonymous sign-up's", async () => {
    const ann = await t.signup();
    const bob = await t.signup();
    const annsUpload = await uploadAvatar(ann.token, 3);
    expectError(await setAvatar(bob.token, annsUpload), 400, 'KEY_NOT_PRESIGNED');
    const anonymous = await uploadAvatar(undefined, 4);
    expectError(await setAvatar(bob.token, anonymous), 400, 'KEY_NOT_PRESIGNED');
    // Ann can still use hers.
    expect((await setAvatar(ann.token, annsUpload)).status).toBe(200);
  });
});
