// A ten-hour batch never stops for a sign-in: when the two-hour access token has expired, the
// desktop session (and the CLI, which uses the same session and keychain entry) trades its
// refresh token for a new pair and carries on. Against a real backend; the keychain in memory.
// "Two hours later" is made by putting an already-expired access token, signed by the server
// itself, where the session keeps its token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../../src/main/services/session';
import { keychainAccount, refreshAccount } from '../../../src/main/services/token-store';
import { startTestServer, type TestServer } from '../../server/test-server';
import { MemorySecrets, memoryTokenStore, tempDirs } from './helpers';

let t: TestServer;
const newDir = tempDirs('image-desk-refresh-');
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  t = await startTestServer({ LOGIN_MAX_ATTEMPTS: '1000' });
});
afterAll(() => t?.close());

async function signedIn(secrets = new MemorySecrets(), dataDir?: string) {
  const dir = dataDir ?? (await newDir());
  const session = new Session({
    dataDir: dir,
    tokens: memoryTokenStore(secrets),
    defaultServerUrl: () => t.baseUrl,
  });
  return { session, secrets, dataDir: dir };
}

/** Makes the stored access token one that expired a minute ago (the server's own signature). */
async function expireStoredAccessToken(
  secrets: MemorySecrets,
  user: { id: string; email: string },
) {
  const expired = await t.server.services.tokens.sign({ userId: user.id, role: 'admin' }, -60);
  secrets.accounts.set(keychainAccount(t.baseUrl, user.email), expired);
  return expired;
}

describe('an expired access token', () => {
  it('is renewed with the refresh token on the next call, and both are rotated in the keychain', async () => {
    const { user } = await t.signup({ password: PASSWORD });
    const first = await signedIn();
    await first.session.login({ serverUrl: t.baseUrl, email: user.email, password: PASSWORD });
    const refreshBefore = first.secrets.accounts.get(refreshAccount(t.baseUrl, user.email));
    expect(refreshBefore).toMatch(/^rft_/);

    // The next start of the app, two hours later.
    const expired = await expireStoredAccessToken(first.secrets, user);
    const later = await signedIn(first.secrets, first.dataDir);
    const state = await later.session.restore();
    expect(state.signedIn).toBe(true);
    const access = first.secrets.accounts.get(keychainAccount(t.baseUrl, user.email))!;
    expect(access).not.toBe(expired);
    expect((await t.request('GET', '/api/auth/me', { token: access })).status).toBe(200);
    expect(first.secrets.accounts.get(refreshAccount(t.baseUrl, user.email))).not.toBe(
      refreshBefore,
    );
    // Calls go on working: the gallery of a long batch.
    expect((await later.session.api().listImages({})).images).toEqual([]);
  });

  it('is renewed by two processes sharing the keychain without ending the sign-in', async () => {
    const { user } = await t.signup({ password: PASSWORD });
    const app = await signedIn();
    await app.session.login({ serverUrl: t.baseUrl, email: user.email, password: PASSWORD });
    await expireStoredAccessToken(app.secrets, user);
    // The desktop app and a CLI run start at once from the same keychain.
    const desktop = await signedIn(app.secrets, app.dataDir);
    const cli = await signedIn(app.secrets, app.dataDir);
    const [a, b] = await Promise.all([desktop.session.restore(), cli.session.restore()]);
    expect([a.signedIn, b.signedIn]).toEqual([true, true]);
    const [listA, listB] = await Promise.all([
      desktop.session.api().listImages({}),
      cli.session.api().listImages({}),
    ]);
    expect([listA.images, listB.images]).toEqual([[], []]);
    // The family is alive: the stored refresh token still renews.
    const refresh = app.secrets.accounts.get(refreshAccount(t.baseUrl, user.email))!;
    const res = await t.request('POST', '/api/auth/refresh', { json: { refreshToken: refresh } });
    expect(res.status).toBe(200);
  });

  it('is not renewed once the person signed out elsewhere: the session ends', async () => {
    const { user } = await t.signup({ password: PASSWORD });
    const app = await signedIn();
    await app.session.login({ serverUrl: t.baseUrl, email: user.email, password: PASSWORD });
    const refresh = app.secrets.accounts.get(refreshAccount(t.baseUrl, user.email))!;
    await t.request('POST', '/api/auth/logout', { json: { refreshToken: refresh } });
    await expireStoredAccessToken(app.secrets, user);
    const later = await signedIn(app.secrets, app.dataDir);
    expect((await later.session.restore()).signedIn).toBe(false);
  });
});

describe('signing out', () => {
  it('ends the sign-in on the server and forgets both tokens here', async () => {
    const { user } = await t.signup({ password: PASSWORD });
    const app = await signedIn();
    await app.session.login({ serverUrl: t.baseUrl, email: user.email, password: PASSWORD });
    const refresh = app.secrets.accounts.get(refreshAccount(t.baseUrl, user.email))!;
    await app.session.logout();
    expect(app.secrets.accounts.size).toBe(0);
    const res = await t.request('POST', '/api/auth/refresh', { json: { refreshToken: refresh } });
    expect(res.status).toBe(401);
  });
});
