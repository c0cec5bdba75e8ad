// The queue's file on disk and its guards: a damaged file is reported and replaced, a closed
// queue picks up where it left off, one process at a time, and memory stays bounded.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UploadQueue } from '../../../src/main/queue';
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

describe('a damaged state file', () => {
  it.each([
    ['not JSON', '{"version": 1, "items": [ {"id": "half a wri'],
    ['JSON of the wrong shape', JSON.stringify({ version: 1, paused: false, items: 'none' })],
  ])('(%s) is set aside with a warning and the queue works', async (label, content) => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), `damaged-${label.replace(/\W+/g, '-')}`);
    await fs.mkdir(dir);
    const file = path.join(dir, 'queue.json');
    await fs.writeFile(file, content);

    const { queue } = await openQueue({ file, api: () => user.api });
    expect(queue.loadWarning).toMatch(/upload queue file .* so the queue starts empty/);
    expect(queue.snapshot().items).toEqual([]);
    const aside = (await fs.readdir(dir)).filter((f) => f.startsWith('queue.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(queue.loadWarning).toContain(aside[0]);
    expect(await fs.readFile(path.join(dir, aside[0]!), 'utf8')).toBe(content);
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({ items: [] });

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

  it('refuses a second queue on the same file, and takes over a lock left by a dead process', async () => {
    const t = server();
    const user = await newUser(t);
    const file = path.join(tmp(), 'locked', 'queue.json');
    const deps = { file, api: () => user.api, settings: () => DEFAULT_SETTINGS };
    const first = await UploadQueue.open(deps);
    await expect(UploadQueue.open(deps)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/already open in another Image Desk window or CLI/),
    });
    await first.close();

    // A process that has exited: its pid is free, as after a crash.
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    await fs.writeFile(`${file}.lock`, `${dead}\n`);
    const second = await UploadQueue.open(deps);
    expect(await fs.readFile(`${file}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    await second.close();
    await expect(fs.stat(`${file}.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
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
