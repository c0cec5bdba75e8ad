// The desktop core as the app starts it: a first sign-in in a fresh data dir starts the queue,
// files added through IPC upload, and events reach the window.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDesktopCore, type DesktopCore } from '../../src/main/desktop-core';
import { createKeepAwake } from '../../src/main/power/keep-awake';
import { disabledUpdates } from '../../src/main/updates/update-controller';
import type { IpcEventName } from '../../src/shared/ipc';
import type { QueueItemView } from '../../src/shared/queue';
import { startTestServer, type TestServer } from '../server/test-server';
import {
  MemorySecrets,
  memoryTokenStore,
  tempDirs,
  uniqueEmail,
  writeJpeg,
} from './services/helpers';
import { recordingLog } from './support/recording-log';

const newDir = tempDirs('image-desk-core-');
let t: TestServer;
let core: DesktopCore;
const events: Array<{ event: IpcEventName; payload: unknown }> = [];
/** Electron's powerSaveBlocker needs the binary: this records what the keep-awake asks of it. */
const blocker = {
  calls: [] as string[],
  start: () => (blocker.calls.push('start'), 7),
  stop: (id: number) => blocker.calls.push(`stop ${id}`),
};
const keepAwake = createKeepAwake(blocker, recordingLog());

beforeAll(async () => {
  t = await startTestServer();
  core = await startDesktopCore({
    dataDir: await newDir(),
    emit: (event, payload) => events.push({ event, payload }),
    tokens: memoryTokenStore(new MemorySecrets()),
    serverOverride: t.baseUrl,
    updates: disabledUpdates('Updates are off in tests.'),
    onQueueTotals: (totals) => keepAwake.update(totals),
  });
});
afterAll(async () => {
  await core.close();
  await t.close();
});

describe('desktop core', () => {
  it('uploads files added after a first sign-up in a fresh data dir', async () => {
    const before = await core.router.dispatch('session:get', undefined);
    expect(before).toMatchObject({ ok: true, result: { signedIn: false } });

    const dir = await newDir();
    const files = [await writeJpeg(dir, 'one.jpg'), await writeJpeg(dir, 'two.jpg', 700)];
    // Queued while signed out: they wait.
    const added = await core.router.dispatch('queue:add', { paths: files });
    expect(added.ok).toBe(true);

    const signup = await core.router.dispatch('session:signup', {
      serverUrl: t.baseUrl,
      email: uniqueEmail('core'),
      password: 'a long enough password',
      username: 'core',
    });
    expect(signup).toMatchObject({ ok: true, result: { signedIn: true } });

    await core.queue.idle();
    const view = await core.router.dispatch('queue:view', { filter: 'all', offset: 0, limit: 500 });
    const items = (view as { ok: true; result: { rows: QueueItemView[] } }).result.rows;
    expect(items.map((i) => i.state)).toEqual(['done', 'done']);
    expect(events.some((e) => e.event === 'session:changed')).toBe(true);
    expect(
      events.some((e) => e.event === 'queue:item' && (e.payload as QueueItemView).state === 'done'),
    ).toBe(true);
    const keys = await t.objectKeys('users/');
    expect(keys).toHaveLength(4); // two originals, two thumbnails
    // The computer was kept awake for the batch, and may sleep once the last totals say done.
    await vi.waitFor(() => expect(blocker.calls).toEqual(['start', 'stop 7']));
  });

  it('keeps files with the account that queued them when another account signs in', async () => {
    const dir = await newDir();
    const password = 'a long enough password';
    const ann = uniqueEmail('ann');
    const bob = uniqueEmail('bob');
    const items = async () => {
      const view = await core.router.dispatch('queue:view', {
        filter: 'all',
        offset: 0,
        limit: 500,
      });
      return (view as { ok: true; result: { rows: QueueItemView[] } }).result.rows;
    };
    const gallery = async (email: string) => {
      const { token } = (await t.request('POST', '/api/auth/login', { json: { email, password } }))
        .body as { token: string };
      const list = await t.request('GET', '/api/images', { token });
      return (list.body as { images: Array<{ filename: string }> }).images.map((i) => i.filename);
    };

    await core.router.dispatch('session:signup', {
      serverUrl: t.baseUrl,
      email: ann,
      password,
      username: 'ann',
    });
    // Held with "pause all" so they are still waiting when Ann signs out.
    await core.router.dispatch('queue:pause', {});
    const annFiles = [
      await writeJpeg(dir, 'ann-1.jpg', 640),
      await writeJpeg(dir, 'ann-2.jpg', 660),
    ];
    const added = await core.router.dispatch('queue:add', { paths: annFiles });
    expect(added.ok).toBe(true);
    await core.router.dispatch('session:logout', undefined);

    await core.router.dispatch('session:signup', {
      serverUrl: t.baseUrl,
      email: bob,
      password,
      username: 'bob',
    });
    await core.router.dispatch('queue:resume', {});
    await core.router.dispatch('queue:add', { paths: [await writeJpeg(dir, 'bob.jpg', 680)] });
    // Bob may queue the same file for himself: Ann's unfinished copy does not stand in for it.
    const same = await core.router.dispatch('queue:add', { paths: [annFiles[0]!] });
    expect((same as { ok: true; result: { items: QueueItemView[] } }).result.items).toHaveLength(1);
    await core.queue.idle();

    const whileBob = (await items()).filter(
      (i) => i.name.startsWith('ann-') || i.name === 'bob.jpg',
    );
    // Ann's files are not Bob's to see: no row, no name, only a count in the totals.
    expect(whileBob.map((i) => [i.name, i.state, i.heldFor])).toEqual([
      ['bob.jpg', 'done', null],
      ['ann-1.jpg', 'done', null],
    ]);
    expect((await gallery(bob)).sort()).toEqual(['ann-1.jpg', 'bob.jpg']);
    expect(await gallery(ann)).toEqual([]);
    // Nothing to wait for as far as Bob is concerned: Ann's files are counted apart.
    expect(core.queue.totals()).toMatchObject({
      heldForAccount: 2,
      etaSeconds: null,
      count: 2,
      counts: { all: 2, active: 0, done: 2 },
    });

    await core.router.dispatch('session:logout', undefined);
    await core.router.dispatch('session:login', { serverUrl: t.baseUrl, email: ann, password });
    // Bob's "Resume all" left the files Ann paused alone: they are hers to resume.
    await core.queue.idle();
    expect((await items()).every((i) => i.state === 'queued' && i.paused)).toBe(true);
    await core.router.dispatch('queue:resume', {});
    await core.queue.idle();
    const annItems = (await items()).filter((i) => i.name.startsWith('ann-'));
    // Ann's two, finished; Bob's own copy of ann-1.jpg is his, not in her list.
    expect(annItems.map((i) => [i.state, i.heldFor])).toEqual([
      ['done', null],
      ['done', null],
    ]);
    expect((await gallery(ann)).sort()).toEqual(['ann-1.jpg', 'ann-2.jpg']);
    expect((await gallery(bob)).sort()).toEqual(['ann-1.jpg', 'bob.jpg']);
  });

  it('holds the queue whenever the session ends, not only when the queue met the 401', async () => {
    await core.router.dispatch('session:signup', {
      serverUrl: t.baseUrl,
      email: uniqueEmail('expiry'),
      password: 'a long enough password',
      username: 'expiry',
    });
    expect(core.queue.snapshot().totals.paused).toBe(false);
    // What a 401 on a gallery call does: the session ends; files in flight must stop with it.
    core.session.expire();
    expect(core.queue.snapshot().totals.paused).toBe(true);
  });
});
