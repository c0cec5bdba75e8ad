// TokenStore.keytarOrMemory, the browser preview's keychain: keytar where the OS keychain answers,
// memory (with one warning) where it fails or hangs. The keychains here are stand-ins that fail
// on cue; the real keytar without D-Bus is exercised by bridge-security.test.ts, and the real
// keytar on gnome-keyring by tests/keychain.
import { describe, expect, it } from 'vitest';
import {
  KEYCHAIN_SERVICE,
  MemorySecretBackend,
  TokenStore,
  keychainAccount,
  type SecretBackend,
} from '../../src/main/services/token-store';

const SERVER = 'http://127.0.0.1:8787';

describe('TokenStore.keytarOrMemory', () => {
  it('uses the keychain when it answers, without a warning', async () => {
    const keychain = new MemorySecretBackend();
    const warnings: string[] = [];
    const tokens = await TokenStore.keytarOrMemory((w) => warnings.push(w), {
      load: async () => keychain,
      envToken: '',
    });
    await tokens.set(SERVER, 'ann@example.com', 'secret-token');
    expect(warnings).toEqual([]);
    expect(
      await keychain.getPassword(KEYCHAIN_SERVICE, keychainAccount(SERVER, 'ann@example.com')),
    ).toBe('secret-token');
  });

  it.each([
    [
      'keytar fails to load',
      async (): Promise<SecretBackend> => {
        throw new Error('Cannot find module keytar');
      },
      'Cannot find module keytar',
    ],
    [
      'the keychain refuses the first read',
      async (): Promise<SecretBackend> => ({
        getPassword: async () => {
          throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY\nmore detail');
        },
        setPassword: async () => undefined,
        deletePassword: async () => false,
      }),
      'Cannot autolaunch D-Bus without X11 $DISPLAY',
    ],
    [
      'the keychain never answers',
      async (): Promise<SecretBackend> => ({
        getPassword: () => new Promise<never>(() => undefined),
        setPassword: async () => undefined,
        deletePassword: async () => false,
      }),
      'no answer within 50 ms',
    ],
  ])('keeps the token in memory for the run when %s', async (_case, load, reason) => {
    const warnings: string[] = [];
    const tokens = await TokenStore.keytarOrMemory((w) => warnings.push(w), {
      load,
      envToken: '',
      timeoutMs: 50,
    });
    expect(warnings).toEqual([
      `The OS keychain is not available (${reason}); the session token is kept in memory for this run only.`,
    ]);
    expect(await tokens.get(SERVER, 'ann@example.com')).toBeUndefined();
    await tokens.set(SERVER, 'ann@example.com', 'secret-token');
    expect(await tokens.get(SERVER, 'ann@example.com')).toBe('secret-token');
    await tokens.delete(SERVER, 'ann@example.com');
    expect(await tokens.get(SERVER, 'ann@example.com')).toBeUndefined();
  });
});
