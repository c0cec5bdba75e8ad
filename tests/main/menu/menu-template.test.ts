// The application menu per platform and build: the standard menus with their roles, the app's
// own commands wired to their actions, and DevTools offered only in development runs.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuFlags } from '../../../src/main/menu/menu-template';

function menu(flags: Partial<MenuFlags> = {}) {
  const called: string[] = [];
  const template = buildMenuTemplate(
    { platform: 'linux', isPackaged: true, appName: 'Image Desk', ...flags },
    {
      chooseImages: () => called.push('chooseImages'),
      openLogsFolder: () => called.push('openLogsFolder'),
      showAbout: () => called.push('showAbout'),
    },
  );
  const top = (label: string) => {
    const found = template.find((item) => item.label === label);
    if (!found) throw new Error(`no ${label} menu`);
    return found.submenu as MenuItemConstructorOptions[];
  };
  /** Roles, labels for the items without one, '-' for separators. */
  const entries = (label: string) =>
    top(label).map((item) => (item.type === 'separator' ? '-' : (item.role ?? item.label)));
  const click = (menuLabel: string, itemLabel: string) => {
    const item = top(menuLabel).find((entry) => entry.label === itemLabel);
    if (!item?.click) throw new Error(`no ${itemLabel} in ${menuLabel}`);
    (item.click as () => void)();
  };
  return { template, labels: template.map((item) => item.label), entries, click, called };
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const m = menu({ platform });
      expect(m.labels).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
      expect(m.entries('File')).toEqual(['Choose Images…', '-', 'quit']);
      expect(m.entries('Window')).toEqual(['minimize', 'close']);
      expect(m.entries('Help')).toEqual(['Open Logs Folder', '-', 'About Image Desk']);
    }
  });

  it('adds the app menu on macOS, where Quit and About live, and File closes the window', () => {
    const m = menu({ platform: 'darwin' });
    expect(m.labels).toEqual(['Image Desk', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(m.entries('Image Desk')).toEqual([
      'about',
      '-',
      'services',
      '-',
      'hide',
      'hideOthers',
      'unhide',
      '-',
      'quit',
    ]);
    expect(m.entries('File')).toEqual(['Choose Images…', '-', 'close']);
    expect(m.entries('Window')).toEqual(['minimize', 'zoom', '-', 'front']);
    expect(m.entries('Help')).toEqual(['Open Logs Folder']);
    expect(m.template.find((item) => item.label === 'Help')?.role).toBe('help');
  });

  it('has the standard editing commands', () => {
    expect(menu().entries('Edit')).toEqual([
      'undo',
      'redo',
      '-',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });

  it('offers DevTools only in development runs', () => {
    const installed = menu({ isPackaged: true }).entries('View');
    expect(installed).toEqual([
      'reload',
      '-',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      '-',
      'togglefullscreen',
    ]);
    expect(menu({ isPackaged: false }).entries('View')).toEqual([
      'reload',
      'toggleDevTools',
      ...installed.slice(1),
    ]);
  });

  it('runs the app’s own commands', () => {
    const m = menu();
    m.click('File', 'Choose Images…');
    m.click('Help', 'Open Logs Folder');
    m.click('Help', 'About Image Desk');
    expect(m.called).toEqual(['chooseImages', 'openLogsFolder', 'showAbout']);
    const choose = m.template[0]!.submenu as MenuItemConstructorOptions[];
    expect(choose[0]!.accelerator).toBe('CmdOrCtrl+O');
  });
});
