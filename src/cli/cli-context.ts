// What every CLI command starts from: the shared data dir, settings, the keychain session, and
// the server chosen by --server, IMAGE_DESK_SERVER or the last login.
import { defaultDataDir } from '../main/services/data-dir';
import { Session } from '../main/services/session';
import { SettingsStore } from '../main/services/settings-store';
import { TokenStore } from '../main/services/token-store';
import { CodedError } from '../shared/errors';
import { UsageError } from './cli-error';
import { serverUrlProblem } from '../shared/server-url';
import type { Settings } from '../shared/settings';

export interface CliContext {
  dataDir: string;
  settings: Settings;
  session: Session;
  tokens: TokenStore;
  /** Prints a warning to stderr (never to stdout, which --json keeps machine-readable). */
  warn(message: string): void;
}

export function normalizeServerUrl(raw: string): string {
  const problem = serverUrlProblem(raw);
  // A URL given on the command line is a usage error (exit 2), like a bad option.
  if (problem) throw new UsageError(problem);
  return new URL(raw).toString().replace(/\/+$/, '');
}

export async function openCliContext(options: {
  server?: string | undefined;
}): Promise<CliContext & { server: string | undefined }> {
  const dataDir = defaultDataDir();
  const warn = (message: string) => process.stderr.write(`warning: ${message}\n`);
  const store = new SettingsStore(dataDir);
  const loaded = await store.load();
  if (loaded.warning) warn(loaded.warning);
  const raw = options.server ?? process.env.IMAGE_DESK_SERVER;
  const server = raw ? normalizeServerUrl(raw) : undefined;
  const tokens = TokenStore.keytar();
  const session = new Session({
    dataDir,
    tokens,
    defaultServerUrl: () => server ?? loaded.settings.serverUrl,
    onLogoutUnconfirmed: (error) =>
      warn(
        `Signed out on this computer, but the server could not be told (${error instanceof Error ? error.message : String(error)}); that sign-in ends when its refresh token expires.`,
      ),
  });
  return { dataDir, settings: loaded.settings, session, tokens, warn, server };
}

/** Restores the saved session or explains how to sign in. */
export async function requireSignedIn(
  ctx: CliContext & { server: string | undefined },
): Promise<void> {
  const state = await ctx.session.restore(ctx.server);
  if (!state.signedIn && ctx.tokens.hasEnvOverride) {
    // The server refused the token it was given: saying "not signed in" would send a person
    // looking for a keychain entry that is not involved.
    throw new CodedError(
      'AUTH_EXPIRED',
      `IMAGE_DESK_TOKEN is invalid for ${state.serverUrl}: it has expired, was signed out, or is from another server. Get a new one with: npm run cli -- login --server ${state.serverUrl} --email you@example.com --print-token`,
    );
  }
  if (!state.signedIn) {
    throw new CodedError(
      'AUTH_REQUIRED',
      `Not signed in to ${state.serverUrl}. Run: npm run cli -- login --server ${state.serverUrl} --email you@example.com`,
    );
  }
}
