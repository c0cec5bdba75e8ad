// Electron entry point: the thin glue. Single instance, the app:// protocol, logging, menu,
// updater, window (hardened, placed where it was), keep-awake, process watch, quit guard, IPC
// transport; everything else is the plain-Node desktop core and the modules it composes.
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, ipcMain, powerSaveBlocker, protocol, session as electronSession } from 'electron';
import { createAppProtocolHandler } from './app-protocol';
import { chooseImagesDialog } from './choose-images-dialog';
import { saveFileDialog } from './save-file-dialog';
import { contentSecurityPolicy } from './content-security-policy';
import { startDesktopCore, type DesktopCore } from './desktop-core';
import { createEventSender, registerIpc } from './ipc/electron-transport';
import { APP_ORIGIN } from './ipc/sender-check';
import { createQuitGuard } from './lifecycle/quit-guard';
import { watchChildProcesses, watchRenderer } from './lifecycle/watch-processes';
import { setupMainLog } from './logging/main-log';
import { setupAppMenu } from './menu/app-menu';
import { createKeepAwake } from './power/keep-awake';
import { hardenSession } from './security';
import { defaultDataDir } from './services/data-dir';
import { createPreviewer } from './services/previews';
import { setupUpdates } from './updates/setup-updates';
import { createMainWindow, displayWorkAreas } from './window';
import { MAIN_WINDOW_SIZE } from './window-options';
import { trackWindowState } from './window-state/track-window-state';
import { placeWindow } from './window-state/window-placement';
import { WindowStateStore } from './window-state/window-state-store';

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (process.env.IMAGE_DESK_DATA_DIR)
  app.setPath('userData', path.resolve(process.env.IMAGE_DESK_DATA_DIR));
// The same folder as userData: settings, session pointer, queue, window state.
const dataDir = defaultDataDir();

// After userData is settled: the log folder derives from it on Windows and Linux.
const mainLog = setupMainLog();
const log = mainLog.scope('main');

let mainWindow: BrowserWindow | undefined;
let core: DesktopCore | undefined;
const emit = createEventSender(() => mainWindow?.webContents);
const windowState = new WindowStateStore({ dataDir, log: mainLog.scope('window') });
const keepAwake = createKeepAwake(powerSaveBlocker, mainLog.scope('power'));
const quitGuard = createQuitGuard({
  close: async () => {
    await Promise.all([core?.close(), windowState.flush()]);
    keepAwake.release();
  },
  quit: () => app.quit(),
  log: mainLog.scope('quit'),
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    } else if (core) {
      openMainWindow();
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  void app.whenReady().then(start);
  // macOS apps keep running in the Dock with no window (uploads carry on); elsewhere closing
  // the window quits, after the quit guard has let the queue save.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && !mainWindow) openMainWindow();
  });
  app.on('before-quit', quitGuard.onBeforeQuit);
  watchChildProcesses(mainLog.scope('process'));
}

async function start(): Promise<void> {
  hardenSession(electronSession.defaultSession);
  const updates = await setupUpdates({
    onState: (state) => emit('update:state', state),
    log: mainLog.scope('updates'),
    beforeInstall: quitGuard.closeOnce,
  });
  await windowState.load();
  core = await startDesktopCore({
    dataDir,
    emit,
    serverOverride: process.env.IMAGE_DESK_SERVER,
    chooseImages: () => chooseImagesDialog(mainWindow),
    chooseSavePath: (name) => saveFileDialog(mainWindow, name),
    onUnexpectedError: (where, error) => log.error(`${where} failed:`, error),
    // The page's CSP names the store origin it was loaded with: a new one needs a new page.
    onStoreOriginChange: () => mainWindow?.webContents.reload(),
    updates,
    onQueueTotals: (totals) => keepAwake.update(totals),
  });
  // A batch resumed from the last run may already be uploading.
  keepAwake.update(core.queue.totals());
  const previews = createPreviewer((id) => core?.queue.pathOf(id));
  protocol.handle(
    'app',
    createAppProtocolHandler(path.join(__dirname, '..', 'renderer'), previews, () =>
      contentSecurityPolicy(core!.storeOrigin.current()),
    ),
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
  openMainWindow();
  // After the first window: a menu command may open one (macOS), never race the first.
  setupAppMenu({
    logFolder: mainLog.folder,
    chooseImages: () => runInWindow(() => emit('menu:command', { command: 'choose-images' })),
    log: mainLog.scope('menu'),
  });
  updates.start();
}

function openMainWindow(): BrowserWindow {
  const window = createMainWindow(path.join(__dirname, '..', 'preload', 'index.cjs'), {
    isPackaged: app.isPackaged,
    placement: placeWindow(windowState.latest(), displayWorkAreas(), MAIN_WINDOW_SIZE),
  });
  mainWindow = window;
  trackWindowState(window, windowState);
  watchRenderer(window, mainLog.scope('window'));
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  return window;
}

/** Runs a window command now, or once a new window has loaded (macOS: the app has none open). */
function runInWindow(command: () => void): void {
  if (mainWindow) return command();
  openMainWindow().webContents.once('did-finish-load', command);
}
