// The main window's options: every security switch explicit, so a test can assert each one.
import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowPlacement, WindowSize } from './window-state/window-placement';

export const MAIN_WINDOW_SIZE: WindowSize = {
  width: 1280,
  height: 840,
  minWidth: 800,
  minHeight: 560,
};

export interface MainWindowFlags {
  /** app.isPackaged: an installed build has no DevTools (nothing to inspect the session with). */
  isPackaged: boolean;
  /** Where it was last time (window-state/); default size, centred, without. */
  placement?: WindowPlacement;
}

export function mainWindowOptions(
  preloadPath: string,
  flags: MainWindowFlags,
): BrowserWindowConstructorOptions {
  const placement = flags.placement;
  return {
    ...MAIN_WINDOW_SIZE,
    ...(placement ? { width: placement.width, height: placement.height } : {}),
    ...(placement?.x !== undefined && placement.y !== undefined
      ? { x: placement.x, y: placement.y }
      : {}),
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
