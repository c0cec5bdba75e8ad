// Creates the one main window, hardened, loading the renderer from the app:// origin.
import { BrowserWindow, shell } from 'electron';
import { mainWindowOptions } from './window-options';
import { hardenWindow } from './security';
import { APP_ORIGIN } from './ipc/sender-check';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  hardenWindow(window, shell, APP_ORIGIN);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
