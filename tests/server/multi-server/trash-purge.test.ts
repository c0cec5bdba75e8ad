// Two API servers on one PostgreSQL database and one bucket, both purging the trash at once:
// every image trashed longer than TRASH_DAYS goes exactly once (objects, then row), newer ones
// and the gallery stay, and a restore racing the purge either wins or finds the image gone,
// never an image whose objects are gone. PostgreSQL only (api-postgres project).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulatorProcess, type EmulatorProcess } from '../../support/s3-emulator-process';
import { dbOf, imageRowsOf, objectKeysOf } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { uploadImage, uploadImageWithThumbnail } from '../upload-helpers';

const DAY_MS = 24 * 60 * 60 * 1000;

let store: EmulatorProcess;
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  store = await startEmulatorProcess();
  vi.stubEnv('AWS_ACCESS_KEY_ID', store.credentials.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', store.credentials.secretAccessKey);
  a = await startTestServer({ ...store.serverEnv, TRASH_DAYS: '7' });
  b = await startTestServer({
    ...store.serverEnv,
    TRASH_DAYS: '7',
    DATABASE_URL: a.server.services.config.databaseUrl!,
  });
});

afterAll(async () => {
  await b?.close();
  await a?.close();
  await store?.stop();
  vi.unstubAllEnvs();
});

async function expectObjectsMatchRows(ownerId: string) {
  const rows = await imageRowsOf(a, ownerId);
  const named = rows.flatMap((r) => [r.key, ...(r.thumbnailKey ? [r.thumbnailKey] : [])]).sort();
  expect(await objectKeysOf(a, ownerId)).toEqual(named);
}

describe('the trash purge on two servers', () => {
  it('purges each expired image once, whichever server runs, and leaves the rest', async () => {
    const { token, user } = await a.signup();
    const expired = [];
    for (let seed = 1; seed <= 6; seed++) {
      expired.push((await uploadImageWithThumbnail(a, token, { seed })).image);
    }
    const recent = (await uploadImage(b, token, { seed: 7 })).image;
    const live = (await uploadImage(b, token, { seed: 8 })).image;
    const trash = await b.request('POST', '/api/images/bulk-delete', {
      token,
      json: { ids: [...expired.map((i) => i.id), recent.id] },
    });
    expect(trash.body.deleted).toHaveLength(7);
    await dbOf(a)
      .updateTable('images')
      .set({ trashedAt: new Date(Date.now() - 8 * DAY_MS) })
      .where(
        'id',
        'in',
        expired.map((i) => i.id),
      )
      .execute();

    const [fromA, fromB] = await Promise.all([
      a.server.trashPurger.run(),
      b.server.trashPurger.run(),
    ]);
    expect(fromA + fromB).toBe(expired.length);
    expect((await imageRowsOf(a, user.id)).map((r) => r.id).sort()).toEqual(
      [recent.id, live.id].sort(),
    );
    await expectObjectsMatchRows(user.id);
    const listed = await a.request('GET', '/api/images?trash=true', { token });
    expect(listed.body.images.map((i: any) => i.id)).toEqual([recent.id]);
  });

  it('lets a restore racing the purge either keep the image whole or find it gone', async () => {
    const { token, user } = await a.signup();
    const image = (await uploadImageWithThumbnail(a, token, { seed: 9 })).image;
    await a.request('DELETE', `/api/images/${image.id}`, { token });
    await dbOf(a)
      .updateTable('images')
      .set({ trashedAt: new Date(Date.now() - 8 * DAY_MS) })
      .where('id', '=', image.id)
      .execute();

    const [restore] = await Promise.all([
      b.request('POST', `/api/images/${image.id}/restore`, { token }),
      a.server.trashPurger.run(),
    ]);
    if (restore.status === 200) {
      expect(restore.body.image.trashedAt).toBeNull();
      expect((await imageRowsOf(a, user.id)).map((r) => r.id)).toEqual([image.id]);
    } else {
      expect(restore.status).toBe(404);
      expect(await imageRowsOf(a, user.id)).toEqual([]);
    }
    await expectObjectsMatchRows(user.id);
  });
});
