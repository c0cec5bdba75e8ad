// Deleting images for good (permanent=true): the objects go first, then the row; a store that
// refuses leaves the row. Moving images to the trash is tests/server/api/trash.test.ts.
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

describe('DELETE /api/images/:id?permanent=true', () => {
  it('removes the original, the thumbnail and the row', async () => {
    const { token, user } = await t.signup();
    const { image } = await uploadImageWithThumbnail(t, token, { seed: 1 });
    const kept = (await uploadImage(t, token, { seed: 2 })).image;
    const signed = await t.request('GET', `/api/images/${image.id}/signed-url`, { token });
    expect((await fetch(signed.body.url)).status).toBe(200);

    const res = await t.request('DELETE', `/api/images/${image.id}?permanent=true`, { token });
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
    const url = `/api/images/${image.id}?permanent=true`;
    expect((await t.request('DELETE', url, { token })).status).toBe(204);
    const again = await t.request('DELETE', url, { token });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('NOT_FOUND');
    // Nor can it be restored: it is gone, not in the trash.
    expect((await t.request('POST', `/api/images/${image.id}/restore`, { token })).status).toBe(
      404,
    );
    const never = await t.request('DELETE', `/api/images/${crypto.randomUUID()}?permanent=true`, {
      token,
    });
    expect(never.body).toEqual(again.body);
    const notAnId = await t.request('DELETE', '/api/images/not-a-uuid', { token });
    expect(notAnId.status).toBe(400);
    expect(notAnId.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a permanent flag that is not true or false with 400', async () => {
    const { token } = await t.signup();
    const { image } = await uploadImage(t, token, { seed: 12 });
    const res = await t.request('DELETE', `/api/images/${image.id}?permanent=yes%00`, { token });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toMatch(/permanent/);
    expect(
      (await t.request('GET', `/api/images/${image.id}`, { token })).body.image.trashedAt,
    ).toBe(null);
  });

  it('takes the image out of its album’s count', async () => {
    const { token } = await t.signup();
    const album = (await t.request('POST', '/api/albums', { token, json: { name: 'A' } })).body
      .album;
    const { image } = await uploadImage(t, token, { seed: 4, albumId: album.id });
    await uploadImage(t, token, { seed: 5, albumId: album.id });
    const url = `/api/images/${image.id}?permanent=true`;
    expect((await t.request('DELETE', url, { token })).status).toBe(204);
    const albums = await t.request('GET', '/api/albums', { token });
    expect(albums.body.albums[0].imageCount).toBe(1);
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
      const res = await t.request('DELETE', `/api/images/${image.id}?permanent=true`, { token });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('STORAGE_UNAVAILABLE');
      expect(res.body.error.message).toMatch(/try again/i);

      // Emptying the trash is refused the same way, and its images stay in the trash.
      expect((await t.request('DELETE', `/api/images/${other.id}`, { token })).status).toBe(204);
      const empty = await t.request('POST', '/api/images/empty-trash', { token });
      expect(empty.status).toBe(503);
      expect(empty.body.error.code).toBe('STORAGE_UNAVAILABLE');
      const trash = await t.request('GET', '/api/images?trash=true', { token });
      expect(trash.body.images.map((i: any) => i.id)).toEqual([other.id]);

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
    const again = await t.request('DELETE', `/api/images/${image.id}?permanent=true`, { token });
    expect(again.status).toBe(204);
    expect(await objectKeysOf(t, user.id)).toEqual([other.key]);
    expect((await t.request('GET', `/api/images/${image.id}`, { token })).status).toBe(404);
    const empty = await t.request('POST', '/api/images/empty-trash', { token });
    expect(empty.body).toEqual({ deleted: 1, remaining: 0 });
    expect(await objectKeysOf(t, user.id)).toEqual([]);
    expect(await imageRowsOf(t, user.id)).toEqual([]);
  });
});
