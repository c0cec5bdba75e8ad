// login, signup, logout, whoami, password: the session commands, sharing the desktop app's
// keychain entry.
import path from 'node:path';
import type { CliContext } from '../cli-context';
import { normalizeServerUrl, requireSignedIn } from '../cli-context';
import { promptPassword, readPasswordFromStdin } from '../password-input';
import { UsageError } from '../cli-error';
import type { AuthResponse } from '../../shared/api';
import { CodedError } from '../../shared/errors';

type Ctx = CliContext & { server: string | undefined };

async function password(options: { passwordStdin?: boolean }): Promise<string> {
  return options.passwordStdin ? readPasswordFromStdin() : promptPassword();
}

function serverFor(ctx: Ctx): string {
  return ctx.server ?? normalizeServerUrl(ctx.settings.serverUrl);
}

/**
 * Where no keychain answers, stop before anything is sent (a sign-up would otherwise create the
 * account and then fail to keep its token) and say how to go on without one.
 */
async function requireKeychain(ctx: Ctx, command: string): Promise<void> {
  if (ctx.tokens.hasEnvOverride) return;
  try {
    await ctx.tokens.check();
  } catch (error) {
    if (!(error instanceof CodedError) || error.code !== 'KEYCHAIN_UNAVAILABLE') throw error;
    throw new CodedError(
      'KEYCHAIN_UNAVAILABLE',
      `${error.message} Nothing was sent to the server. To go on without a keychain, run \`${command} --print-token\` and set IMAGE_DESK_TOKEN to the token it prints.`,
      { cause: error },
    );
  }
}

/** --print-token: the token alone on stdout (for `export IMAGE_DESK_TOKEN=$(…)`), the rest on stderr. */
function printToken(result: AuthResponse, serverUrl: string, what: string): number {
  process.stderr.write(
    `${what} ${result.user.email} (${result.user.role}) on ${serverUrl}. Nothing was stored: set IMAGE_DESK_TOKEN (and IMAGE_DESK_SERVER) to use it; it lasts two hours.\n`,
  );
  process.stdout.write(`${result.token}\n`);
  return 0;
}

export async function loginCommand(
  ctx: Ctx,
  options: { email?: string; passwordStdin?: boolean; printToken?: boolean },
): Promise<number> {
  if (!options.email) throw new UsageError('login needs --email.');
  const serverUrl = serverFor(ctx);
  if (options.printToken) {
    const input = { serverUrl, email: options.email, password: await password(options) };
    return printToken(await ctx.session.authenticate(input), serverUrl, 'Signed in as');
  }
  await requireKeychain(ctx, 'login');
  const state = await ctx.session.login({
    serverUrl,
    email: options.email,
    password: await password(options),
  });
  process.stdout.write(
    `Signed in to ${state.serverUrl} as ${state.user?.email} (${state.user?.role}).\n`,
  );
  return 0;
}

export async function signupCommand(
  ctx: Ctx,
  options: {
    email?: string;
    username?: string;
    avatar?: string;
    invite?: string;
    passwordStdin?: boolean;
    printToken?: boolean;
  },
): Promise<number> {
  if (!options.email || !options.username)
    throw new UsageError('signup needs --email and --username.');
  const serverUrl = serverFor(ctx);
  if (!options.printToken) await requireKeychain(ctx, 'signup');
  const input = {
    serverUrl,
    email: options.email,
    username: options.username,
    password: await password(options),
    avatarPath: options.avatar,
    inviteToken: options.invite,
  };
  if (options.printToken) {
    return printToken(await ctx.session.createAccount(input), serverUrl, 'Created');
  }
  const state = await ctx.session.signup(input);
  process.stdout.write(
    `Created ${state.user?.email} (${state.user?.role}) on ${state.serverUrl}; signed in.\n`,
  );
  return 0;
}

export async function logoutCommand(ctx: Ctx): Promise<number> {
  const state = await ctx.session.restore(ctx.server);
  if (!state.signedIn) {
    process.stdout.write('Not signed in.\n');
    return 0;
  }
  await ctx.session.logout();
  process.stdout.write(
    `Signed out of ${state.serverUrl}; the token was removed from the keychain.\n`,
  );
  return 0;
}

export async function whoamiCommand(ctx: Ctx, options: { json?: boolean }): Promise<number> {
  await requireSignedIn(ctx);
  const state = ctx.session.state();
  if (options.json) process.stdout.write(`${JSON.stringify(state)}\n`);
  else process.stdout.write(`${state.user?.email} (${state.user?.role}) on ${state.serverUrl}\n`);
  return 0;
}

/**
 * `password`: change your own (current and new from the prompt, or two lines on stdin with
 * --password-stdin), or with --reset-code set a new one with an administrator's code and sign in.
 */
export async function passwordCommand(
  ctx: Ctx,
  options: { passwordStdin?: boolean; resetCode?: string },
): Promise<number> {
  if (options.resetCode) {
    const state = await ctx.session.redeemReset({
      serverUrl: serverFor(ctx),
      token: options.resetCode,
      password: options.passwordStdin
        ? await readPasswordFromStdin()
        : await promptPassword('New password: '),
    });
    process.stdout.write(
      `New password set for ${state.user?.email} on ${state.serverUrl}; signed in.\n`,
    );
    return 0;
  }
  await requireSignedIn(ctx);
  const [currentPassword, newPassword] = options.passwordStdin
    ? await readTwoLines()
    : [await promptPassword('Current password: '), await promptPassword('New password: ')];
  await ctx.session.changePassword({ currentPassword, newPassword });
  process.stdout.write('Password changed; your other sessions were signed out.\n');
  return 0;
}

async function readTwoLines(): Promise<[string, string]> {
  const lines = (await readPasswordFromStdin()).split(/\r?\n/);
  if (lines.length !== 2 || !lines[0] || !lines[1]) {
    throw new UsageError(
      'password --password-stdin reads two lines: the current password, then the new one.',
    );
  }
  return [lines[0], lines[1]];
}

/** `avatar <file>` replaces your profile image (resized to 512 px WebP); `avatar --remove`. */
export async function avatarCommand(
  ctx: Ctx,
  file: string | undefined,
  options: { remove?: boolean },
): Promise<number> {
  if (Boolean(file) === Boolean(options.remove)) {
    throw new UsageError('avatar needs either an image file or --remove.');
  }
  await requireSignedIn(ctx);
  const state = await ctx.session.setAvatar(file ? path.resolve(file) : null);
  process.stdout.write(
    state.user?.avatarKey ? 'Profile image changed.\n' : 'Profile image removed.\n',
  );
  return 0;
}
