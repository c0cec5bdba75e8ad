// Settings channels: read and change the persisted desktop settings (validated on write).
import type { IpcHandlers } from './router';
import type { DesktopContext } from './context';

export function settingsHandlers(
  ctx: DesktopContext,
): Pick<IpcHandlers, 'settings:get' | 'settings:update'> {
  return {
    'settings:get': async () => ctx.settings.get(),
    'settings:update': (patch) => ctx.settings.update(patch),
  };
}
