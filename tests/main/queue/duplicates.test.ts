// Duplicates by processed content: an image already in the account, or the same picture
// twice in one batch, is skipped by default and uploaded again when the setting says so.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { listRows, makeImages, newUser, openQueue, useServer, useTempDir } from './helpers';

const server = useServer();
const tmp = useTempDir();

describe('duplicates', () => {
  it('skips an image already in the gallery and says which one it duplicates', async () => {
    const t = server();
    const user = await newUser(t);
    const [photo] = await makeImages(path.join(tmp(), 'skip'), 1);
    const { queue } = await openQueue({ file: path.join(tmp(), 'skip.json'), api: () => user.api });
    queue.start();
    await queue.add([photo!]);
    await queue.idle();
    const [first] = queue.snapshot().items;
    expect(first!.state).toBe('done');

    const [again] = await queue.add([photo!]);
    await queue.idle();
    const second = queue.snapshot().items.find((i) => i.id === again!.id)!;
    expect(second).toMatchObject({
      state: 'duplicate',
      duplicateOf: first!.imageId,
      imageId: null,
    });
    expect(second.error?.code).toBe('DUPLICATE');
    expect(await listRows(t, user.token)).toHaveLength(1);
    await queue.close();
  });

  it('uploads it anyway when the duplicate policy is "upload"', async () => {
    const t = server();
    const user = await newUser(t);
    const [photo] = await makeImages(path.join(tmp(), 'policy'), 1, { offset: 10 });
    const settings: Settings = { ...DEFAULT_SETTINGS };
    const { queue } = await openQueue({
      file: path.join(tmp(), 'policy.json'),
      api: () => user.api,
      settings: () => settings,
    });
    queue.start();
    await queue.add([photo!]);
    await queue.idle();
    settings.duplicatePolicy = 'upload';
    await queue.add([photo!]);
    await queue.idle();

    const items = queue.snapshot().items;
    expect(items.map((i) => i.state)).toEqual(['done', 'done']);
    expect(items[0]!.imageId).not.toBe(items[1]!.imageId);
    const rows = await listRows(t, user.token);
    expect(rows).toHaveLength(2);
    expect(rows[0].sha256).toBe(rows[1].sha256);
    await queue.close();
  });

  it('uploads one of several identical files in the same batch; the others are duplicates of it', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'within');
    const [original, other] = await makeImages(dir, 2, { offset: 20 });
    for (const name of ['copy-a.jpg', 'copy-b.jpg', 'copy-c.jpg']) {
      await fs.copyFile(original!, path.join(dir, name));
    }
    const { queue } = await openQueue({
      file: path.join(tmp(), 'within.json'),
      api: () => user.api,
    });
    await queue.add([dir]);
    queue.start();
    await queue.idle();

    const items = queue.snapshot().items;
    const copies = items.filter((i) => i.path !== other);
    const uploaded = copies.filter((i) => i.state === 'done');
    expect(uploaded).toHaveLength(1);
    expect(copies.filter((i) => i.state === 'duplicate').map((i) => i.duplicateOf)).toEqual([
      uploaded[0]!.imageId,
      uploaded[0]!.imageId,
      uploaded[0]!.imageId,
    ]);
    expect(items.find((i) => i.path === other)!.state).toBe('done');
    expect(await listRows(t, user.token)).toHaveLength(2);
    await queue.close();
  });

  it('uploads a picture again after its earlier upload was deleted from the gallery', async () => {
    const t = server();
    const user = await newUser(t);
    const [photo] = await makeImages(path.join(tmp(), 'deleted'), 1, { offset: 30 });
    const { queue } = await openQueue({
      file: path.join(tmp(), 'deleted.json'),
      api: () => user.api,
    });
    queue.start();
    await queue.add([photo!]);
    await queue.idle();
    await user.api.deleteImage(queue.snapshot().items[0]!.imageId!);

    await queue.add([photo!]);
    await queue.idle();
    expect(queue.snapshot().items.map((i) => i.state)).toEqual(['done', 'done']);
    expect(await listRows(t, user.token)).toHaveLength(1);
    await queue.close();
  });
});
