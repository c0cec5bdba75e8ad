// Electron's process-gone events, handled as process-gone.ts decides: child processes are
// logged; the window's renderer is logged and reloaded, and a renderer that keeps failing is
// put to the person (try again or quit) instead of reloaded in a loop.
import { app, dialog, type BrowserWindow } from 'electron';
import type { Logger } from '../logging/logger';
import { createRendererRecovery, describeChildGone, describeRendererGone } from './process-gone';

export function watchChildProcesses(log: Logger): void {
  app.on('child-process-gone', (_event, details) => {
    const { level, message } = describeChildGone(details);
    log[level](message);
  });
}

export function watchRenderer(window: BrowserWindow, log: Logger): void {
  const recovery = createRendererRecovery();
  const reload = () => {
    if (!window.isDestroyed()) window.webContents.reload();
  };
  window.webContents.on('render-process-gone', (_event, details) => {
    if (window.isDestroyed()) return;
    const action = recovery.onGone(details);
    if (action === 'reload') {
      log.warn(describeRendererGone(details, action));
      return reload();
    }
    log.error(describeRendererGone(details, action));
    dialog
      .showMessageBox(window, {
        type: 'error',
        message: 'The Image Desk window keeps failing.',
        detail:
          'Uploads carry on in the background. Try again, or quit and open Image Desk again. If it keeps happening, the log (Help ▸ Open Logs Folder) says more.',
        buttons: ['Try Again', 'Quit'],
        defaultId: 0,
        cancelId: 0,
      })
      .then(({ response }) => {
        if (response === 1) return app.quit();
        recovery.reset();
        reload();
      })
      .catch((error: unknown) => log.error('could not ask about the failing window:', error));
  });
}
