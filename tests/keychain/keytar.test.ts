// The real keytar against a real gnome-keyring. Needs a D-Bus session with an unlocked keyring:
//   scripts/with-keyring.sh npx vitest run --project keychain
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Session } from '../../src/main/services/session';
import { KEYCHAIN_SERVICE, TokenStore, keychainAccount } from '../../src/main/services/token-store';
import { startTestServer, type TestServer } from '../server/test-server';

const PASSWORD = 'correct horse battery';
const dirs: string[] = [];

beforeAll(() => {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error(
      'No D-Bus session: run these tests through scripts/with-keyring.sh (it starts D-Bus and an unlocked gnome-keyring).',
    );
  }
  // The keychain, not the environment, is under test here.
  vi.stubEnv('IMAGE_DESK_TOKEN', '');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

async function newDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'image-desk-keychain-'));
  dirs.push(dir);
  return dir;
}

/** What the keyring itself holds for the app, read with keytar directly rather than TokenStore. */
async function keyringAccounts(): Promise<Map<string, string>> {
  const credentials = await keytar.findCredentials(KEYCHAIN_SERVICE);
  return new Map(credentials.map((c) => [c.account, c.password]));
}

describe('TokenStore.keytar() on gnome-keyring', () => {
  it('stores, reads and deletes a token under "<server> <email>"', async () => {
    const tokens = TokenStore.keytar();
    expect(tokens.hasEnvOverride).toBe(false);
    const server = `https://images-${crypto.randomUUID().slice(0, 8)}.example`;
    const token = `tok-${crypto.randomBytes(16).toString('hex')}`;

    expect(await tokens.get(server, 'ann@example.com')).toBeUndefined();
    await tokens.set(`${server}/`, 'Ann@Example.com', token);
    expect((await keyringAccounts()).get(`${server} ann@example.com`)).toBe(token);
    expect(await tokens.get(server, 'ann@example.com')).toBe(token);
    // Another account on the same server, or the same email elsewhere, is a different entry.
    expect(await tokens.get(server, 'bob@example.com')).toBeUndefined();
    expect(await tokens.get(`${server}:8443`, 'ann@example.com')).toBeUndefined();

    await tokens.delete(server, 'ann@example.com');
    expect(await tokens.get(server, 'ann@example.com')).toBeUndefined();
    expect((await keyringAccounts()).has(`${server} ann@example.com`)).toBe(false);
  });

  it('replaces the token of an account on a second sign-in', async () => {
    const tokens = TokenStore.keytar();
    const server = `https://images-${crypto.randomUUID().slice(0, 8)}.example`;
    await tokens.set(server, 'cy@example.com', 'first');
    await tokens.set(server, 'cy@example.com', 'second');
    expect(await tokens.get(server, 'cy@example.com')).toBe('second');
    const entries = [...(await keyringAccounts()).keys()].filter((a) => a.startsWith(server));
    expect(entries).toEqual([`${server} cy@example.com`]);
    await tokens.delete(server, 'cy@example.com');
  });
});

describe('Session with the keychain', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t?.close());

  const openSession = (dataDir: string) =>
    new Session({ dataDir, tokens: TokenStore.keytar(), defaultServerUrl: () => t.baseUrl });

  it('keeps the token in the keyring across a restart and removes it on sign-out', async () => {
    const { user } = await t.signup({ password: PASSWORD });
    const dataDir = await newDir();
    const account = keychainAccount(t.baseUrl, user.email);

    const first = openSession(dataDir);
    const state = await first.login({
      serverUrl: t.baseUrl,
      email: user.email,
      password: PASSWORD,
    });
    expect(state).toEqual({ signedIn: true, user, serverUrl: t.baseUrl });
    const token = (await keyringAccounts()).get(account);
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect((await t.request('GET', '/api/auth/me', { token })).body.user.id).toBe(user.id);
    // The data dir holds only the pointer, never the token.
    for (const file of await fs.readdir(dataDir)) {
      expect(await fs.readFile(path.join(dataDir, file), 'utf8')).not.toContain(token!);
    }

    const second = openSession(dataDir);
    expect(await second.restore()).toEqual({ signedIn: true, user, serverUrl: t.baseUrl });

    await second.logout();
    expect((await keyringAccounts()).has(account)).toBe(false);
    expect((await openSession(dataDir).restore()).signedIn).toBe(false);
  });
});
