// The desktop session against a real backend (PGlite + the S3 emulator), with the keychain in
// memory (keytar itself is tested against gnome-keyring in tests/keychain): where the token is
// kept, what survives a restart, and what sign-up leaves behind when it fails.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session, type SessionState } from '../../../src/main/services/session';
import {
  TokenStore,
  keychainAccount,
  refreshAccount,
} from '../../../src/main/services/token-store';
import { startTestServer, type TestServer } from '../../server/test-server';
import { MemorySecrets, memoryTokenStore, tempDirs, uniqueEmail, writeJpeg } from './helpers';

let t: TestServer;
const newDir = tempDirs('image-desk-session-');
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  t = await startTestServer({ LOGIN_MAX_ATTEMPTS: '1000' });
});
afterAll(() => t?.close());

async function openSession(
  options: { dataDir?: string; secrets?: MemorySecrets; tokens?: TokenStore } = {},
) {
  const dataDir = options.dataDir ?? (await newDir());
  const secrets = options.secrets ?? new MemorySecrets();
  const changes: SessionState[] = [];
  const session = new Session({
    dataDir,
    tokens: options.tokens ?? memoryTokenStore(secrets),
    defaultServerUrl: () => t.baseUrl,
    onChange: (state) => changes.push(state),
  });
  return { session, dataDir, secrets, changes };
}

describe('login', () => {
  it('keeps the token in the keychain under "<server> <email>" and a pointer in the data dir', async () => {
    const { user } = await t.signup({ password: PASSWORD });
    const { session, secrets, dataDir, changes } = await openSession();
    const state = await session.login({
      serverUrl: `${t.baseUrl}/`,
      email: user.email,
      password: PASSWORD,
    });

    expect(state).toEqual({ signedIn: true, user, serverUrl: t.baseUrl });
    expect(changes.at(-1)).toEqual(state);
    // The access token, and beside it the refresh token that renews it.
    expect([...secrets.accounts.keys()].sort()).toEqual([
      `${t.baseUrl} ${user.email}`,
      `${t.baseUrl} ${user.email} (refresh)`,
    ]);
    const token = secrets.accounts.get(keychainAccount(t.baseUrl, user.email))!;
    const me = await t.request('GET', '/api/auth/me', { token });
    expect(me.body.user.id).toBe(user.id);

    const pointer = await fs.readFile(path.join(dataDir, 'session.json'), 'utf8');
    expect(JSON.parse(pointer)).toEqual({ serverUrl: t.baseUrl, email: user.email });
    expect(pointer).not.toContain(token);
  });

  it('stays signed out after a wrong password, with nothing stored', async () => {
    const { user } = await t.signup({ password: PASSWORD });
    const { session, secrets, dataDir } = await openSession();
    await expect(
      session.login({ serverUrl: t.baseUrl, email: user.email, password: 'wrong password' }),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(session.state().signedIn).toBe(false);
    expect(secrets.accounts.size).toBe(0);
    await expect(fs.access(path.join(dataDir, 'session.json'))).rejects.toThrow();
  });
});

describe('restart', () => {
  it('is still signed in after a restart (new Session over the same data dir and keychain)', async () => {
    const { user } = await t.signup({ password: PASSWORD });
    const first = await openSession();
    await first.session.login({ serverUrl: t.baseUrl, email: user.email, password: PASSWORD });

    const second = await openSession({ dataDir: first.dataDir, secrets: first.secrets });
    expect(second.session.state().signedIn).toBe(false);
    const restored = await second.session.restore();
    expect(restored).toEqual({ signedIn: true, user, serverUrl: t.baseUrl });
    // The restored session really talks to the server as that user.
    const { images } = await second.session.api().listImages();
    expect(images).toEqual([]);
  });

  it('is signed out after a restart when no one ever signed in', async () => {
    const { session, secrets } = await openSession();
    expect(await session.restore()).toEqual({ signedIn: false, user: null, serverUrl: t.baseUrl });
    expect(secrets.calls).toBe(0);
  });

  it.each([
    [
      'an expired token',
      async (userId: string) => t.server.services.tokens.sign({ userId, role: 'member' }, -60),
    ],
    ['a token that is not a JWT', async () => 'not-a-token'],
    [
      'a token signed with another key',
      async (userId: string) => {
        const { TokenService } = await import('../../../src/server/auth/tokens');
        return new TokenService('x'.repeat(64)).sign({ userId, role: 'member' });
      },
    ],
  ])(
    'is signed out on restore with %s and no refresh token in the keychain',
    async (_label, makeToken) => {
      const { user } = await t.signup({ password: PASSWORD });
      const first = await openSession();
      await first.session.login({ serverUrl: t.baseUrl, email: user.email, password: PASSWORD });
      first.secrets.accounts.set(keychainAccount(t.baseUrl, user.email), await makeToken(user.id));
      // A keychain entry from before refresh tokens (with one, an expired token is renewed:
      // session-refresh.test.ts).
      first.secrets.accounts.delete(refreshAccount(t.baseUrl, user.email));

      const second = await openSession({ dataDir: first.dataDir, secrets: first.secrets });
      expect(await second.session.restore()).toEqual({
        signedIn: false,
        user: null,
        serverUrl: t.baseUrl,
      });
      expect(second.changes.at(-1)).toMatchObject({ signedIn: false });
    },
  );
});

describe('logout', () => {
  it('deletes the token from the keychain, so a restart is signed out', async () => {
    const { user } = await t.signup({ password: PASSWORD });
    const first = await openSession();
    await first.session.login({ serverUrl: t.baseUrl, email: user.email, password: PASSWORD });
    expect(await first.session.logout()).toEqual({
      signedIn: false,
      user: null,
      serverUrl: t.baseUrl,
    });
    expect(first.secrets.accounts.size).toBe(0);

    const second = await openSession({ dataDir: first.dataDir, secrets: first.secrets });
    expect((await second.session.restore()).signedIn).toBe(false);
  });

  it("leaves other accounts' tokens alone", async () => {
    const ann = await t.signup({ password: PASSWORD });
    const bob = await t.signup({ password: PASSWORD });
    const secrets = new MemorySecrets();
    const a = await openSession({ secrets });
    const b = await openSession({ secrets });
    await a.session.login({ serverUrl: t.baseUrl, email: ann.user.email, password: PASSWORD });
    await b.session.login({ serverUrl: t.baseUrl, email: bob.user.email, password: PASSWORD });
    await a.session.logout();
    expect([...secrets.accounts.keys()].sort()).toEqual([
      keychainAccount(t.baseUrl, bob.user.email),
      refreshAccount(t.baseUrl, bob.user.email),
    ]);
  });
});

describe('IMAGE_DESK_TOKEN', () => {
  it('signs in with the token from the environment without touching the keychain', async () => {
    const { token, user } = await t.signup({ password: PASSWORD });
    const tokens = new TokenStore(async () => {
      throw new Error('the keychain must not be used when IMAGE_DESK_TOKEN is set');
    }, token);
    const { session } = await openSession({ tokens });
    expect(tokens.hasEnvOverride).toBe(true);
    expect(await session.restore()).toEqual({ signedIn: true, user, serverUrl: t.baseUrl });
    expect((await session.api().listAlbums()).albums).toEqual([]);
    // Signing out forgets it for this run, still without the keychain.
    expect((await session.logout()).signedIn).toBe(false);
  });

  it('is used for a server named on the command line too', async () => {
    const { token, user } = await t.signup({ password: PASSWORD });
    const tokens = memoryTokenStore(new MemorySecrets(), token);
    const session = new Session({
      dataDir: await newDir(),
      tokens,
      defaultServerUrl: () => 'http://127.0.0.1:1',
    });
    expect(await session.restore(t.baseUrl)).toEqual({
      signedIn: true,
      user,
      serverUrl: t.baseUrl,
    });
  });
});

describe('signup', () => {
  it('uploads the profile picture under avatars/ and ties it to the new account', async () => {
    const avatarPath = await writeJpeg(await newDir(), 'me.jpg', 1200);
    const { session, secrets } = await openSession();
    const email = uniqueEmail('signup');
    const state = await session.signup({
      serverUrl: t.baseUrl,
      email,
      password: PASSWORD,
      username: 'Ann',
      avatarPath,
    });
    expect(state).toMatchObject({
      signedIn: true,
      serverUrl: t.baseUrl,
      user: { email, username: 'Ann' },
    });
    const avatarKey = state.user!.avatarKey!;
    expect(avatarKey).toMatch(/^avatars\/[A-Za-z0-9_-]+\.webp$/);
    expect(await t.objectKeys('avatars/')).toContain(avatarKey);
    expect([...secrets.accounts.keys()].sort()).toEqual([
      keychainAccount(t.baseUrl, email),
      refreshAccount(t.baseUrl, email),
    ]);

    // The stored picture is the resized WebP (512 px at most), served to its owner.
    const token = secrets.accounts.get(keychainAccount(t.baseUrl, email))!;
    const signed = await t.request('GET', '/api/auth/me/avatar-url', { token });
    const bytes = Buffer.from(await (await fetch(signed.body.url)).arrayBuffer());
    const sharp = (await import('sharp')).default;
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('webp');
    expect(Math.max(meta.width!, meta.height!)).toBe(512);
  });

  it('signs up without a picture', async () => {
    const { session } = await openSession();
    const state = await session.signup({
      serverUrl: t.baseUrl,
      email: uniqueEmail('plain'),
      password: PASSWORD,
      username: 'Bo',
    });
    expect(state.user).toMatchObject({ username: 'Bo', avatarKey: null });
  });

  it('leaves no picture in the bucket when the email is already taken', async () => {
    const existing = await t.signup({ password: PASSWORD });
    const avatarPath = await writeJpeg(await newDir(), 'taken.jpg');
    const before = await t.objectKeys('avatars/');
    const { session, secrets, dataDir } = await openSession();
    await expect(
      session.signup({
        serverUrl: t.baseUrl,
        email: existing.user.email,
        password: PASSWORD,
        username: 'Copycat',
        avatarPath,
      }),
    ).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
    expect(await t.objectKeys('avatars/')).toEqual(before);
    expect(session.state().signedIn).toBe(false);
    expect(secrets.accounts.size).toBe(0);
    await expect(fs.access(path.join(dataDir, 'session.json'))).rejects.toThrow();
  });
});

describe('passwords', () => {
  it('keeps the session through a password change, with the new token in the keychain', async () => {
    const { user } = await t.signup({ password: PASSWORD });
    const { session, secrets } = await openSession();
    await session.login({ serverUrl: t.baseUrl, email: user.email, password: PASSWORD });
    const before = secrets.accounts.get(keychainAccount(t.baseUrl, user.email))!;
    await session.changePassword({ currentPassword: PASSWORD, newPassword: 'a changed password' });

    const after = secrets.accounts.get(keychainAccount(t.baseUrl, user.email))!;
    expect(after).not.toBe(before);
    expect(session.state().signedIn).toBe(true);
    expect((await session.api().me()).user.id).toBe(user.id);
    // The token from before the change is refused by the server.
    const old = await t.request('GET', '/api/auth/me', { token: before });
    expect(old.status).toBe(401);
  });

  it('signs in with an administrator’s reset code and the new password', async () => {
    // Not this server's first account: made an administrator directly in the database.
    const admin = await t.signup();
    await t.server.services.database.db
      .updateTable('users')
      .set({ role: 'admin' })
      .where('id', '=', admin.user.id)
      .execute();
    const { user } = await t.signup({ password: PASSWORD });
    const issued = await t.request('POST', `/api/admin/users/${user.id}/password-reset`, {
      token: admin.token,
    });
    const { session, secrets } = await openSession();
    const state = await session.redeemReset({
      serverUrl: t.baseUrl,
      token: issued.body.token,
      password: 'chosen by me',
    });
    expect(state).toMatchObject({ signedIn: true, user: { id: user.id } });
    expect([...secrets.accounts.keys()].sort()).toEqual([
      keychainAccount(t.baseUrl, user.email),
      refreshAccount(t.baseUrl, user.email),
    ]);
    await expect(
      session.redeemReset({ serverUrl: t.baseUrl, token: issued.body.token, password: 'again!!!' }),
    ).rejects.toMatchObject({ code: 'RESET_TOKEN_INVALID' });
  });
});

describe('the profile image', () => {
  it('is replaced from a local file (resized, uploaded under the token) and removed', async () => {
    const { user } = await t.signup({ password: PASSWORD });
    const { session, changes } = await openSession();
    await session.login({ serverUrl: t.baseUrl, email: user.email, password: PASSWORD });
    const dir = await newDir();
    const first = await session.setAvatar(await writeJpeg(dir, 'one.jpg', 900));
    const firstKey = first.user!.avatarKey!;
    expect(firstKey).toMatch(/^avatars\/[A-Za-z0-9_-]+\.webp$/);
    expect(changes.at(-1)).toEqual(first);
    expect(await t.objectKeys(firstKey)).toEqual([firstKey]);

    const second = await session.setAvatar(await writeJpeg(dir, 'two.jpg', 700));
    expect(second.user!.avatarKey).not.toBe(firstKey);
    expect(await t.objectKeys(firstKey)).toEqual([]);

    const removed = await session.setAvatar(null);
    expect(removed.user!.avatarKey).toBeNull();
    expect(await t.objectKeys(second.user!.avatarKey!)).toEqual([]);
  });
});
