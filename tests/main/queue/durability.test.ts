// The queue's database on disk and its guards: a damaged file is reported and replaced, an
// earlier version's JSON file is imported once, a closed queue picks up where it left off, one
// process at a time, and memory stays bounded.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import readline from 'node:readline';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UploadQueue } from '../../../src/main/queue';
import { newItem } from '../../../src/main/queue/outcomes';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import {
  listRows,
  makeImages,
  newUser,
  noisyJpeg,
  openQueue,
  useServer,
  useTempDir,
} from './helpers';

const server = useServer();
const tmp = useTempDir();
const CHILD = path.resolve(import.meta.dirname, 'queue-child.ts');

describe('a damaged file', () => {
  it.each([
    ['legacy JSON file, not JSON', 'queue.json', '{"version": 1, "items": [ {"id": "half a wri'],
    [
      'legacy JSON file of the wrong shape',
      'queue.json',
      JSON.stringify({ version: 1, paused: false, items: 'none' }),
    ],
    ['database, not SQLite', 'queue.sqlite', 'SQLite format 3\u0000 but then half a page'],
  ])('(%s) is set aside with a warning and the queue works', async (label, name, content) => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), `damaged-${label.replace(/\W+/g, '-')}`);
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, name), content);

    const file = path.join(dir, 'queue.sqlite');
    const importFrom = path.join(dir, 'queue.json');
    const { queue } = await openQueue({ file, importFrom, api: () => user.api });
    expect(queue.loadWarning).toMatch(/upload queue (file|database) .* so the queue starts empty/);
    expect(queue.snapshot().items).toEqual([]);
    const aside = (await fs.readdir(dir)).filter((f) => f.startsWith(`${name}.corrupt-`));
    expect(aside).toHaveLength(1);
    expect(queue.loadWarning).toContain(aside[0]);
    expect(await fs.readFile(path.join(dir, aside[0]!), 'utf8')).toBe(content);

    const [photo] = await makeImages(path.join(dir, 'in'), 1, { offset: label.length });
    await queue.add([photo!]);
    queue.start();
    await queue.idle();
    expect(queue.snapshot().items.map((i) => i.state)).toEqual(['done']);
    await queue.close();
  });
});

describe('restarting', () => {
  it('keeps unfinished files across close and reopen, and finishes them', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'reopen');
    const photos = await makeImages(path.join(dir, 'in'), 6, { offset: 60 });
    const file = path.join(dir, 'queue.json');

    const first = await openQueue({ file, api: () => user.api });
    await first.queue.add(photos);
    first.queue.pause([first.queue.snapshot().items[5]!.id]);
    await first.queue.close();

    const second = await openQueue({ file, api: () => user.api });
    const reopened = second.queue.snapshot().items;
    expect(reopened.map((i) => [i.path, i.state, i.paused])).toEqual(
      photos.map((p, i) => [p, 'queued', i === 5]),
    );
    second.queue.start();
    await second.queue.idle();
    second.queue.resume();
    await second.queue.idle();
    expect(second.queue.snapshot().totals.byState.done).toBe(6);
    expect(await listRows(t, user.token)).toHaveLength(6);
    await second.queue.close();
  });

  it('refuses a second queue on the same database, in this process or another, until the owner is gone', async () => {
    const t = server();
    const user = await newUser(t);
    const file = path.join(tmp(), 'locked', 'queue.sqlite');
    const deps = { file, api: () => user.api, settings: () => DEFAULT_SETTINGS };
    const inUse = {
      code: 'CONFLICT',
      message: expect.stringMatching(/already open in another Image Desk window or CLI/),
    };
    const first = await UploadQueue.open(deps);
    await expect(UploadQueue.open(deps)).rejects.toMatchObject(inUse);
    await first.close();

    // Another process holds it open, then is killed: nothing it leaves behind blocks a restart.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: {
        ...process.env,
        QUEUE_FILE: file,
        SERVER_URL: t.baseUrl,
        TOKEN: user.token,
        HOLD: '1',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    for await (const line of readline.createInterface({ input: child.stdout })) {
      if (JSON.parse(line).holding) break;
    }
    await expect(UploadQueue.open(deps)).rejects.toMatchObject(inUse);
    child.kill('SIGKILL');
    await exited;
    const second = await UploadQueue.open(deps);
    await second.close();
  });
});

describe('a JSON queue file of an earlier version', () => {
  it('is imported once, with its pauses, and renamed', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'legacy');
    const photos = await makeImages(path.join(dir, 'in'), 3, { offset: 90 });
    const importFrom = path.join(dir, 'queue.json');
    const items = photos.map((p, i) => ({ ...newItem(p, 1000, null, null), paused: i === 2 }));
    await fs.writeFile(
      importFrom,
      JSON.stringify({ version: 1, paused: false, perFilePause: true, items }),
    );
    const file = path.join(dir, 'queue.sqlite');

    const first = await openQueue({ file, importFrom, api: () => user.api });
    expect(first.queue.loadWarning).toBeUndefined();
    expect(first.queue.snapshot().items.map((i) => [i.id, i.path, i.paused])).toEqual(
      items.map((i) => [i.id, i.path, i.paused]),
    );
    const left = (await fs.readdir(dir)).filter((f) => f.startsWith('queue.json'));
    expect(left).toEqual([expect.stringMatching(/^queue\.json\.imported-\d+$/)]);
    first.queue.start();
    await first.queue.idle();
    await first.queue.close();

    // The renamed file is not imported again: the finished files stay finished, once each.
    const second = await openQueue({ file, importFrom, api: () => user.api });
    expect(second.queue.snapshot().items.map((i) => [i.path, i.state, i.paused])).toEqual(
      photos.map((p, i) => [p, i === 2 ? 'queued' : 'done', i === 2]),
    );
    await second.queue.close();
    expect(await listRows(t, user.token)).toHaveLength(2);
  });

  it('written before pauses were kept per file, "pause all" pauses every unfinished file', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'legacy-paused');
    const photos = await makeImages(path.join(dir, 'in'), 2, { offset: 95 });
    const importFrom = path.join(dir, 'queue.json');
    const items = photos.map((p) => newItem(p, 1000, null, null));
    await fs.writeFile(importFrom, JSON.stringify({ version: 1, paused: true, items }));

    const { queue } = await openQueue({
      file: path.join(dir, 'queue.sqlite'),
      importFrom,
      api: () => user.api,
    });
    expect(queue.snapshot().items.map((i) => i.paused)).toEqual([true, true]);
    expect(queue.snapshot().totals.paused).toBe(true);
    await queue.close();
  });
});

describe('adding', () => {
  it('walks folders, skips hidden entries, and does not queue a waiting file twice', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'adding');
    await makeImages(path.join(dir, 'a'), 2, { offset: 70 });
    await makeImages(path.join(dir, 'a', 'nested'), 2, { offset: 72 });
    await makeImages(path.join(dir, '.hidden'), 1, { offset: 74 });
    await fs.writeFile(path.join(dir, 'a', '.DS_Store'), 'x');
    const { queue } = await openQueue({
      file: path.join(tmp(), 'adding.json'),
      api: () => user.api,
    });

    const added = await queue.add([dir]);
    expect(added.map((i) => path.relative(dir, i.path))).toEqual([
      path.join('a', 'img-070.jpg'),
      path.join('a', 'img-071.png'),
      path.join('a', 'nested', 'img-072.jpg'),
      path.join('a', 'nested', 'img-073.png'),
    ]);
    expect(await queue.add([dir, path.join(dir, 'a', 'img-070.jpg')])).toEqual([]);
    await queue.close();
  });
});

describe('memory', () => {
  it('never holds more processed images than its cap while the network lags behind', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'memory');
    await fs.mkdir(dir);
    for (let i = 0; i < 40; i++) {
      await fs.writeFile(path.join(dir, `p${i}.jpg`), await noisyJpeg(400, 300, i));
    }
    // One transfer at a time while two cores process: without the cap, processed images
    // would pile up waiting for the network.
    const { queue } = await openQueue(
      { file: path.join(tmp(), 'memory.json'), api: () => user.api, cpuConcurrency: 2 },
      { concurrency: 1 },
    );
    await queue.add([dir]);
    queue.start();
    await queue.idle();

    const stats = queue.stats();
    expect(queue.snapshot().totals.byState.done).toBe(40);
    expect(stats.bufferCap).toBe(2 + 1 + 2);
    expect(stats.peakBuffersHeld).toBeLessThanOrEqual(stats.bufferCap);
    expect(stats.peakBuffersHeld).toBeGreaterThan(1);
    expect(stats.buffersHeld).toBe(0);
    await queue.close();
  });
});
