// A presigned URL that expires before its PUT gets through (the store was unreachable) is
// refused by the store with 403; the queue presigns again and the file arrives once.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  listRows,
  makeImages,
  newUser,
  openQueue,
  sleep,
  useServer,
  useTempDir,
  userObjects,
} from './helpers';

// The shortest lifetime the server allows, so the test waits seconds, not minutes.
const server = useServer({ PRESIGN_TTL_SECONDS: '10' });
const tmp = useTempDir();

describe('an expired presigned URL', () => {
  it('is presigned again with new keys and the file arrives exactly once', async () => {
    const t = server();
    const user = await newUser(t);
    const [file] = await makeImages(tmp(), 1);
    const { queue, events } = await openQueue({
      file: path.join(tmp(), 'queue.json'),
      api: () => user.api,
      // Keep retrying the PUT for longer than the URL lives.
      retry: { retries: 60, minTimeoutMs: 200, maxTimeoutMs: 500 },
    });

    // The API answers (presign works) but the store is down, so the PUT cannot get through
    // until its URL has expired.
    const store = t.server.services.storage.embedded!;
    await store.pause();
    await queue.add([file!]);
    queue.start();
    await sleep(11_000);
    await store.resume();
    await queue.idle();

    const [item] = queue.snapshot().items;
    expect(item).toMatchObject({ state: 'done', error: null });
    const keys = new Set(
      events.flatMap((e) => (e.type === 'item' && e.item.key ? [e.item.key] : [])),
    );
    expect(keys.size).toBeGreaterThanOrEqual(2);

    const rows = await listRows(t, user.token);
    expect(rows).toHaveLength(1);
    expect(rows[0].key).toBe(item!.key);
    // The first keys never received a byte; nothing but the registered pair is stored.
    expect((await userObjects(t, user.id)).sort()).toEqual(
      [rows[0].key, rows[0].thumbnailKey].sort(),
    );
    await queue.close();
  });
});
