// The main window's options: every security switch explicit, so a test can assert each one.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowFlags {
  /** app.isPackaged: an installed build has no DevTools (nothing to inspect the session with). */
  isPackaged: boolean;
}

export function mainWindowOptions(
  preloadPath: string,
  flags: MainWindowFlags,
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 840,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Image Desk',
    backgroundColor: '#1b1d21',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !flags.isPackaged,
      safeDialogs: true,
    },
  };
}
