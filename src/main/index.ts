// Electron entry point: the thin glue. Single instance, the app:// protocol, hardened window,
// IPC transport; everything else is the plain-Node desktop core.
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog, ipcMain, protocol, session as electronSession } from 'electron';
import { createAppProtocolHandler } from './app-protocol';
import { startDesktopCore, type DesktopCore } from './desktop-core';
import { createEventSender, registerIpc } from './ipc/electron-transport';
import { APP_ORIGIN } from './ipc/sender-check';
import { createQuitGuard } from './lifecycle/quit-guard';
import { setupMainLog } from './logging/main-log';
import { hardenSession } from './security';
import { defaultDataDir } from './services/data-dir';
import { createPreviewer } from './services/previews';
import { setupUpdates } from './updates/setup-updates';
import { createMainWindow } from './window';

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (process.env.IMAGE_DESK_DATA_DIR)
  app.setPath('userData', path.resolve(process.env.IMAGE_DESK_DATA_DIR));

// After userData is settled: the log folder derives from it on Windows and Linux.
const mainLog = setupMainLog();
const log = mainLog.scope('main');

let mainWindow: BrowserWindow | undefined;
let core: DesktopCore | undefined;
const quitGuard = createQuitGuard({
  close: async () => core?.close(),
  quit: () => app.quit(),
  log: mainLog.scope('quit'),
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  void app.whenReady().then(start);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', quitGuard.onBeforeQuit);
}

async function start(): Promise<void> {
  hardenSession(electronSession.defaultSession);
  const emit = createEventSender(() => mainWindow?.webContents);
  const updates = await setupUpdates({
    onState: (state) => emit('update:state', state),
    log: mainLog.scope('updates'),
    beforeInstall: quitGuard.closeOnce,
  });
  core = await startDesktopCore({
    dataDir: process.env.IMAGE_DESK_DATA_DIR
      ? path.resolve(process.env.IMAGE_DESK_DATA_DIR)
      : defaultDataDir(),
    emit,
    serverOverride: process.env.IMAGE_DESK_SERVER,
    chooseImages: async () => {
      const result = await dialog.showOpenDialog(mainWindow!, {
        title: 'Choose images',
        properties: ['openFile', 'openDirectory', 'multiSelections'],
        filters: [
          {
            name: 'Images',
            extensions: [
              'jpg',
              'jpeg',
              'png',
              'webp',
              'avif',
              'heic',
              'heif',
              'gif',
              'tif',
              'tiff',
            ],
          },
        ],
      });
      return result.canceled ? [] : result.filePaths;
    },
    onUnexpectedError: (where, error) => log.error(`${where} failed:`, error),
    updates,
  });
  const previews = createPreviewer(
    (id) => core?.queue.snapshot().items.find((item) => item.id === id)?.path,
  );
  protocol.handle(
    'app',
    createAppProtocolHandler(path.join(__dirname, '..', 'renderer'), previews),
  );
  registerIpc(
    ipcMain,
    core.router,
    { windowId: () => mainWindow?.webContents.id, origin: APP_ORIGIN },
    (channel, sender) =>
      log.warn(
        `refused IPC on ${channel} from a foreign sender (${sender.frameUrl ?? 'no frame'})`,
      ),
  );
  mainWindow = createMainWindow(path.join(__dirname, '..', 'preload', 'index.cjs'), {
    isPackaged: app.isPackaged,
  });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  updates.start();
}
