// The trash: deleting moves images there (hidden from the gallery, objects kept), restoring
// brings them back as they were, Empty trash and the TRASH_DAYS purge delete them for good.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserStorageRepo } from '../../../src/server/repos/user-storage-repo';
import { dbOf, imageRowsOf, insertImageRows, objectKeysOf } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { uploadImage, uploadImageWithThumbnail } from '../upload-helpers';

const DAY_MS = 24 * 60 * 60 * 1000;

let t: TestServer;
let admin: Awaited<ReturnType<TestServer['signup']>>;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.signup(); // the first account on a fresh database is an administrator
});
afterAll(() => t.close());

const ids = (res: { body: any }) => res.body.images.map((i: any) => i.id);

/** What the bucket holds and what the rows name are the same set. */
async function expectObjectsMatchRows(ownerId: string) {
  const rows = await imageRowsOf(t, ownerId);
  const named = rows.flatMap((r) => [r.key, ...(r.thumbnailKey ? [r.thumbnailKey] : [])]).sort();
  expect(await objectKeysOf(t, ownerId)).toEqual(named);
}

describe('moving an image to the trash', () => {
  it('hides it from listings, album counts and duplicate checks, keeps its objects, and restores it as it was', async () => {
    const { token, user } = await t.signup();
    const album = (await t.request('POST', '/api/albums', { token, json: { name: 'Spring' } })).body
      .album;
    const { image } = await uploadImageWithThumbnail(t, token, { seed: 1 });
    await t.request('PATCH', `/api/images/${image.id}`, {
      token,
      json: { albumId: album.id, tags: ['sea'], title: 'Harbour' },
    });
    const kept = (await uploadImage(t, token, { seed: 2 })).image;

    const res = await t.request('DELETE', `/api/images/${image.id}`, { token });
    expect(res.status).toBe(204);

    expect(ids(await t.request('GET', '/api/images', { token }))).toEqual([kept.id]);
    expect(ids(await t.request('GET', '/api/images/gallery', { token }))).toEqual([kept.id]);
    const bySha = await t.request('GET', `/api/images?sha256=${image.sha256}`, { token });
    expect(ids(bySha)).toEqual([]);
    const albums = await t.request('GET', '/api/albums', { token });
    expect(albums.body.albums[0].imageCount).toBe(0);
    const inAlbum = await t.request('GET', `/api/images?albumId=${album.id}`, { token });
    expect(ids(inAlbum)).toEqual([]);

    // Still there, marked, with its objects (and still counted toward the storage quota).
    const one = await t.request('GET', `/api/images/${image.id}`, { token });
    expect(Date.parse(one.body.image.trashedAt)).toBeGreaterThan(Date.now() - 60_000);
    await expectObjectsMatchRows(user.id);
    expect((await new UserStorageRepo(dbOf(t)).usage(user.id))?.storedBytes).toBe(
      image.size + kept.size,
    );
    const trash = await t.request('GET', '/api/images/gallery?trash=true', { token });
    expect(ids(trash)).toEqual([image.id]);
    expect((await fetch(trash.body.images[0].thumbnailUrl)).status).toBe(200);

    // Editing waits for a restore.
    const edit = await t.request('PATCH', `/api/images/${image.id}`, {
      token,
      json: { title: 'x' },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('IN_TRASH');
    expect(edit.body.error.message).toMatch(/restore/i);

    // Deleting it again leaves it in the trash; restoring brings it back with album and tags.
    expect((await t.request('DELETE', `/api/images/${image.id}`, { token })).status).toBe(204);
    const restored = await t.request('POST', `/api/images/${image.id}/restore`, { token });
    expect(restored.status).toBe(200);
    expect(restored.body.image).toMatchObject({
      id: image.id,
      albumId: album.id,
      tags: ['sea'],
      title: 'Harbour',
      trashedAt: null,
    });
    expect(ids(await t.request('GET', '/api/images', { token }))).toEqual([kept.id, image.id]);
    expect(ids(await t.request('GET', '/api/images?trash=true', { token }))).toEqual([]);
    expect((await t.request('GET', '/api/albums', { token })).body.albums[0].imageCount).toBe(1);
    await expectObjectsMatchRows(user.id);
  });

  it("never trashes or restores another member's image, and answers 404 as for a missing one", async () => {
    const owner = await t.signup();
    const other = await t.signup();
    const { image } = await uploadImage(t, owner.token, { seed: 3 });
    const del = await t.request('DELETE', `/api/images/${image.id}`, { token: other.token });
    expect(del.status).toBe(404);
    const missing = await t.request('DELETE', `/api/images/${crypto.randomUUID()}`, {
      token: other.token,
    });
    expect(del.body).toEqual(missing.body);
    expect((await t.request('GET', `/api/images/${image.id}`, owner)).body.image.trashedAt).toBe(
      null,
    );

    await t.request('DELETE', `/api/images/${image.id}`, owner);
    const restore = await t.request('POST', `/api/images/${image.id}/restore`, {
      token: other.token,
    });
    expect(restore.status).toBe(404);
    const bulk = await t.request('POST', '/api/images/bulk-restore', {
      token: other.token,
      json: { ids: [image.id] },
    });
    expect(bulk.body).toEqual({
      restored: [],
      failed: [{ id: image.id, code: 'NOT_FOUND', message: expect.any(String) }],
    });
    expect(ids(await t.request('GET', '/api/images?trash=true', { token: other.token }))).toEqual(
      [],
    );
    // An administrator may look into it and restore it.
    const everyone = await t.request('GET', `/api/images?trash=true&owner=${owner.user.id}`, {
      token: admin.token,
    });
    expect(ids(everyone)).toEqual([image.id]);
    const byAdmin = await t.request('POST', `/api/images/${image.id}/restore`, {
      token: admin.token,
    });
    expect(byAdmin.status).toBe(200);
    const asMember = await t.request('GET', `/api/images?trash=true&owner=${owner.user.id}`, {
      token: other.token,
    });
    expect(asMember.status).toBe(403);
  });
});

describe('bulk delete and bulk restore', () => {
  it('move many images in one request and report each id', async () => {
    const { token, user } = await t.signup();
    const stranger = await t.signup();
    const theirs = (await uploadImage(t, stranger.token, { seed: 4 })).image;
    const images = [
      (await uploadImageWithThumbnail(t, token, { seed: 5 })).image,
      (await uploadImage(t, token, { seed: 6 })).image,
      (await uploadImage(t, token, { seed: 7 })).image,
    ];
    const missing = crypto.randomUUID();
    const res = await t.request('POST', '/api/images/bulk-delete', {
      token,
      json: { ids: [images[0].id, missing, images[1].id, theirs.id, images[1].id] },
    });
    expect(res.status).toBe(200);
    expect(res.body.deleted).toEqual([images[0].id, images[1].id]);
    expect(res.body.failed).toEqual([
      { id: missing, code: 'NOT_FOUND', message: expect.any(String) },
      { id: theirs.id, code: 'NOT_FOUND', message: expect.any(String) },
    ]);
    expect(ids(await t.request('GET', '/api/images', { token }))).toEqual([images[2].id]);
    expect(
      (await t.request('GET', `/api/images/${theirs.id}`, stranger)).body.image.trashedAt,
    ).toBe(null);
    await expectObjectsMatchRows(user.id);

    const back = await t.request('POST', '/api/images/bulk-restore', {
      token,
      json: { ids: [images[1].id, images[0].id, missing] },
    });
    expect(back.status).toBe(200);
    expect(back.body).toEqual({
      restored: [images[1].id, images[0].id],
      failed: [{ id: missing, code: 'NOT_FOUND', message: expect.any(String) }],
    });
    expect(ids(await t.request('GET', '/api/images', { token })).sort()).toEqual(
      images.map((i) => i.id).sort(),
    );
  });

  it('refuses an empty list, more than 500 ids and ids that are not UUIDs with 400', async () => {
    const { token } = await t.signup();
    for (const url of ['/api/images/bulk-delete', '/api/images/bulk-restore']) {
      for (const list of [
        [],
        Array.from({ length: 501 }, () => crypto.randomUUID()),
        ['not-a-uuid'],
        [`${crypto.randomUUID()}\u0000`],
      ]) {
        const res = await t.request('POST', url, { token, json: { ids: list } });
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
      }
    }
  });
});

describe('GET /api/images?trash=true', () => {
  it('lists newest trashed first, a page at a time, and refuses cursors and flags it did not make', async () => {
    const { token, user } = await t.signup();
    const rows = await insertImageRows(t, user.id, [{}, {}, {}, {}, {}]);
    // Trashed in an order unlike their upload order: 2, 0, 4, 1 (3 stays in the gallery).
    const order = [2, 0, 4, 1];
    for (const [i, index] of order.entries()) {
      await dbOf(t)
        .updateTable('images')
        .set({ trashedAt: new Date(Date.now() - (10 - i) * 60_000) })
        .where('id', '=', rows[index]!.id)
        .execute();
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await t.request('GET', `/api/images?trash=true&limit=3${query}`, { token });
      expect(page.status).toBe(200);
      seen.push(...ids(page));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...order].reverse().map((i) => rows[i]!.id));

    const galleryPage = await t.request('GET', '/api/images?limit=1', { token });
    const mixed = await t.request(
      'GET',
      `/api/images?trash=true&cursor=${galleryPage.body.nextCursor}`,
      { token },
    );
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.code).toBe('VALIDATION_FAILED');
    const flag = await t.request('GET', '/api/images?trash=yes', { token });
    expect(flag.status).toBe(400);
    expect(flag.body.error.message).toMatch(/trash/);
    await dbOf(t).deleteFrom('images').where('ownerId', '=', user.id).execute();
  });
});

describe('Empty trash', () => {
  it("deletes the caller's trash for good, objects first, and nothing else", async () => {
    const { token, user } = await t.signup();
    const other = await t.signup();
    const trashed = [
      (await uploadImageWithThumbnail(t, token, { seed: 8 })).image,
      (await uploadImage(t, token, { seed: 9 })).image,
    ];
    const kept = (await uploadImage(t, token, { seed: 10 })).image;
    const theirs = (await uploadImage(t, other.token, { seed: 11 })).image;
    await t.request('POST', '/api/images/bulk-delete', {
      token,
      json: { ids: trashed.map((i) => i.id) },
    });
    await t.request('DELETE', `/api/images/${theirs.id}`, other);

    const res = await t.request('POST', '/api/images/empty-trash', { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: 2, remaining: 0 });
    expect(await objectKeysOf(t, user.id)).toEqual([kept.key]);
    expect((await imageRowsOf(t, user.id)).map((r) => r.id)).toEqual([kept.id]);
    expect(ids(await t.request('GET', '/api/images?trash=true', other))).toEqual([theirs.id]);
    await expectObjectsMatchRows(other.user.id);
    const again = await t.request('POST', '/api/images/empty-trash', { token });
    expect(again.body).toEqual({ deleted: 0, remaining: 0 });
  });

  it('does a bounded amount per request and says how many remain', async () => {
    const { token, user } = await t.signup();
    await insertImageRows(
      t,
      user.id,
      Array.from({ length: 510 }, () => ({})),
    );
    await dbOf(t)
      .updateTable('images')
      .set({ trashedAt: new Date() })
      .where('ownerId', '=', user.id)
      .execute();
    const first = await t.request('POST', '/api/images/empty-trash', { token });
    expect(first.body).toEqual({ deleted: 500, remaining: 10 });
    const second = await t.request('POST', '/api/images/empty-trash', { token });
    expect(second.body).toEqual({ deleted: 10, remaining: 0 });
    expect(await imageRowsOf(t, user.id)).toEqual([]);
  });
});

describe('the TRASH_DAYS purge', () => {
  it('deletes what has been in the trash longer than TRASH_DAYS, objects first, and nothing newer', async () => {
    const { token, user } = await t.signup();
    const old = (await uploadImageWithThumbnail(t, token, { seed: 12 })).image;
    const recent = (await uploadImage(t, token, { seed: 13 })).image;
    const live = (await uploadImage(t, token, { seed: 14 })).image;
    await t.request('POST', '/api/images/bulk-delete', {
      token,
      json: { ids: [old.id, recent.id] },
    });
    const days = t.server.services.config.trashDays;
    expect(days).toBe(30);
    await dbOf(t)
      .updateTable('images')
      .set({ trashedAt: new Date(Date.now() - (days + 1) * DAY_MS) })
      .where('id', '=', old.id)
      .execute();

    // The bucket reconciler treats trashed images as live: their objects stay.
    const later = new Date(Date.now() + (t.server.services.config.pendingGraceSeconds + 60) * 1000);
    for (let i = 0; i < 4; i++) await t.server.reconciler.run(later);
    await expectObjectsMatchRows(user.id);
    expect(await objectKeysOf(t, user.id)).toHaveLength(4);

    expect(await t.server.trashPurger.run()).toBe(1);
    expect((await imageRowsOf(t, user.id)).map((r) => r.id).sort()).toEqual(
      [recent.id, live.id].sort(),
    );
    await expectObjectsMatchRows(user.id);
    const restore = await t.request('POST', `/api/images/${old.id}/restore`, { token });
    expect(restore.status).toBe(404);
    expect(ids(await t.request('GET', '/api/images?trash=true', { token }))).toEqual([recent.id]);
  });
});

describe('deleting an account', () => {
  it('removes its trashed images and their objects too', async () => {
    const member = await t.signup();
    const { image } = await uploadImageWithThumbnail(t, member.token, { seed: 15 });
    await uploadImage(t, member.token, { seed: 16 });
    await t.request('DELETE', `/api/images/${image.id}`, member);
    const res = await t.request('DELETE', `/api/admin/users/${member.user.id}`, {
      token: admin.token,
    });
    expect(res.status).toBe(204);
    expect(await objectKeysOf(t, member.user.id)).toEqual([]);
    expect(await imageRowsOf(t, member.user.id)).toEqual([]);
  });
});
