// Where this copy of the app looks for updates, and whether it looks at all: only an installed
// build, only with a feed, only over https. IMAGE_DESK_UPDATE_URL at run time wins over the feed
// electron-builder baked into the packaged package.json (imageDesk.updateFeedUrl).
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../logging/logger';

export type UpdateFeed = { enabled: true; url: string } | { enabled: false; reason: string };

export const UPDATES_OFF = {
  development: 'Updates are off in development runs.',
  noFeed: 'This build has no update feed, so it does not update itself.',
  notHttps: 'The update feed is not an https:// URL, so updates are off.',
  webPreview: 'Updates are handled by the desktop app.',
} as const;

export interface UpdateFeedInput {
  /** app.isPackaged */
  isPackaged: boolean;
  /** IMAGE_DESK_UPDATE_URL */
  envUrl: string | undefined;
  /** imageDesk.updateFeedUrl of the packaged package.json */
  packagedUrl: string | null;
}

export function resolveUpdateFeed(input: UpdateFeedInput): UpdateFeed {
  if (!input.isPackaged) return { enabled: false, reason: UPDATES_OFF.development };
  const url = input.envUrl?.trim() || input.packagedUrl;
  if (!url) return { enabled: false, reason: UPDATES_OFF.noFeed };
  // Updates are code the app will run: never fetched in clear, never from a malformed address.
  if (!URL.canParse(url) || new URL(url).protocol !== 'https:') {
    return { enabled: false, reason: UPDATES_OFF.notHttps };
  }
  return { enabled: true, url };
}

const packageJsonSchema = z.object({
  imageDesk: z.object({ updateFeedUrl: z.string().nullable().optional() }).optional(),
});

/**
 * The feed baked in at packaging time, read from the app's package.json at run time (the
 * bundler must not inline it: the source tree's copy has none). null when there is none.
 */
export async function readPackagedFeedUrl(appPath: string, log: Logger): Promise<string | null> {
  const file = path.join(appPath, 'package.json');
  try {
    const parsed = packageJsonSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    if (!parsed.success) {
      log.warn(`${file} has an unexpected imageDesk section; no update feed.`);
      return null;
    }
    return parsed.data.imageDesk?.updateFeedUrl ?? null;
  } catch (error) {
    log.warn(`Could not read the update feed from ${file}; no update feed:`, error);
    return null;
  }
}
