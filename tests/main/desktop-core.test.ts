// The desktop core as the app starts it: a first sign-in in a fresh data dir starts the queue,
// files added through IPC upload, and events reach the window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesktopCore, type DesktopCore } from '../../src/main/desktop-core';
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

const newDir = tempDirs('image-desk-core-');
let t: TestServer;
let core: DesktopCore;
const events: Array<{ event: IpcEventName; payload: unknown }> = [];

beforeAll(async () => {
  t = await startTestServer();
  core = await startDesktopCore({
    dataDir: await newDir(),
    emit: (event, payload) => events.push({ event, payload }),
    tokens: memoryTokenStore(new MemorySecrets()),
    serverOverride: t.baseUrl,
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
    const snapshot = await core.router.dispatch('queue:snapshot', undefined);
    const items = (snapshot as { ok: true; result: { items: QueueItemView[] } }).result.items;
    expect(items.map((i) => i.state)).toEqual(['done', 'done']);
    expect(events.some((e) => e.event === 'session:changed')).toBe(true);
    expect(
      events.some((e) => e.event === 'queue:item' && (e.payload as QueueItemView).state === 'done'),
    ).toBe(true);
    const keys = await t.objectKeys('users/');
    expect(keys).toHaveLength(4); // two originals, two thumbnails
  });
});
