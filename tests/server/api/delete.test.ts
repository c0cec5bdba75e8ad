// Deleting images: the objects go first, then the row; a store that refuses leaves the row.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageRowsOf, objectExists, objectKeysOf } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { uploadImage, uploadImageWithThumbnail } from '../upload-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('DELETE /api/images/:id', () => {
  it('removes the original, the thumbnail and the row', async () => {
    const { token, user } = await t.signup();
    const { image } = await uploadImageWithThumbnail(t, token, { seed: 1 });
    const kept = (await uploadImage(t, token, { seed: 2 })).image;
    const signed = await t.request('GET', `/api/images/${image.id}/signed-url`, { token });
    expect((await fetch(signed.body.url)).status).toBe(200);

    const res = await t.request('DELETE', `/api/images/${image.id}`, { token });
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();

    expect(await objectExists(t, image.key)).toBe(false);
    expect(await objectExists(t, image.thumbnailKey)).toBe(false);
    expect(await objectKeysOf(t, user.id)).toEqual([kept.key]);
    expect((await imageRowsOf(t, user.id)).map((r) => r.id)).toEqual([kept.id]);
    expect((await t.request('GET', `/api/images/${image.id}`, { token })).status).toBe(404);
    // A signed URL handed out before the delete now finds nothing.
    expect((await fetch(signed.body.url)).status).toBe(404);
    const gallery = await t.request('GET', '/api/images/gallery', { token });
    expect(gallery.body.images.map((i: any) => i.id)).toEqual([kept.id]);
  });

  it('answers 404 for a second delete and for an id that never existed', async () => {
    const { token } = await t.signup();
    const { image } = await uploadImage(t, token, { seed: 3 });
    expect((await t.request('DELETE', `/api/images/${image.id}`, { token })).status).toBe(204);
    const again = await t.request('DELETE', `/api/images/${image.id}`, { token });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('NOT_FOUND');
    const never = await t.request('DELETE', `/api/images/${crypto.randomUUID()}`, { token });
    expect(never.body).toEqual(again.body);
    const notAnId = await t.request('DELETE', '/api/images/not-a-uuid', { token });
    expect(notAnId.status).toBe(400);
    expect(notAnId.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('takes the image out of its album’s count', async () => {
    const { token } = await t.signup();
    const album = (await t.request('POST', '/api/albums', { token, json: { name: 'A' } })).body
      .album;
    const { image } = await uploadImage(t, token, { seed: 4, albumId: album.id });
    await uploadImage(t, token, { seed: 5, albumId: album.id });
    expect((await t.request('DELETE', `/api/images/${image.id}`, { token })).status).toBe(204);
    const albums = await t.request('GET', '/api/albums', { token });
    expect(albums.body.albums[0].imageCount).toBe(1);
  });
});

describe('POST /api/images/bulk-delete', () => {
  it('reports what was deleted and what failed, and removes the deleted objects', async () => {
    const { token, user } = await t.signup();
    const images = [
      (await uploadImageWithThumbnail(t, token, { seed: 6 })).image,
      (await uploadImage(t, token, { seed: 7 })).image,
      (await uploadImage(t, token, { seed: 8 })).image,
    ];
    const kept = (await uploadImage(t, token, { seed: 9 })).image;
    const missing = crypto.randomUUID();
    const res = await t.request('POST', '/api/images/bulk-delete', {
      token,
      json: { ids: [images[0].id, missing, images[1].id, images[2].id, images[1].id] },
    });
    expect(res.status).toBe(200);
    expect(res.body.deleted).toEqual(images.map((i) => i.id));
    expect(res.body.failed).toEqual([
      { id: missing, code: 'NOT_FOUND', message: expect.any(String) },
    ]);
    expect(await objectKeysOf(t, user.id)).toEqual([kept.key]);
    expect((await imageRowsOf(t, user.id)).map((r) => r.id)).toEqual([kept.id]);
  });

  it('refuses an empty list, more than 500 ids and ids that are not UUIDs with 400', async () => {
    const { token } = await t.signup();
    for (const ids of [
      [],
      Array.from({ length: 501 }, () => crypto.randomUUID()),
      ['not-a-uuid'],
    ]) {
      const res = await t.request('POST', '/api/images/bulk-delete', { token, json: { ids } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('when the store is unavailable', () => {
  it('answers 503 STORAGE_UNAVAILABLE, keeps the row, and deletes once the store is back', async () => {
    const embedded = t.server.services.storage.embedded!;
    const { token, user } = await t.signup();
    const { image } = await uploadImageWithThumbnail(t, token, { seed: 10 });
    const other = (await uploadImage(t, token, { seed: 11 })).image;

    await embedded.pause();
    try {
      const res = await t.request('DELETE', `/api/images/${image.id}`, { token });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('STORAGE_UNAVAILABLE');
      expect(res.body.error.message).toMatch(/try again/i);

      const bulk = await t.request('POST', '/api/images/bulk-delete', {
        token,
        json: { ids: [other.id] },
      });
      expect(bulk.status).toBe(200);
      expect(bulk.body).toEqual({
        deleted: [],
        failed: [{ id: other.id, code: 'STORAGE_UNAVAILABLE', message: expect.any(String) }],
      });

      // The rows stay, so the user still sees both images and can retry.
      const get = await t.request('GET', `/api/images/${image.id}`, { token });
      expect(get.status).toBe(200);
      expect(get.body.image).toEqual(image);
      expect(await imageRowsOf(t, user.id)).toHaveLength(2);
    } finally {
      await embedded.resume();
    }

    expect(await objectKeysOf(t, user.id)).toEqual(
      [image.key, image.thumbnailKey, other.key].sort(),
    );
    expect((await t.request('DELETE', `/api/images/${image.id}`, { token })).status).toBe(204);
    expect(await objectKeysOf(t, user.id)).toEqual([other.key]);
    expect((await t.request('GET', `/api/images/${image.id}`, { token })).status).toBe(404);
  });
});
