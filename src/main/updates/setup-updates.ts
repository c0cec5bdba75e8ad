// Composes the updater for the Electron app: reads the feed (run-time env over the packaged
// package.json), then either the real driver under the controller or a disabled updater.
import { app } from 'electron';
import type { UpdateState } from '../../shared/updates';
import type { Logger } from '../logging/logger';
import { createElectronUpdaterDriver } from './electron-updater-driver';
import {
  createUpdateController,
  disabledUpdates,
  type UpdateController,
} from './update-controller';
import { readPackagedFeedUrl, resolveUpdateFeed } from './update-feed';

export interface SetupUpdatesOptions {
  onState: (state: UpdateState) => void;
  log: Logger;
  beforeInstall: () => Promise<void>;
}

export async function setupUpdates(options: SetupUpdatesOptions): Promise<UpdateController> {
  const feed = resolveUpdateFeed({
    isPackaged: app.isPackaged,
    envUrl: process.env.IMAGE_DESK_UPDATE_URL,
    packagedUrl: app.isPackaged ? await readPackagedFeedUrl(app.getAppPath(), options.log) : null,
  });
  if (!feed.enabled) {
    options.log.info(feed.reason);
    return disabledUpdates(feed.reason);
  }
  options.log.info(`update feed: ${feed.url}`);
  return createUpdateController({
    driver: createElectronUpdaterDriver(feed.url, options.log),
    onState: options.onState,
    log: options.log,
    beforeInstall: options.beforeInstall,
  });
}
