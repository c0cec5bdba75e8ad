// Creates the one main window, hardened, loading the renderer from the app:// origin, where it
// was last time (maximized again if it was).
import { BrowserWindow, screen, shell } from 'electron';
import { mainWindowOptions, type MainWindowFlags } from './window-options';
import { hardenWindow } from './security';
import { APP_ORIGIN } from './ipc/sender-check';
import type { Rect } from './window-state/window-placement';

export function createMainWindow(preloadPath: string, flags: MainWindowFlags): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, flags));
  hardenWindow(window, shell, APP_ORIGIN);
  window.once('ready-to-show', () => {
    if (flags.placement?.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/** Every display's work area, the primary display's first. */
export function displayWorkAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map(
    (display) => display.workArea,
  );
}
