// Creates the one main window, hardened, loading the renderer from the app:// origin.
import { BrowserWindow, shell } from 'electron';
import { mainWindowOptions, type MainWindowFlags } from './window-options';
import { hardenWindow } from './security';
import { APP_ORIGIN } from './ipc/sender-check';

export function createMainWindow(preloadPath: string, flags: MainWindowFlags): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, flags));
  hardenWindow(window, shell, APP_ORIGIN);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
