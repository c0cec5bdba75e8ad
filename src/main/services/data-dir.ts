// Where the desktop app and the CLI keep settings, the session pointer and the upload queue.
// Both use the same folder (the one Electron calls userData) so they share one configuration.
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Image Desk';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.IMAGE_DESK_DATA_DIR) return path.resolve(env.IMAGE_DESK_DATA_DIR);
  const home = os.homedir();
  switch (process.platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_NAME);
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
  }
}
