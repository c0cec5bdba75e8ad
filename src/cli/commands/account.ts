// login, signup, logout, whoami: the session commands, sharing the desktop app's keychain entry.
import type { CliContext } from '../cli-context';
import { normalizeServerUrl, requireSignedIn } from '../cli-context';
import { promptPassword, readPasswordFromStdin } from '../password-input';
import { UsageError } from '../cli-error';

type Ctx = CliContext & { server: string | undefined };

async function password(options: { passwordStdin?: boolean }): Promise<string> {
  return options.passwordStdin ? readPasswordFromStdin() : promptPassword();
}

function serverFor(ctx: Ctx): string {
  return ctx.server ?? normalizeServerUrl(ctx.settings.serverUrl);
}

export async function loginCommand(
  ctx: Ctx,
  options: { email?: string; passwordStdin?: boolean },
): Promise<number> {
  if (!options.email) throw new UsageError('login needs --email.');
  const state = await ctx.session.login({
    serverUrl: serverFor(ctx),
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
  options: { email?: string; username?: string; avatar?: string; passwordStdin?: boolean },
): Promise<number> {
  if (!options.email || !options.username)
    throw new UsageError('signup needs --email and --username.');
  const state = await ctx.session.signup({
    serverUrl: serverFor(ctx),
    email: options.email,
    username: options.username,
    password: await password(options),
    avatarPath: options.avatar,
  });
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
