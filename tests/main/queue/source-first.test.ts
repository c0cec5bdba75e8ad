// Source hash first: a file whose bytes are already in the gallery is reported as a duplicate of
// that image before any image work, whatever the max edge or quality are now; the queue asks
// the server about a whole folder in one batched lookup.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import {
  listRows,
  makeImages,
  newUser,
  openQueue,
  useServer,
  useTempDir,
  userObjects,
} from './helpers';

const server = useServer();
const tmp = useTempDir();

describe('source hash first', () => {
  it('re-adding a folder with another max edge uploads nothing and processes nothing', async () => {
    const t = server();
    const user = await newUser(t);
    const photos = await makeImages(path.join(tmp(), 'folder'), 6, { width: 300, height: 200 });
    const settings: Settings = { ...DEFAULT_SETTINGS, maxEdge: 2048 };
    const first = await openQueue({
      file: path.join(tmp(), 'first.json'),
      api: () => user.api,
      settings: () => settings,
    });
    first.queue.start();
    await first.queue.add([path.join(tmp(), 'folder')]);
    await first.queue.idle();
    await first.queue.close();
    const rows = await listRows(t, user.token);
    expect(rows).toHaveLength(photos.length);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.sourceSha256))).toBe(true);

    // Another max edge and quality: processed output would differ, the source does not.
    settings.maxEdge = 128;
    settings.quality = 50;
    const again = await openQueue({
      file: path.join(tmp(), 'again.json'),
      api: () => user.api,
      settings: () => settings,
    });
    again.queue.start();
    await again.queue.add([path.join(tmp(), 'folder')]);
    await again.queue.idle();

    const items = again.queue.snapshot().items;
    const imageOf = new Map(rows.map((r) => [r.filename.replace(/\.\w+$/, ''), r.id]));
    for (const item of items) {
      expect(item.state, JSON.stringify(item.error)).toBe('duplicate');
      expect(item.duplicateOf).toBe(imageOf.get(path.parse(item.path).name));
    }
    // No file ever reached the image pipeline ("processing"), and one lookup asked for all.
    const states = again.events.flatMap((e) => (e.type === 'item' ? [e.item.state] : []));
    expect(states).not.toContain('processing');
    expect(states).not.toContain('uploading');
    expect(await listRows(t, user.token)).toHaveLength(photos.length);
    expect(await userObjects(t, user.id)).toHaveLength(2 * photos.length);
    await again.queue.close();
  });
});
