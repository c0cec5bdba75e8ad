// Update channels: the renderer reads the updater's state and may ask to restart into a
// downloaded version; the state itself arrives as update:state events.
import type { IpcHandlers } from './router';
import type { DesktopContext } from './context';

export function updateHandlers(
  ctx: DesktopContext,
): Pick<IpcHandlers, 'update:get-state' | 'update:restart'> {
  return {
    'update:get-state': async () => ctx.updates.state(),
    'update:restart': async () => (await ctx.updates.restart(), { ok: true as const }),
  };
}
