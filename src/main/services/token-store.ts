// The auth token lives in the OS keychain (keytar), one entry per server URL and email.
// IMAGE_DESK_TOKEN overrides it for headless use (CI, scripts); nothing else sees the token.
// The browser preview may run where no keychain exists and then keeps the token in memory.
import { CodedError } from '../../shared/errors';

export const KEYCHAIN_SERVICE = 'Image Desk';

export interface SecretBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export function keychainAccount(serverUrl: string, email: string): string {
  return `${serverUrl.replace(/\/+$/, '')} ${email.toLowerCase()}`;
}

/** The refresh token's entry, beside the access token's. */
export function refreshAccount(serverUrl: string, email: string): string {
  return `${keychainAccount(serverUrl, email)} (refresh)`;
}

/** Secrets for this process's lifetime only: the browser preview's fallback on a headless machine. */
export class MemorySecretBackend implements SecretBackend {
  private readonly secrets = new Map<string, string>();

  async getPassword(service: string, account: string): Promise<string | null> {
    return this.secrets.get(`${service}\n${account}`) ?? null;
  }
  async setPassword(service: string, account: string, password: string): Promise<void> {
    this.secrets.set(`${service}\n${account}`, password);
  }
  async deletePassword(service: string, account: string): Promise<boolean> {
    return this.secrets.delete(`${service}\n${account}`);
  }
}

/** A keychain that has not answered by then is treated as absent (a hung D-Bus call). */
const KEYCHAIN_PROBE_TIMEOUT_MS = 5_000;

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/** keytar is optional (a native build that needs libsecret): its absence is a sentence, not a stack. */
function keychainUnavailable(cause: unknown): CodedError {
  return new CodedError(
    'KEYCHAIN_UNAVAILABLE',
    `The OS keychain is not available (${firstLine(cause)}). Start a Secret Service such as gnome-keyring, reinstall with libsecret-1-dev present if keytar did not build, or set IMAGE_DESK_TOKEN for headless use.`,
    { cause },
  );
}

async function loadKeytar(): Promise<SecretBackend> {
  let mod: SecretBackend & { default?: SecretBackend };
  try {
    mod = (await import('keytar')) as unknown as SecretBackend & { default?: SecretBackend };
  } catch (error) {
    throw keychainUnavailable(error);
  }
  const keytar = mod.default ?? mod;
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } catch (error) {
        throw keychainUnavailable(error);
      }
    };
  return {
    getPassword: guard(keytar.getPassword.bind(keytar)),
    setPassword: guard(keytar.setPassword.bind(keytar)),
    deletePassword: guard(keytar.deletePassword.bind(keytar)),
  };
}

export class TokenStore {
  constructor(
    private readonly backend: () => Promise<SecretBackend>,
    private readonly envToken: string | undefined = process.env.IMAGE_DESK_TOKEN,
  ) {}

  /** keytar is a native module: loaded on first use so commands that never need it start fast. */
  static keytar(envToken?: string): TokenStore {
    return new TokenStore(loadKeytar, envToken);
  }

  /**
   * keytar when the OS keychain answers one read, else memory for this run: for the browser
   * preview on machines without a Secret Service (headless Linux without D-Bus). `onFallback`
   * gets a sentence for the person; Electron and the CLI keep plain keytar, which fails loudly.
   */
  static async keytarOrMemory(
    onFallback: (warning: string) => void,
    options: { envToken?: string; load?: () => Promise<SecretBackend>; timeoutMs?: number } = {},
  ): Promise<TokenStore> {
    const { envToken, load = loadKeytar, timeoutMs = KEYCHAIN_PROBE_TIMEOUT_MS } = options;
    let timer: NodeJS.Timeout | undefined;
    try {
      const backend = await load();
      await Promise.race([
        backend.getPassword(KEYCHAIN_SERVICE, 'probe'),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${timeoutMs} ms`)),
            timeoutMs,
          );
          timer.unref();
        }),
      ]);
      return new TokenStore(async () => backend, envToken);
    } catch (error) {
      const reason = firstLine(error instanceof CodedError && error.cause ? error.cause : error);
      onFallback(
        `The OS keychain is not available (${reason}); the session token is kept in memory for this run only.`,
      );
      const memory = new MemorySecretBackend();
      return new TokenStore(async () => memory, envToken);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Throws KEYCHAIN_UNAVAILABLE unless the keychain answers a read (before anything is created). */
  async check(): Promise<void> {
    const backend = await this.backend();
    await backend.getPassword(KEYCHAIN_SERVICE, 'probe');
  }

  get hasEnvOverride(): boolean {
    return Boolean(this.envToken);
  }

  async get(serverUrl: string, email: string): Promise<string | undefined> {
    if (this.envToken) return this.envToken;
    const backend = await this.backend();
    return (
      (await backend.getPassword(KEYCHAIN_SERVICE, keychainAccount(serverUrl, email))) ?? undefined
    );
  }

  async set(serverUrl: string, email: string, token: string): Promise<void> {
    const backend = await this.backend();
    await backend.setPassword(KEYCHAIN_SERVICE, keychainAccount(serverUrl, email), token);
  }

  /** The refresh token of that sign-in; none with IMAGE_DESK_TOKEN (it cannot be renewed). */
  async getRefresh(serverUrl: string, email: string): Promise<string | undefined> {
    if (this.envToken) return undefined;
    const backend = await this.backend();
    return (
      (await backend.getPassword(KEYCHAIN_SERVICE, refreshAccount(serverUrl, email))) ?? undefined
    );
  }

  async setRefresh(serverUrl: string, email: string, refreshToken: string): Promise<void> {
    const backend = await this.backend();
    await backend.setPassword(KEYCHAIN_SERVICE, refreshAccount(serverUrl, email), refreshToken);
  }

  /** Forgets both tokens of the sign-in. */
  async delete(serverUrl: string, email: string): Promise<void> {
    const backend = await this.backend();
    await backend.deletePassword(KEYCHAIN_SERVICE, keychainAccount(serverUrl, email));
    await backend.deletePassword(KEYCHAIN_SERVICE, refreshAccount(serverUrl, email));
  }
}
