// Session channels: the renderer signs in and out and changes its password, but only ever sees
// {signedIn, user, serverUrl}: tokens stay in the main process.
import type { IpcHandlers } from './router';
import type { DesktopContext } from './context';
import { withSession } from './session-call';

type SessionChannels =
  | 'session:get'
  | 'session:login'
  | 'session:signup'
  | 'session:logout'
  | 'session:avatar-url'
  | 'session:change-password'
  | 'session:redeem-reset'
  | 'session:set-avatar';

export function sessionHandlers(ctx: DesktopContext): Pick<IpcHandlers, SessionChannels> {
  const call = withSession(ctx);
  return {
    'session:get': async () => ctx.session.state(),
    'session:login': async (args) => {
      const state = await ctx.session.login(args);
      await ctx.settings.update({ serverUrl: state.serverUrl });
      ctx.queue.releaseAfterSignIn();
      return state;
    },
    'session:signup': async (args) => {
      if (args.avatarPath) await ctx.checkPath(args.avatarPath);
      const state = await ctx.session.signup(args);
      await ctx.settings.update({ serverUrl: state.serverUrl });
      ctx.queue.releaseAfterSignIn();
      return state;
    },
    'session:redeem-reset': async (args) => {
      const state = await ctx.session.redeemReset(args);
      await ctx.settings.update({ serverUrl: state.serverUrl });
      ctx.queue.releaseAfterSignIn();
      return state;
    },
    'session:set-avatar': async ({ avatarPath }) => {
      if (avatarPath) await ctx.checkPath(avatarPath);
      return call(() => ctx.session.setAvatar(avatarPath));
    },
    'session:change-password': (args) =>
      call(async () => (await ctx.session.changePassword(args), { ok: true as const })),
    'session:avatar-url': async () => {
      const { signedIn, user } = ctx.session.state();
      if (!signedIn || !user?.avatarKey) return { url: null, expiresAt: null };
      return ctx.session.api().avatarUrl();
    },
    'session:logout': async () => {
      ctx.queue.holdForSignIn();
      return ctx.session.logout();
    },
  };
}
