// The real UpdaterDriver: electron-updater's autoUpdater on a generic HTTPS feed. The one module
// that loads electron-updater; it holds no logic beyond the calls.
import { autoUpdater, type ProgressInfo } from 'electron-updater';
import type { Logger } from '../logging/logger';
import type { UpdaterDriver } from './updater-driver';

export function createElectronUpdaterDriver(feedUrl: string, log: Logger): UpdaterDriver {
  autoUpdater.logger = log;
  // The controller decides when to download and tells the person; a downloaded update that was
  // not installed by "Restart to update" is installed when the app quits.
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
  return {
    async check() {
      const result = await autoUpdater.checkForUpdates();
      return result?.isUpdateAvailable ? { version: result.updateInfo.version } : null;
    },
    async download() {
      await autoUpdater.downloadUpdate();
    },
    quitAndInstall: () => autoUpdater.quitAndInstall(),
    onProgress(listener) {
      const handler = (progress: ProgressInfo) => listener(progress.percent);
      autoUpdater.on('download-progress', handler);
      return () => void autoUpdater.off('download-progress', handler);
    },
    onError(listener) {
      const handler = (error: Error) => listener(error);
      autoUpdater.on('error', handler);
      return () => void autoUpdater.off('error', handler);
    },
  };
}
