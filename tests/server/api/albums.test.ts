// Albums: create, list with counts, rename, delete (their images stay, unassigned), move images.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectKeysOf } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { uploadImage } from '../upload-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

async function createAlbum(token: string, name: string) {
  const res = await t.request('POST', '/api/albums', { token, json: { name } });
  expect(res.status).toBe(201);
  return res.body.album as {
    id: string;
    name: string;
    imageCount: number;
    ownerId: string;
    createdAt: string;
  };
}

async function albumsOf(token: string) {
  const res = await t.request('GET', '/api/albums', { token });
  expect(res.status).toBe(200);
  return res.body.albums as { id: string; name: string; imageCount: number }[];
}

describe('albums', () => {
  it('creates albums and lists them by name with their image counts', async () => {
    const { token, user } = await t.signup();
    expect(await albumsOf(token)).toEqual([]);
    const trips = await createAlbum(token, '  Trips  ');
    expect(trips).toMatchObject({ name: 'Trips', ownerId: user.id, imageCount: 0 });
    expect(Date.parse(trips.createdAt)).not.toBeNaN();
    const family = await createAlbum(token, 'Family');
    await uploadImage(t, token, { seed: 1, albumId: trips.id });
    await uploadImage(t, token, { seed: 2, albumId: trips.id });
    await uploadImage(t, token, { seed: 3 });

    const albums = await albumsOf(token);
    expect(albums.map((a) => [a.name, a.imageCount])).toEqual([
      ['Family', 0],
      ['Trips', 2],
    ]);
    expect(albums.map((a) => a.id)).toEqual([family.id, trips.id]);
  });

  it('renames an album', async () => {
    const { token } = await t.signup();
    const album = await createAlbum(token, 'Old name');
    await uploadImage(t, token, { seed: 4, albumId: album.id });
    const res = await t.request('PATCH', `/api/albums/${album.id}`, {
      token,
      json: { name: 'New name' },
    });
    expect(res.status).toBe(200);
    expect(res.body.album).toEqual({ ...album, name: 'New name', imageCount: 1 });
    expect((await albumsOf(token)).map((a) => a.name)).toEqual(['New name']);
  });

  it('deletes an album and keeps its images, now in no album', async () => {
    const { token, user } = await t.signup();
    const album = await createAlbum(token, 'Doomed');
    const images = [
      (await uploadImage(t, token, { seed: 5, albumId: album.id })).image,
      (await uploadImage(t, token, { seed: 6, albumId: album.id })).image,
    ];
    const res = await t.request('DELETE', `/api/albums/${album.id}`, { token });
    expect(res.status).toBe(204);
    expect(await albumsOf(token)).toEqual([]);

    for (const image of images) {
      const got = await t.request('GET', `/api/images/${image.id}`, { token });
      expect(got.status).toBe(200);
      expect(got.body.image).toEqual({ ...image, albumId: null });
    }
    const none = await t.request('GET', '/api/images?albumId=none', { token });
    expect(none.body.images).toHaveLength(2);
    expect(await objectKeysOf(t, user.id)).toEqual(images.map((i) => i.key).sort());

    const again = await t.request('DELETE', `/api/albums/${album.id}`, { token });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('NOT_FOUND');
    // Listing a deleted album's images shows none, rather than failing.
    const gone = await t.request('GET', `/api/images?albumId=${album.id}`, { token });
    expect(gone.status).toBe(200);
    expect(gone.body.images).toEqual([]);
  });

  it('moves an image between albums and out of them with PATCH albumId', async () => {
    const { token } = await t.signup();
    const first = await createAlbum(token, 'First');
    const second = await createAlbum(token, 'Second');
    const { image } = await uploadImage(t, token, { seed: 7 });

    const patch = (albumId: string | null) =>
      t.request('PATCH', `/api/images/${image.id}`, { token, json: { albumId } });
    const counts = async () => (await albumsOf(token)).map((a) => a.imageCount);

    const moved = await patch(first.id);
    expect(moved.status).toBe(200);
    expect(moved.body.image).toEqual({ ...image, albumId: first.id });
    expect(await counts()).toEqual([1, 0]);

    expect((await patch(second.id)).body.image.albumId).toBe(second.id);
    expect(await counts()).toEqual([0, 1]);

    expect((await patch(null)).body.image.albumId).toBeNull();
    expect(await counts()).toEqual([0, 0]);

    const missing = await patch(crypto.randomUUID());
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const after = await t.request('GET', `/api/images/${image.id}`, { token });
    expect(after.body.image.albumId).toBeNull();
  });

  it('edits title, alt and tags alongside the album', async () => {
    const { token } = await t.signup();
    const album = await createAlbum(token, 'Edits');
    const { image } = await uploadImage(t, token, { seed: 8, title: 'Before' });
    const res = await t.request('PATCH', `/api/images/${image.id}`, {
      token,
      json: { title: '  After  ', alt: 'A red square', tags: ['red', 'square'], albumId: album.id },
    });
    expect(res.status).toBe(200);
    expect(res.body.image).toEqual({
      ...image,
      title: 'After',
      alt: 'A red square',
      tags: ['red', 'square'],
      albumId: album.id,
    });
    const cleared = await t.request('PATCH', `/api/images/${image.id}`, {
      token,
      json: { title: null },
    });
    expect(cleared.body.image).toMatchObject({
      title: null,
      alt: 'A red square',
      albumId: album.id,
    });
  });
});

describe('album validation', () => {
  it.each([
    ['an empty name', { name: '' }],
    ['a blank name', { name: '   ' }],
    ['a name over 100 characters', { name: 'x'.repeat(101) }],
    ['no name', {}],
    ['a name that is not text', { name: 42 }],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_, body) => {
    const { token } = await t.signup();
    const created = await t.request('POST', '/api/albums', { token, json: body });
    expect(created.status).toBe(400);
    expect(created.body.error.code).toBe('VALIDATION_FAILED');
    expect(created.body.error.message).toContain('name');

    const album = await createAlbum(token, 'Valid');
    const renamed = await t.request('PATCH', `/api/albums/${album.id}`, { token, json: body });
    expect(renamed.status).toBe(400);
    expect((await albumsOf(token)).map((a) => a.name)).toEqual(['Valid']);
  });

  it('refuses a malformed album id and an empty image edit', async () => {
    const { token } = await t.signup();
    const bad = await t.request('PATCH', '/api/albums/not-a-uuid', { token, json: { name: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const { image } = await uploadImage(t, token, { seed: 9 });
    const empty = await t.request('PATCH', `/api/images/${image.id}`, { token, json: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('VALIDATION_FAILED');
    const badAlbum = await t.request('PATCH', `/api/images/${image.id}`, {
      token,
      json: { albumId: 'nope' },
    });
    expect(badAlbum.status).toBe(400);
  });

  it('renaming or deleting a random album id is 404', async () => {
    const { token } = await t.signup();
    const id = crypto.randomUUID();
    const renamed = await t.request('PATCH', `/api/albums/${id}`, { token, json: { name: 'x' } });
    expect(renamed.status).toBe(404);
    expect(renamed.body.error.code).toBe('NOT_FOUND');
    expect((await t.request('DELETE', `/api/albums/${id}`, { token })).status).toBe(404);
  });
});
