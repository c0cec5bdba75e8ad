// The application menu as data: standard roles where Electron has them, the app's own commands
// as callbacks. Platform and build flags in, template out; app-menu.ts hands it to Electron.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuFlags {
  platform: NodeJS.Platform;
  /** An installed build has no DevTools, so no menu item for them. */
  isPackaged: boolean;
  appName: string;
}

export interface MenuActions {
  chooseImages(): void;
  openLogsFolder(): void;
  showAbout(): void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(
  flags: MenuFlags,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const mac = flags.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions = {
    label: flags.appName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Choose Images…', accelerator: 'CmdOrCtrl+O', click: () => actions.chooseImages() },
      separator,
      // On macOS Quit lives in the app menu and File closes the window (the app keeps running).
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      ...(flags.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };
  const help: MenuItemConstructorOptions = {
    label: 'Help',
    // macOS adds its menu search to the menu with this role.
    role: 'help',
    submenu: [
      { label: 'Open Logs Folder', click: () => actions.openLogsFolder() },
      // macOS has About in the app menu.
      ...(mac
        ? []
        : [separator, { label: `About ${flags.appName}`, click: () => actions.showAbout() }]),
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, window, help];
}
