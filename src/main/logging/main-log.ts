// The main process's logger: electron-log writing to the OS log folder, configured by
// configure-log.ts. The one module that loads electron-log.
import { app, ipcMain } from 'electron';
import log from 'electron-log/main';
import { configureLog } from './configure-log';
import type { Logger } from './logger';

export interface MainLog {
  /** A logger whose lines carry a scope: `[updates]`, `[window]`… */
  scope(name: string): Logger;
  /** The folder main.log is in (app.getPath('logs')). */
  folder(): string;
}

/** Call once, before anything logs: after it, unhandled errors and rejections are logged too. */
export function setupMainLog(): MainLog {
  // electron-log listens for renderer log messages on its own IPC channel when it loads. This
  // app logs from the main process only, and no IPC channel may skip the sender check (ipc/),
  // so that door is closed again. (log.initialize(), which adds a preload for it, is not called.)
  ipcMain.removeAllListeners('__ELECTRON_LOG__');
  ipcMain.removeHandler('__ELECTRON_LOG__');
  configureLog(log, { directory: () => app.getPath('logs') });
  return {
    scope: (name) => log.scope(name),
    folder: () => app.getPath('logs'),
  };
}
