// Installs the application menu built by menu-template.ts, with its commands bound to Electron.
import { app, Menu, shell } from 'electron';
import type { Logger } from '../logging/logger';
import { buildMenuTemplate } from './menu-template';

export interface AppMenuOptions {
  logFolder: () => string;
  /** File ▸ Choose Images… (the window runs it, so the result shows where the person looks). */
  chooseImages: () => void;
  log: Logger;
}

export function setupAppMenu(options: AppMenuOptions): void {
  app.setAboutPanelOptions({
    applicationName: app.name,
    applicationVersion: app.getVersion(),
    copyright: 'Copyright © 2026 Image Desk',
  });
  const template = buildMenuTemplate(
    { platform: process.platform, isPackaged: app.isPackaged, appName: app.name },
    {
      chooseImages: options.chooseImages,
      openLogsFolder: () => {
        const folder = options.logFolder();
        // openPath answers with an error message rather than rejecting.
        void shell.openPath(folder).then((problem) => {
          if (problem) options.log.warn(`could not open the log folder ${folder}: ${problem}`);
        });
      },
      showAbout: () => app.showAboutPanel(),
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
