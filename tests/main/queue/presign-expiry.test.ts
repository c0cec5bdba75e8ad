// A presigned URL that expires before its PUT gets through (the store was unreachable) is
// refused by the store with 403; the queue presigns again and the file arrives once.
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  listRows,
  makeImages,
  newUser,
  openQueue,
  useServer,
  useTempDir,
  userObjects,
  watchRequestsTo,
} from './helpers';

// The shortest lifetime the server allows, so the clock moves only seconds past it: well
// within the five minutes after which the S3 SDK would start correcting its own clock.
const TTL_SECONDS = 10;
const server = useServer({ PRESIGN_TTL_SECONDS: String(TTL_SECONDS) });
const tmp = useTempDir();

afterEach(() => vi.useRealTimers());

describe('an expired presigned URL', () => {
  it('is presigned again with new keys and the file arrives exactly once', async () => {
    const t = server();
    const user = await newUser(t);
    const [file] = await makeImages(tmp(), 1);
    const { queue, events } = await openQueue({
      file: path.join(tmp(), 'queue.json'),
      api: () => user.api,
      // Keeps retrying the PUT while the store is down, even on a loaded machine.
      retry: { retries: 60, minTimeoutMs: 200, maxTimeoutMs: 500 },
    });

    // The API answers (presign works) but the store is down, so the PUT cannot get through.
    const store = t.server.services.storage.embedded!;
    const toStore = watchRequestsTo(new URL(store.endpoint).port);
    try {
      await store.pause();
      const putFailed = toStore.nextFailure();
      await queue.add([file!]);
      queue.start();
      // The queue holds its URL and is trying to PUT with it.
      await putFailed;

      // The URL's lifetime passes before the store is back. The backend, its emulator and the
      // queue all run in this process, so they all see the clock move on (timers are real).
      vi.useFakeTimers({
        toFake: ['Date'],
        now: Date.now() + (TTL_SECONDS + 5) * 1000,
        shouldAdvanceTime: true,
      });
      await store.resume();
      await queue.idle();
    } finally {
      toStore.stop();
    }

    // The store refused the lapsed URL itself...
    expect(toStore.responses).toContainEqual({ method: 'PUT', status: 403 });
    // ...and the queue presigned again, under new keys.
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
