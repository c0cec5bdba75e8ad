// What the renderer is sent of the queue: windows of one filter with every filter's count,
// the folder each file came from, "Retry failed" that leaves what can never succeed, "Clear
// finished" that keeps failed files, and nothing of another account's files but a count.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ItemAccount } from '../../../src/main/queue/durable-item';
import { makeImages, newUser, openQueue, useServer, useTempDir } from './helpers';

const server = useServer();
const tmp = useTempDir();

describe('queue views', () => {
  it('windows each filter, counts them all, and retries and clears only what it should', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'shoot');
    const photos = [
      ...(await makeImages(path.join(dir, 'day 1'), 3, { offset: 300 })),
      ...(await makeImages(path.join(dir, 'day 2'), 2, { offset: 310 })),
    ];
    await fs.writeFile(
      path.join(dir, 'day 2', 'logo.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
    );
    await fs.writeFile(path.join(dir, 'notes.txt'), 'not an image');
    const { queue } = await openQueue({
      file: path.join(tmp(), 'views.sqlite'),
      api: () => user.api,
    });

    await queue.add([dir]);
    queue.start();
    await queue.idle();
    // The same photo from elsewhere: a duplicate of what was just uploaded.
    const copy = path.join(tmp(), 'copy.jpg');
    await fs.copyFile(photos[0]!, copy);
    await queue.add([copy]);
    await queue.idle();

    const all = queue.view({ filter: 'all', offset: 0, limit: 50 });
    expect(all.totals.counts).toEqual({ all: 8, active: 0, failed: 2, duplicates: 1, done: 5 });
    expect(all.total).toBe(8);
    expect(all.rows.map((r) => [r.name, r.folder])).toEqual([
      ['img-300.jpg', 'shoot/day 1'],
      ['img-301.png', 'shoot/day 1'],
      ['img-302.jpg', 'shoot/day 1'],
      ['img-310.jpg', 'shoot/day 2'],
      ['img-311.png', 'shoot/day 2'],
      ['logo.svg', 'shoot/day 2'],
      ['notes.txt', 'shoot'],
      ['copy.jpg', null],
    ]);
    // A window further down: rows 3 and 4 of the finished uploads.
    const done = queue.view({ filter: 'done', offset: 3, limit: 2 });
    expect([done.total, done.rows.map((r) => r.name)]).toEqual([5, ['img-310.jpg', 'img-311.png']]);
    const failed = queue.view({ filter: 'failed', offset: 0, limit: 50 });
    expect(failed.rows.map((r) => [r.name, r.error?.code])).toEqual([
      ['logo.svg', 'UNSUPPORTED_TYPE'],
      ['notes.txt', 'UNSUPPORTED_TYPE'],
    ]);
    const duplicate = queue.view({ filter: 'duplicates', offset: 0, limit: 50 }).rows[0]!;
    expect(duplicate.duplicateOf).toBe(all.rows[0]!.imageId);

    // Neither failure can be fixed by trying again: both stay, and the answer says why.
    expect(queue.retry()).toEqual({
      retried: 0,
      notRetried: [{ code: 'UNSUPPORTED_TYPE', count: 2, reason: 'not a supported image type' }],
    });
    expect(queue.view({ filter: 'failed', offset: 0, limit: 50 }).total).toBe(2);

    await queue.clearFinished();
    const left = queue.view({ filter: 'all', offset: 0, limit: 50 });
    expect(left.rows.map((r) => [r.name, r.state])).toEqual([
      ['logo.svg', 'failed'],
      ['notes.txt', 'failed'],
    ]);
    expect(left.totals.counts).toEqual({ all: 2, active: 0, failed: 2, duplicates: 0, done: 0 });
    await queue.close();
  });

  it('never shows another account’s files, only how many wait for it', async () => {
    const t = server();
    const user = await newUser(t);
    const photos = await makeImages(path.join(tmp(), 'accounts'), 3, { offset: 320 });
    const ann: ItemAccount = { serverUrl: t.baseUrl, email: 'ann@example.com' };
    const bob: ItemAccount = { serverUrl: t.baseUrl, email: 'bob@example.com' };
    let current: ItemAccount | undefined = ann;
    const { queue, events } = await openQueue({
      file: path.join(tmp(), 'accounts.sqlite'),
      api: () => user.api,
      account: () => current,
    });
    await queue.add(photos.slice(0, 2));
    current = bob;
    events.length = 0;
    await queue.add(photos.slice(2));
    queue.pause();
    await queue.cancel();

    const seen = queue.view({ filter: 'all', offset: 0, limit: 50 });
    expect(seen.rows.map((r) => [r.name, r.state])).toEqual([['img-322.jpg', 'canceled']]);
    expect(seen.totals).toMatchObject({ count: 1, heldForAccount: 2 });
    expect(seen.totals.counts.all).toBe(1);
    // Bob's "cancel all" left Ann's files alone, and no event named them.
    current = ann;
    expect(queue.view({ filter: 'active', offset: 0, limit: 50 }).rows).toHaveLength(2);
    const named = events.flatMap((e) => (e.type === 'item' ? [e.item.name] : []));
    expect(named.every((name) => name === 'img-322.jpg')).toBe(true);
    await queue.close();
  });
});
