// Another user's image and album are missing to a member on every route (the same answer as for
// an id that does not exist, so nothing leaks); an administrator can read and delete them.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageRowsOf, objectExists, objectKeysOf } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import {
  keyHint,
  makePng,
  presignAndPut,
  registerBody,
  uploadImage,
  uploadImageWithThumbnail,
} from '../upload-helpers';

type Account = Awaited<ReturnType<TestServer['signup']>>;

let t: TestServer;
let admin: Account;
let a: Account;
let b: Account;
/** A's image (with a thumbnail), in A's album. */
let aImage: any;
let aAlbum: any;
let bImage: any;

beforeAll(async () => {
  t = await startTestServer();
  admin = await t.signup(); // the first account on a server is its administrator
  a = await t.signup();
  b = await t.signup();
  const album = await t.request('POST', '/api/albums', { token: a.token, json: { name: 'Mine' } });
  aAlbum = album.body.album;
  aImage = (await uploadImageWithThumbnail(t, a.token, { seed: 1, albumId: aAlbum.id })).image;
  bImage = (await uploadImage(t, b.token, { seed: 2 })).image;
});
afterAll(() => t.close());

/** Requests B's request against A's resource and against a random id; both must read the same. */
async function expectSameAsMissing(
  method: string,
  path: (id: string) => string,
  json?: unknown,
  id: string = aImage.id,
) {
  const probe = await t.request(method, path(id), { token: b.token, json });
  const missing = await t.request(method, path(crypto.randomUUID()), { token: b.token, json });
  expect(probe.status).toBe(404);
  expect(probe.body.error.code).toBe('NOT_FOUND');
  expect(probe.body).toEqual(missing.body);
  expect(probe.status).toBe(missing.status);
}

async function expectAIntact() {
  const res = await t.request('GET', `/api/images/${aImage.id}`, { token: a.token });
  expect(res.status).toBe(200);
  expect(res.body.image).toEqual(aImage);
  expect(await objectKeysOf(t, a.user.id)).toEqual([aImage.key, aImage.thumbnailKey].sort());
}

describe('a member against another member’s image', () => {
  it('GET /api/images/:id is 404, like a random id', async () => {
    await expectSameAsMissing('GET', (id) => `/api/images/${id}`);
  });

  it('GET /api/images/:id/signed-url is 404 for either variant', async () => {
    await expectSameAsMissing('GET', (id) => `/api/images/${id}/signed-url`);
    await expectSameAsMissing('GET', (id) => `/api/images/${id}/signed-url?variant=thumbnail`);
  });

  it('GET /api/images/signed-url?key= is 404 for the original and the thumbnail key', async () => {
    const missingKey = `users/${a.user.id}/${keyHint()}.png`;
    const missing = await t.request('GET', `/api/images/signed-url?key=${missingKey}`, {
      token: b.token,
    });
    expect(missing.status).toBe(404);
    for (const key of [aImage.key, aImage.thumbnailKey]) {
      const res = await t.request('GET', `/api/images/signed-url?key=${encodeURIComponent(key)}`, {
        token: b.token,
      });
      expect(res.status).toBe(404);
      expect(res.body).toEqual(missing.body);
    }
    // The owner gets a URL for the same keys.
    const own = await t.request(
      'GET',
      `/api/images/signed-url?key=${encodeURIComponent(aImage.thumbnailKey)}`,
      { token: a.token },
    );
    expect(own.status).toBe(200);
  });

  it('PATCH is 404 and changes nothing', async () => {
    await expectSameAsMissing('PATCH', (id) => `/api/images/${id}`, { title: 'mine now' });
    await expectSameAsMissing('PATCH', (id) => `/api/images/${id}`, { albumId: null });
    await expectAIntact();
  });

  it('DELETE is 404 and deletes nothing', async () => {
    await expectSameAsMissing('DELETE', (id) => `/api/images/${id}`);
    await expectAIntact();
  });

  it('bulk-delete reports A’s id as NOT_FOUND, like a random id, and deletes only B’s own', async () => {
    const own = (await uploadImage(t, b.token, { seed: 3 })).image;
    const random = crypto.randomUUID();
    const res = await t.request('POST', '/api/images/bulk-delete', {
      token: b.token,
      json: { ids: [aImage.id, own.id, random] },
    });
    expect(res.status).toBe(200);
    expect(res.body.deleted).toEqual([own.id]);
    const failed = res.body.failed as { id: string; code: string; message: string }[];
    expect(failed.map((f) => [f.id, f.code])).toEqual([
      [aImage.id, 'NOT_FOUND'],
      [random, 'NOT_FOUND'],
    ]);
    expect(failed[0]!.message).toBe(failed[1]!.message);
    // B's own went to the trash (objects kept until it is emptied).
    const trash = await t.request('GET', '/api/images?trash=true', { token: b.token });
    expect(trash.body.images.map((i: any) => i.id)).toEqual([own.id]);
    expect(await objectExists(t, own.key)).toBe(true);
    await expectAIntact();
  });

  it('registering A’s key is refused like a key never presigned', async () => {
    const data = await makePng(64, 48, 1);
    const res = await t.request('POST', '/api/images', {
      token: b.token,
      json: registerBody(aImage.key, data),
    });
    const never = await t.request('POST', '/api/images', {
      token: b.token,
      json: registerBody(`users/${b.user.id}/${keyHint()}.png`, data),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('KEY_NOT_PRESIGNED');
    expect(res.body).toEqual(never.body);
    expect((await imageRowsOf(t, b.user.id)).map((r) => r.key)).not.toContain(aImage.key);
  });

  it('listing another owner is 403 for a member, whoever that owner is', async () => {
    for (const owner of [a.user.id, crypto.randomUUID(), 'all']) {
      for (const path of ['/api/images', '/api/images/gallery']) {
        const res = await t.request('GET', `${path}?owner=${owner}`, { token: b.token });
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
    }
    const self = await t.request('GET', `/api/images?owner=${b.user.id}`, { token: b.token });
    expect(self.status).toBe(200);
    expect(self.body.images.map((i: any) => i.ownerId)).toEqual([b.user.id]);
  });

  it('the member’s own listings never show A’s image, whatever the filter', async () => {
    const queries = [
      '',
      `?sha256=${aImage.sha256}`,
      `?albumId=${aAlbum.id}`,
      `?q=${encodeURIComponent(aImage.filename)}`,
      '?owner=me',
    ];
    for (const query of queries) {
      for (const path of ['/api/images', '/api/images/gallery']) {
        const res = await t.request('GET', `${path}${query}`, { token: b.token });
        expect(res.status).toBe(200);
        expect(res.body.images.map((i: any) => i.id)).not.toContain(aImage.id);
      }
    }
  });
});

describe('a member against another member’s album', () => {
  it('PATCH and DELETE are 404, like a random id, and the album stays', async () => {
    await expectSameAsMissing('PATCH', (id) => `/api/albums/${id}`, { name: 'taken' }, aAlbum.id);
    await expectSameAsMissing('DELETE', (id) => `/api/albums/${id}`, undefined, aAlbum.id);
    const albums = await t.request('GET', '/api/albums', { token: a.token });
    expect(albums.body.albums).toEqual([{ ...aAlbum, imageCount: 1 }]);
    const theirs = await t.request('GET', '/api/albums', { token: b.token });
    expect(theirs.body.albums).toEqual([]);
  });

  it('moving the member’s own image into A’s album is 404', async () => {
    const own = await t.request('PATCH', `/api/images/${bImage.id}`, {
      token: b.token,
      json: { albumId: aAlbum.id },
    });
    const random = await t.request('PATCH', `/api/images/${bImage.id}`, {
      token: b.token,
      json: { albumId: crypto.randomUUID() },
    });
    expect(own.status).toBe(404);
    expect(own.body).toEqual(random.body);
    const after = await t.request('GET', `/api/images/${bImage.id}`, { token: b.token });
    expect(after.body.image.albumId).toBeNull();
  });

  it('uploading through the server into A’s album is 404 and stores nothing', async () => {
    const before = await objectKeysOf(t, b.user.id);
    const form = new FormData();
    const data = await makePng(20, 20, 4);
    form.append('albumId', aAlbum.id);
    form.append('image', new Blob([new Uint8Array(data)], { type: 'image/png' }), 'x.png');
    const res = await t.request('POST', '/api/images/upload', { token: b.token, body: form });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(await objectKeysOf(t, b.user.id)).toEqual(before);
  });
});

describe('without a token', () => {
  it.each([
    ['GET', '/api/images'],
    ['GET', '/api/images/gallery'],
    ['GET', `/api/images/${crypto.randomUUID()}`],
    ['GET', `/api/images/${crypto.randomUUID()}/signed-url`],
    ['GET', '/api/images/signed-url?key=users/x/y.png'],
    ['PATCH', `/api/images/${crypto.randomUUID()}`],
    ['DELETE', `/api/images/${crypto.randomUUID()}`],
    ['POST', '/api/images/bulk-delete'],
    ['GET', '/api/albums'],
    ['POST', '/api/albums'],
  ])('%s %s is 401', async (method, path) => {
    const json = method === 'GET' || method === 'DELETE' ? undefined : {};
    const res = await t.request(method, path, { json });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('AUTH_REQUIRED');
  });
});

describe('an administrator', () => {
  it('lists everyone’s images with owner=all, and one user’s with owner=<id>', async () => {
    expect(admin.user.role).toBe('admin');
    const all = await t.request('GET', '/api/images?owner=all&limit=200', { token: admin.token });
    expect(all.status).toBe(200);
    const ids = all.body.images.map((i: any) => i.id);
    expect(ids).toEqual(expect.arrayContaining([aImage.id, bImage.id]));

    const onlyA = await t.request('GET', `/api/images?owner=${a.user.id}`, { token: admin.token });
    expect(onlyA.status).toBe(200);
    expect(onlyA.body.images).toEqual([aImage]);

    const own = await t.request('GET', '/api/images', { token: admin.token });
    expect(own.body.images).toEqual([]);
  });

  it('reads another user’s image and its bytes', async () => {
    const res = await t.request('GET', `/api/images/${aImage.id}`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body.image).toEqual(aImage);
    const url = await t.request('GET', `/api/images/${aImage.id}/signed-url`, {
      token: admin.token,
    });
    expect(url.status).toBe(200);
    const bytes = Buffer.from(await (await fetch(url.body.url)).arrayBuffer());
    expect(bytes.equals(await makePng(64, 48, 1))).toBe(true);
    const byKey = await t.request(
      'GET',
      `/api/images/signed-url?key=${encodeURIComponent(aImage.thumbnailKey)}`,
      { token: admin.token },
    );
    expect(byKey.status).toBe(200);
    const gallery = await t.request('GET', `/api/images/gallery?owner=${a.user.id}`, {
      token: admin.token,
    });
    expect(gallery.body.images.map((i: any) => i.id)).toEqual([aImage.id]);
  });

  it('deletes another user’s image with its objects', async () => {
    const { image } = await uploadImageWithThumbnail(t, b.token, { seed: 5 });
    const res = await t.request('DELETE', `/api/images/${image.id}?permanent=true`, {
      token: admin.token,
    });
    expect(res.status).toBe(204);
    expect(await objectExists(t, image.key)).toBe(false);
    expect(await objectExists(t, image.thumbnailKey)).toBe(false);
    expect((await t.request('GET', `/api/images/${image.id}`, { token: b.token })).status).toBe(
      404,
    );
  });

  it('cannot register another user’s presigned key', async () => {
    const data = await makePng(20, 20, 6);
    const upload = await presignAndPut(t, b.token, { data });
    const res = await t.request('POST', '/api/images', {
      token: admin.token,
      json: registerBody(upload.key, data),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('KEY_NOT_PRESIGNED');
  });
});
