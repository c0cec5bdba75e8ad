// Session channels: the renderer signs in and out but only ever sees {signedIn, user, serverUrl}.
import type { IpcHandlers } from './router';
import type { DesktopContext } from './context';

export function sessionHandlers(
  ctx: DesktopContext,
): Pick<
  IpcHandlers,
  'session:get' | 'session:login' | 'session:signup' | 'session:logout' | 'session:avatar-url'
> {
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
