// Queue channels: add paths (re-checked here, never trusted), inspect and steer the queue.
import type { IpcHandlers } from './router';
import type { DesktopContext } from './context';

const OK = { ok: true as const };

export function queueHandlers(
  ctx: DesktopContext,
): Pick<
  IpcHandlers,
  | 'queue:add'
  | 'queue:view'
  | 'queue:pause'
  | 'queue:resume'
  | 'queue:cancel'
  | 'queue:retry'
  | 'queue:clear-finished'
  | 'dialog:choose-images'
> {
  return {
    // The queue itself checks each path (and each file inside a folder) before reading it.
    'queue:add': async ({ paths, albumId }) => ({
      items: await ctx.queue.add(paths, albumId ? { albumId } : {}),
    }),
    'queue:view': async (query) => ctx.queue.view(query),
    'queue:pause': async ({ ids }) => (ctx.queue.pause(ids), OK),
    'queue:resume': async ({ ids }) => (ctx.queue.resume(ids), OK),
    'queue:cancel': async ({ ids }) => (await ctx.queue.cancel(ids), OK),
    'queue:retry': async ({ ids }) => ctx.queue.retry(ids),
    'queue:clear-finished': async () => (await ctx.queue.clearFinished(), OK),
    'dialog:choose-images': async () => ({ paths: await ctx.chooseImages() }),
  };
}
