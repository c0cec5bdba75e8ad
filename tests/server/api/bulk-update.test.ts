// POST /api/images/bulk-update: tags added and removed, title, alt and album set on many images in
// one request, each id checked (ownership, trash, album, tag limit) and reported on its own.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertImageRows } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { uploadImage } from '../upload-helpers';

let t: TestServer;
let admin: Awaited<ReturnType<TestServer['signup']>>;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.signup(); // the first account is an administrator
});
afterAll(() => t.close());

const get = async (token: string, id: string) =>
  (await t.request('GET', `/api/images/${id}`, { token })).body.image;

describe('POST /api/images/bulk-update', () => {
  it('adds and removes tags, sets title, alt and album on each image, keeping their other tags', async () => {
    const { token } = await t.signup();
    const album = (await t.request('POST', '/api/albums', { token, json: { name: 'Coast' } })).body
      .album;
    const a = (await uploadImage(t, token, { seed: 1 })).image;
    const b = (await uploadImage(t, token, { seed: 2 })).image;
    await t.request('PATCH', `/api/images/${a.id}`, { token, json: { tags: ['old', 'sea'] } });

    const res = await t.request('POST', '/api/images/bulk-update', {
      token,
      json: {
        ids: [a.id, b.id, a.id],
        addTags: ['sea', ' summer '],
        removeTags: ['old'],
        title: '  Harbour ',
        alt: 'Boats at dusk',
        albumId: album.id,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.failed).toEqual([]);
    expect(res.body.updated.map((i: any) => i.id)).toEqual([a.id, b.id]);
    expect(await get(token, a.id)).toMatchObject({
      tags: ['sea', 'summer'],
      title: 'Harbour',
      alt: 'Boats at dusk',
      albumId: album.id,
    });
    expect(await get(token, b.id)).toMatchObject({ tags: ['sea', 'summer'], albumId: album.id });
    expect((await t.request('GET', '/api/albums', { token })).body.albums[0].imageCount).toBe(2);

    // null clears; leaving a field out leaves it alone.
    const cleared = await t.request('POST', '/api/images/bulk-update', {
      token,
      json: { ids: [a.id], title: null, albumId: null },
    });
    expect(cleared.body.updated[0]).toMatchObject({
      title: null,
      albumId: null,
      alt: 'Boats at dusk',
      tags: ['sea', 'summer'],
    });
  });

  it("reports another member's image, a missing one and one in the trash as failed, and changes none of them", async () => {
    const { token } = await t.signup();
    const other = await t.signup();
    const mine = (await uploadImage(t, token, { seed: 3 })).image;
    const trashed = (await uploadImage(t, token, { seed: 4 })).image;
    const theirs = (await uploadImage(t, other.token, { seed: 5 })).image;
    await t.request('DELETE', `/api/images/${trashed.id}`, { token });
    const missing = crypto.randomUUID();
    const res = await t.request('POST', '/api/images/bulk-update', {
      token,
      json: { ids: [theirs.id, mine.id, missing, trashed.id], addTags: ['x'] },
    });
    expect(res.status).toBe(200);
    expect(res.body.updated.map((i: any) => i.id)).toEqual([mine.id]);
    expect(res.body.failed.map((f: any) => [f.id, f.code])).toEqual([
      [theirs.id, 'NOT_FOUND'],
      [missing, 'NOT_FOUND'],
      [trashed.id, 'IN_TRASH'],
    ]);
    // Another member's image reads exactly like a missing one.
    expect(res.body.failed[0].message).toBe(res.body.failed[1].message);
    expect((await get(other.token, theirs.id)).tags).toEqual([]);
    expect((await get(token, trashed.id)).tags).toEqual([]);
  });

  it("refuses another member's album for every image, and lets an admin move an image into its owner's album", async () => {
    const owner = await t.signup();
    const stranger = await t.signup();
    const image = (await uploadImage(t, owner.token, { seed: 6 })).image;
    const theirAlbum = (
      await t.request('POST', '/api/albums', { token: stranger.token, json: { name: 'Theirs' } })
    ).body.album;
    const ownAlbum = (
      await t.request('POST', '/api/albums', { token: owner.token, json: { name: 'Own' } })
    ).body.album;
    const res = await t.request('POST', '/api/images/bulk-update', {
      token: owner.token,
      json: { ids: [image.id], albumId: theirAlbum.id },
    });
    expect(res.body.failed.map((f: any) => f.code)).toEqual(['NOT_FOUND']);
    expect((await get(owner.token, image.id)).albumId).toBeNull();

    // An admin may edit anyone's image, but an image only goes into its owner's album.
    const wrongAlbum = await t.request('POST', '/api/images/bulk-update', {
      token: admin.token,
      json: { ids: [image.id], albumId: theirAlbum.id },
    });
    expect(wrongAlbum.body.failed.map((f: any) => f.code)).toEqual(['NOT_FOUND']);
    const byAdmin = await t.request('POST', '/api/images/bulk-update', {
      token: admin.token,
      json: { ids: [image.id], albumId: ownAlbum.id, addTags: ['checked'] },
    });
    expect(byAdmin.body.updated[0]).toMatchObject({ albumId: ownAlbum.id, tags: ['checked'] });
  });

  it('refuses an image that would pass 50 tags, and bad requests with 400 and a sentence', async () => {
    const { token, user } = await t.signup();
    const [row] = await insertImageRows(t, user.id, [{}]);
    await t.request('PATCH', `/api/images/${row!.id}`, {
      token,
      json: { tags: Array.from({ length: 49 }, (_, i) => `t${i}`) },
    });
    const full = await t.request('POST', '/api/images/bulk-update', {
      token,
      json: { ids: [row!.id], addTags: ['a', 'b'] },
    });
    expect(full.body.failed).toEqual([
      { id: row!.id, code: 'VALIDATION_FAILED', message: expect.stringMatching(/at most 50/) },
    ]);

    const id = row!.id;
    const bad: Array<[unknown, RegExp]> = [
      [{ ids: [id] }, /at least one of/],
      [{ ids: [], addTags: ['x'] }, /ids/],
      [{ ids: Array.from({ length: 501 }, () => crypto.randomUUID()), addTags: ['x'] }, /500/],
      [{ ids: [id], addTags: ['bad\u0000tag'] }, /addTags/],
      [{ ids: [id], title: 'a\u0007b' }, /title/],
      [{ ids: [id], alt: 'x'.repeat(1001) }, /alt/],
      [{ ids: [id], addTags: [] }, /addTags/],
      [{ ids: [id], albumId: 'not-a-uuid' }, /albumId/],
    ];
    for (const [json, message] of bad) {
      const res = await t.request('POST', '/api/images/bulk-update', { token, json });
      expect(res.status, JSON.stringify(json).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message).toMatch(message);
    }
    await t.server.services.database.db.deleteFrom('images').where('id', '=', id).execute();
  });
});
