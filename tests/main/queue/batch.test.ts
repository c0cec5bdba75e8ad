// A realistic batch against the real backend and S3 emulator: good files arrive once with
// their thumbnails, each bad file fails with its own code, and one bad file stops nothing.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PNGSUITE_DIR,
  listRows,
  makeImages,
  newUser,
  noisyJpeg,
  openQueue,
  pixelBomb,
  useServer,
  useTempDir,
  userObjects,
} from './helpers';

const server = useServer();
const tmp = useTempDir();

const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

describe('a batch of 50 files with bad ones among them', () => {
  it('uploads every good file once and reports each bad one with its code', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'batch');
    const good = await makeImages(path.join(dir, 'photos'), 41);

    const bad = new Map<string, string>();
    for (const name of ['xc1n0g08.png', 'xcrn0g04.png', 'xd0n2c08.png', 'xs2n0g01.png']) {
      const to = path.join(dir, 'photos', name);
      await fs.copyFile(path.join(PNGSUITE_DIR, name), to);
      bad.set(to, 'CORRUPT_IMAGE');
    }
    const notAnImage = path.join(dir, 'photos', 'notes.jpg');
    await fs.writeFile(notAnImage, 'these are my holiday notes, not a photo\n');
    bad.set(notAnImage, 'UNSUPPORTED_TYPE');
    const truncated = path.join(dir, 'photos', 'cut-off.jpg');
    const jpeg = await noisyJpeg(300, 200, 1);
    await fs.writeFile(truncated, jpeg.subarray(0, Math.floor(jpeg.length / 2)));
    bad.set(truncated, 'CORRUPT_IMAGE');
    const bomb = path.join(dir, 'photos', 'bomb.png');
    await fs.writeFile(bomb, await pixelBomb(12_000, 10_000));
    bad.set(bomb, 'IMAGE_TOO_LARGE');
    const huge = path.join(dir, 'huge.jpg');
    await fs.writeFile(huge, await noisyJpeg(900, 700, 2));
    bad.set(huge, 'FILE_TOO_LARGE');
    const missing = path.join(dir, 'gone.png');
    bad.set(missing, 'FILE_NOT_FOUND');
    // Hidden files inside a dropped folder are not part of the batch.
    await fs.writeFile(path.join(dir, 'photos', '.DS_Store'), 'finder junk');

    const { queue, events } = await openQueue(
      { file: path.join(dir, 'queue.json'), api: () => user.api, maxFileBytes: 150_000 },
      { concurrency: 4 },
    );
    const added = await queue.add([path.join(dir, 'photos'), huge, missing]);
    expect(added).toHaveLength(50);
    queue.start();
    await queue.idle();

    const { items, totals: final } = queue.snapshot();
    expect(final.byState).toMatchObject({ done: 41, failed: 9 });
    for (const [file, code] of bad) {
      const item = items.find((i) => i.path === file)!;
      expect({ file: path.basename(file), state: item.state, code: item.error?.code }).toEqual({
        file: path.basename(file),
        state: 'failed',
        code,
      });
      expect(item.error?.message).toMatch(/^[A-Z].*\.$/);
    }

    const rows = await listRows(t, user.token);
    const objects = await userObjects(t, user.id);
    expect(rows).toHaveLength(good.length);
    expect(objects).toHaveLength(2 * rows.length);
    expect(new Set(rows.map((r) => r.filename))).toEqual(
      new Set(good.map((f) => path.basename(f))),
    );
    for (const row of rows) {
      expect(objects).toContain(row.key);
      expect(objects).toContain(row.thumbnailKey);
      expect(row.thumbnailKey).toMatch(/\/thumbs\/.+\.webp$/);
      expect([row.width, row.height]).toEqual([200, 150]);
    }
    // What is stored is what was registered: the gallery's bytes hash to each row's sha256.
    const gallery = await t.request('GET', '/api/images/gallery?limit=200', { token: user.token });
    for (const image of gallery.body.images.slice(0, 10)) {
      const res = await fetch(image.url);
      expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(image.sha256);
      expect((await fetch(image.thumbnailUrl)).headers.get('content-type')).toBe('image/webp');
    }

    // Done items show their image; nothing the renderer receives carries a URL or the token.
    for (const item of items.filter((i) => i.state === 'done')) {
      expect(rows.map((r) => r.id)).toContain(item.imageId);
      expect(item.bytesSent).toBe(item.bytesTotal);
    }
    const pushed = JSON.stringify(events);
    expect(pushed).not.toContain('X-Amz-');
    expect(pushed).not.toContain('http://');
    expect(pushed).not.toContain(user.token);
    const totals = events.flatMap((e) => (e.type === 'totals' ? [e.totals] : []));
    expect(totals.at(-1)).toMatchObject({
      count: 50,
      paused: false,
      bytesSent: totals.at(-1)!.bytesTotal,
    });
    // While files were moving, the progress bar had a speed and an estimate to show.
    expect(totals.some((x) => x.throughput > 0 && x.etaSeconds !== null)).toBe(true);

    await queue.close();
  });

  it('retries a failed file once the problem is fixed, and forgets finished ones on request', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'retry');
    const [first] = await makeImages(dir, 1, { offset: 100 });
    const late = path.join(dir, 'arrives-later.png');
    const { queue } = await openQueue({ file: path.join(dir, 'queue.json'), api: () => user.api });
    const [, lateItem] = await queue.add([first!, late]);
    queue.start();
    await queue.idle();
    expect(queue.snapshot().items.map((i) => i.state)).toEqual(['done', 'failed']);

    // The file shows up where it was expected (a different picture, so not a duplicate).
    const [other] = await makeImages(path.join(dir, 'later'), 1, { offset: 101 });
    await fs.rename(other!, late);
    queue.retry([lateItem!.id]);
    await queue.idle();
    expect(queue.snapshot().items.map((i) => i.state)).toEqual(['done', 'done']);
    expect(await listRows(t, user.token)).toHaveLength(2);

    await queue.clearFinished();
    expect(queue.snapshot().items).toEqual([]);
    await queue.close();
  });
});
