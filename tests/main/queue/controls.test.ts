// What the person controls while a batch runs: cancel and pause/resume for one file or all,
// and a session that expires mid-batch (the queue pauses, nothing is lost, re-login resumes).
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QueueItemView } from '../../../src/shared/queue';
import {
  listRows,
  makeImages,
  newUser,
  noisyJpeg,
  openQueue,
  useServer,
  useTempDir,
  userObjects,
} from './helpers';

const server = useServer();
const tmp = useTempDir();

const doneCount = (views: QueueItemView[]) => views.filter((v) => v.state === 'done').length;
const ACTIVE = ['processing', 'uploading', 'registering'];

async function photos(dir: string, count: number): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `photo-${i}.jpg`);
    await fs.writeFile(file, await noisyJpeg(640, 480, i));
    files.push(file);
  }
  return files;
}

describe('cancel', () => {
  it('cancels one file before it starts; the rest arrive', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'cancel-one');
    await makeImages(dir, 5);
    const { queue } = await openQueue({
      file: path.join(tmp(), `${path.basename(dir)}.json`),
      api: () => user.api,
    });
    const added = await queue.add([dir]);
    await queue.cancel([added[2]!.id]);
    queue.start();
    await queue.idle();

    const states = queue.snapshot().items.map((i) => i.state);
    expect(states).toEqual(['done', 'done', 'canceled', 'done', 'done']);
    expect(queue.snapshot().items[2]!.error?.code).toBe('CANCELED');
    const rows = await listRows(t, user.token);
    expect(rows.map((r) => r.filename).sort()).not.toContain(added[2]!.name);
    expect(rows).toHaveLength(4);
    await queue.close();
  });

  it('cancels everything mid-batch: what was not registered leaves no image behind', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'cancel-all');
    await photos(dir, 12);
    const { queue, until } = await openQueue(
      { file: path.join(tmp(), 'cancel-all.json'), api: () => user.api },
      { concurrency: 2 },
    );
    await queue.add([dir]);
    queue.start();
    await until((views) => doneCount(views) >= 2);
    await queue.cancel();
    await queue.idle();

    const { items, totals } = queue.snapshot();
    expect(items.every((i) => i.state === 'done' || i.state === 'canceled')).toBe(true);
    expect(totals.byState.canceled).toBeGreaterThan(0);
    const rows = await listRows(t, user.token);
    // Every registered image is an item reported done, and the other way round.
    expect(rows.map((r) => r.id).sort()).toEqual(
      items.flatMap((i) => (i.state === 'done' ? [i.imageId] : [])).sort(),
    );
    // Objects PUT for canceled files were never registered; they are pending uploads that the
    // server's orphan sweeper deletes after they expire (run now instead of in ten minutes).
    await t.server.sweeper.sweep(new Date(Date.now() + 24 * 3600_000));
    expect((await userObjects(t, user.id)).sort()).toEqual(
      rows.flatMap((r) => [r.key, r.thumbnailKey]).sort(),
    );
    await queue.close();
  });
});

describe('pause and resume', () => {
  it('holds back one paused file until it is resumed', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'pause-one');
    await makeImages(dir, 4, { offset: 20 });
    const { queue } = await openQueue({
      file: path.join(tmp(), `${path.basename(dir)}.json`),
      api: () => user.api,
    });
    const added = await queue.add([dir]);
    queue.pause([added[1]!.id]);
    queue.start();
    await queue.idle();
    expect(queue.snapshot().items.map((i) => [i.state, i.paused])).toEqual([
      ['done', false],
      ['queued', true],
      ['done', false],
      ['done', false],
    ]);
    // All that is left is paused: the queue reads as paused, so "Resume all" is offered.
    expect(queue.snapshot().totals.paused).toBe(true);

    queue.resume([added[1]!.id]);
    await queue.idle();
    expect(queue.snapshot().items.map((i) => i.state)).toEqual(['done', 'done', 'done', 'done']);
    expect(await listRows(t, user.token)).toHaveLength(4);
    await queue.close();
  });

  it('pauses everything mid-batch and resumes from the checkpoints without duplicates', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'pause-all');
    const files = await photos(dir, 12);
    const { queue, until } = await openQueue(
      { file: path.join(tmp(), 'pause-all.json'), api: () => user.api },
      { concurrency: 2 },
    );
    await queue.add([dir]);
    queue.start();
    await until((views) => doneCount(views) >= 2);
    queue.pause();
    await queue.idle();

    const paused = queue.snapshot();
    expect(paused.totals.paused).toBe(true);
    expect(paused.items.filter((i) => ACTIVE.includes(i.state))).toEqual([]);
    const waiting = paused.items.filter((i) => i.state === 'queued');
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((i) => i.paused)).toBe(true);
    expect(queue.stats().running).toBe(0);

    queue.resume();
    await queue.idle();
    expect(queue.snapshot().totals.byState.done).toBe(files.length);
    const rows = await listRows(t, user.token);
    expect(rows).toHaveLength(files.length);
    expect((await userObjects(t, user.id)).sort()).toEqual(
      rows.flatMap((r) => [r.key, r.thumbnailKey]).sort(),
    );
    await queue.close();
  });
});

describe('one file against "pause all"', () => {
  const stateOf = (queue: { snapshot(): { items: QueueItemView[] } }) =>
    queue.snapshot().items.map((i) => [i.state, i.paused]);

  it('runs a file resumed on its own while the rest stay paused, and new files wait too', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'resume-one');
    await makeImages(dir, 3, { offset: 40 });
    const file = path.join(tmp(), 'resume-one.json');
    let { queue } = await openQueue({ file, api: () => user.api });
    const added = await queue.add([dir]);
    queue.pause();
    queue.start();
    await queue.idle();
    expect(stateOf(queue)).toEqual([
      ['queued', true],
      ['queued', true],
      ['queued', true],
    ]);

    queue.resume([added[1]!.id]);
    await queue.idle();
    expect(stateOf(queue)).toEqual([
      ['queued', true],
      ['done', false],
      ['queued', true],
    ]);
    expect(queue.snapshot().totals.paused).toBe(true);

    // Added while "pause all" holds: it waits with the others, also after a restart.
    const later = path.join(tmp(), 'resume-one-later');
    await makeImages(later, 1, { offset: 50 });
    const [extra] = await queue.add([later]);
    await queue.close();
    ({ queue } = await openQueue({ file, api: () => user.api }));
    queue.start();
    await queue.idle();
    expect(queue.snapshot().items.find((i) => i.id === extra!.id)).toMatchObject({
      state: 'queued',
      paused: true,
    });

    // Resuming the last paused files one by one lifts "pause all" as well.
    queue.resume([added[0]!.id, added[2]!.id, extra!.id]);
    await queue.idle();
    expect(queue.snapshot().totals).toMatchObject({ paused: false });
    expect(queue.snapshot().totals.byState.done).toBe(4);
    expect(await listRows(t, user.token)).toHaveLength(4);
    await queue.close();
  });

  it('keeps a file resumed on its own unpaused across a restart', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'resume-restart');
    await makeImages(dir, 2, { offset: 90 });
    const file = path.join(tmp(), 'resume-restart.json');
    let { queue } = await openQueue({ file, api: () => user.api });
    const added = await queue.add([dir]);
    queue.pause();
    queue.resume([added[1]!.id]);
    await queue.close();

    ({ queue } = await openQueue({ file, api: () => user.api }));
    expect(stateOf(queue)).toEqual([
      ['queued', true],
      ['queued', false],
    ]);
    queue.start();
    await queue.idle();
    expect(stateOf(queue)).toEqual([
      ['queued', true],
      ['done', false],
    ]);
    await queue.close();
  });

  it('holds everything while signed out, and signing in again keeps paused what the person paused', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'signed-out');
    await makeImages(dir, 3, { offset: 60 });
    const { queue } = await openQueue({
      file: path.join(tmp(), 'signed-out.json'),
      api: () => user.api,
    });
    const added = await queue.add([dir]);
    queue.pause([added[0]!.id]);
    queue.holdForSignIn();
    queue.start();
    await queue.idle();
    expect(queue.snapshot().items.every((i) => i.state === 'queued' && i.paused)).toBe(true);
    expect(queue.snapshot().totals.paused).toBe(true);

    queue.releaseAfterSignIn();
    await queue.idle();
    expect(stateOf(queue)).toEqual([
      ['queued', true],
      ['done', false],
      ['done', false],
    ]);
    // Only the file the person paused is left, so the queue still reads as paused.
    expect(queue.snapshot().totals.paused).toBe(true);
    queue.resume([added[0]!.id]);
    await queue.idle();
    expect(queue.snapshot().totals.paused).toBe(false);
    await queue.close();
  });
});

describe('session expiry', () => {
  it('pauses the queue on a 401, keeps every file, and finishes after a new sign-in', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'expired');
    await makeImages(dir, 6, { offset: 40 });
    user.setToken('expired-or-revoked-token');
    const { queue, events } = await openQueue({
      file: path.join(tmp(), `${path.basename(dir)}.json`),
      api: () => user.api,
    });
    await queue.add([dir]);
    queue.start();
    await queue.idle();

    expect(events.filter((e) => e.type === 'session-expired')).toHaveLength(1);
    const held = queue.snapshot();
    expect(held.totals.paused).toBe(true);
    expect(held.items.map((i) => [i.state, i.error])).toEqual(Array(6).fill(['queued', null]));

    const login = await user.api.login({ email: user.email, password: user.password });
    user.setToken(login.token);
    queue.resume();
    await queue.idle();
    expect(queue.snapshot().totals.byState.done).toBe(6);
    expect(await listRows(t, user.token)).toHaveLength(6);
    await queue.close();
  });
});
