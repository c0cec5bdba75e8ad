// All IPC handlers of the desktop app, built over one context.
import type { DesktopContext } from './context';
import { galleryHandlers } from './gallery.ipc';
import { peopleHandlers } from './people.ipc';
import { queueHandlers } from './queue.ipc';
import type { IpcHandlers } from './router';
import { sessionHandlers } from './session.ipc';
import { settingsHandlers } from './settings.ipc';
import { updateHandlers } from './updates.ipc';

export function createIpcHandlers(ctx: DesktopContext): IpcHandlers {
  return {
    ...sessionHandlers(ctx),
    ...settingsHandlers(ctx),
    ...queueHandlers(ctx),
    ...galleryHandlers(ctx),
    ...updateHandlers(ctx),
    ...peopleHandlers(ctx),
  };
}
