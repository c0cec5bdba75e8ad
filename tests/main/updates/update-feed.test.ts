// Whether this copy updates itself, and from where: only installed builds with an https feed;
// the run-time IMAGE_DESK_UPDATE_URL wins over the feed baked in at packaging.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  readPackagedFeedUrl,
  resolveUpdateFeed,
  UPDATES_OFF,
} from '../../../src/main/updates/update-feed';
import { tempDirs } from '../services/helpers';
import { recordingLog } from '../support/recording-log';

const FEED = 'https://updates.example.com/image-desk';

describe('resolveUpdateFeed', () => {
  it('is off in development, whatever is configured', () => {
    expect(resolveUpdateFeed({ isPackaged: false, envUrl: FEED, packagedUrl: FEED })).toEqual({
      enabled: false,
      reason: UPDATES_OFF.development,
    });
  });

  it('is off in an installed build without a feed', () => {
    for (const envUrl of [undefined, '', '  ']) {
      expect(resolveUpdateFeed({ isPackaged: true, envUrl, packagedUrl: null })).toEqual({
        enabled: false,
        reason: UPDATES_OFF.noFeed,
      });
    }
  });

  it('uses the packaged feed, and the run-time variable over it', () => {
    expect(resolveUpdateFeed({ isPackaged: true, envUrl: undefined, packagedUrl: FEED })).toEqual({
      enabled: true,
      url: FEED,
    });
    expect(
      resolveUpdateFeed({
        isPackaged: true,
        envUrl: 'https://staging.example.com/feed',
        packagedUrl: FEED,
      }),
    ).toEqual({ enabled: true, url: 'https://staging.example.com/feed' });
  });

  it.each(['http://updates.example.com/image-desk', 'file:///tmp/feed', 'updates.example.com'])(
    'is off for a feed that is not https: %s',
    (url) => {
      expect(resolveUpdateFeed({ isPackaged: true, envUrl: url, packagedUrl: FEED })).toEqual({
        enabled: false,
        reason: UPDATES_OFF.notHttps,
      });
    },
  );
});

describe('readPackagedFeedUrl', () => {
  const newDir = tempDirs('image-desk-feed-');
  const appWith = async (manifest: string) => {
    const dir = await newDir();
    await fs.writeFile(path.join(dir, 'package.json'), manifest);
    return dir;
  };

  it('reads imageDesk.updateFeedUrl as electron-builder writes it', async () => {
    const log = recordingLog();
    const dir = await appWith(JSON.stringify({ name: 'x', imageDesk: { updateFeedUrl: FEED } }));
    expect(await readPackagedFeedUrl(dir, log)).toBe(FEED);
    const none = await appWith(JSON.stringify({ name: 'x', imageDesk: { updateFeedUrl: null } }));
    expect(await readPackagedFeedUrl(none, log)).toBeNull();
    expect(log.lines).toEqual([]);
  });

  it('has no feed, and says why in the log, when the manifest is missing or odd', async () => {
    const log = recordingLog();
    expect(await readPackagedFeedUrl(await newDir(), log)).toBeNull();
    expect(await readPackagedFeedUrl(await appWith('{not json'), log)).toBeNull();
    expect(
      await readPackagedFeedUrl(
        await appWith(JSON.stringify({ imageDesk: { updateFeedUrl: 7 } })),
        log,
      ),
    ).toBeNull();
    expect(log.lines.map(([level]) => level)).toEqual(['warn', 'warn', 'warn']);
  });
});
