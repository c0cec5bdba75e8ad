// Registering an upload: the server checks that this user presigned the key and that the object
// in the store is what was presigned; otherwise nothing is saved and storage stays in step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stagingKey } from '../../../src/server/storage/key-layout';
import { imageRowsOf, objectKeysOf, pendingKeysOf, stagedKeysOf, uploadStored } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import {
  keyHint,
  makePng,
  makeWebp,
  presign,
  presignAndPut,
  putObject,
  registerBody,
  uploadImageWithThumbnail,
} from '../upload-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

function register(token: string, json: unknown) {
  return t.request('POST', '/api/images', { token, json });
}

async function fetchBytes(url: string): Promise<Buffer> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('keys that were not presigned to the caller', () => {
  it('refuses a key that was never presigned', async () => {
    const { token, user } = await t.signup();
    const data = await makePng();
    const key = `users/${user.id}/${keyHint()}.png`;
    // Even with an object really in the store under that key.
    await t.server.services.storage.store.put(key, data, 'image/png');
    const res = await register(token, registerBody(key, data));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('KEY_NOT_PRESIGNED');
    expect(await imageRowsOf(t, user.id)).toEqual([]);
  });

  it('refuses another user’s presigned key, and that user can still register it', async () => {
    const a = await t.signup();
    const b = await t.signup();
    const data = await makePng(40, 40, 1);
    const upload = await presignAndPut(t, a.token, { data });

    const res = await register(b.token, registerBody(upload.key, data));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('KEY_NOT_PRESIGNED');
    expect(await imageRowsOf(t, b.user.id)).toEqual([]);
    expect(await pendingKeysOf(t, a.user.id)).toEqual([upload.key]);

    const own = await register(a.token, registerBody(upload.key, data));
    expect(own.status).toBe(201);
    expect(own.body.image.ownerId).toBe(a.user.id);

    // Once registered, it is still refused to B in exactly the same words.
    const later = await register(b.token, registerBody(upload.key, data));
    expect(later.status).toBe(400);
    expect(later.body).toEqual(res.body);
  });

  it('refuses an avatar or thumbnail key as the image key', async () => {
    const { token, user } = await t.signup();
    const thumb = await makeWebp();
    const upload = await presignAndPut(t, token, {
      data: thumb,
      contentType: 'image/webp',
      purpose: 'thumbnail',
    });
    const res = await register(
      token,
      registerBody(upload.key, thumb, { contentType: 'image/webp', filename: 't.webp' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('KEY_NOT_PRESIGNED');
    expect(await imageRowsOf(t, user.id)).toEqual([]);
  });

  it('refuses keys that are not object keys with 400 VALIDATION_FAILED', async () => {
    const { token } = await t.signup();
    const data = await makePng();
    for (const key of ['users/../../etc/passwd', 'a b.png', '', 'x'.repeat(600)]) {
      const res = await register(token, registerBody(key, data));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(
        key.includes('..') ? 'KEY_NOT_PRESIGNED' : 'VALIDATION_FAILED',
      );
    }
  });
});

describe('checking the object in the store', () => {
  it('refuses with 409 OBJECT_MISSING before the PUT, then registers after it', async () => {
    const { token, user } = await t.signup();
    const data = await makePng(50, 50, 2);
    const signed = await presign(t, token, { data });
    const early = await register(token, registerBody(signed.body.key, data));
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('OBJECT_MISSING');
    expect(await imageRowsOf(t, user.id)).toEqual([]);
    expect(await objectKeysOf(t, user.id)).toEqual([]);
    expect(await pendingKeysOf(t, user.id)).toEqual([signed.body.key]);

    expect(await putObject(signed.body, data)).toBe(200);
    const res = await register(token, registerBody(signed.body.key, data));
    expect(res.status).toBe(201);
    expect(await objectKeysOf(t, user.id)).toEqual([signed.body.key]);
    expect(await pendingKeysOf(t, user.id)).toEqual([]);
  });

  it('refuses a registration whose size, type or digest differs from the presign (422)', async () => {
    const { token, user } = await t.signup();
    const data = await makePng(50, 50, 3);
    const upload = await presignAndPut(t, token, { data });
    for (const change of [
      { size: data.length + 1 },
      { contentType: 'image/jpeg' },
      { sha256: 'f'.repeat(64) },
    ]) {
      const res = await register(token, registerBody(upload.key, data, change));
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('OBJECT_MISMATCH');
    }
    expect(await imageRowsOf(t, user.id)).toEqual([]);
    // The upload itself was fine, so it stays registrable with the true description.
    expect((await register(token, registerBody(upload.key, data))).status).toBe(201);
  });

  it('discards an object of another size than presigned (422) and forgets the key', async () => {
    const { token, user } = await t.signup();
    const data = await makePng(50, 50, 4);
    const signed = await presign(t, token, { data });
    // A store that did not enforce the signed length would let this happen.
    const other = Buffer.concat([data, Buffer.alloc(100)]);
    await t.server.services.storage.store.put(stagingKey(signed.body.key), other, 'image/png');

    const res = await register(token, registerBody(signed.body.key, data));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('OBJECT_MISMATCH');
    expect(await uploadStored(t, signed.body.key)).toBe(false);
    expect(await imageRowsOf(t, user.id)).toEqual([]);
    expect(await pendingKeysOf(t, user.id)).toEqual([]);

    const retry = await register(token, registerBody(signed.body.key, data));
    expect(retry.status).toBe(400);
    expect(retry.body.error.code).toBe('KEY_NOT_PRESIGNED');
  });

  it('discards an object of another type than presigned (422)', async () => {
    const { token, user } = await t.signup();
    const data = await makePng(50, 50, 5);
    const signed = await presign(t, token, { data });
    await t.server.services.storage.store.put(stagingKey(signed.body.key), data, 'text/html');
    const res = await register(token, registerBody(signed.body.key, data));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('OBJECT_MISMATCH');
    expect(await objectKeysOf(t, user.id)).toEqual([]);
    expect(await stagedKeysOf(t, user.id)).toEqual([]);
    expect(await imageRowsOf(t, user.id)).toEqual([]);
  });
});

describe('original and thumbnail together', () => {
  it('registers both in one call and serves each through the gallery', async () => {
    const { token, user } = await t.signup();
    const { image, data, thumb } = await uploadImageWithThumbnail(t, token, { seed: 6 });
    expect(image.thumbnailKey).toMatch(new RegExp(`^users/${user.id}/thumbs/[^/]+\\.webp$`));
    expect(await objectKeysOf(t, user.id)).toEqual([image.key, image.thumbnailKey].sort());
    expect(await pendingKeysOf(t, user.id)).toEqual([]);

    const gallery = await t.request('GET', '/api/images/gallery', { token });
    expect(gallery.status).toBe(200);
    const [entry] = gallery.body.images;
    expect(entry.id).toBe(image.id);
    expect((await fetchBytes(entry.thumbnailUrl)).equals(thumb)).toBe(true);
    expect((await fetchBytes(entry.url)).equals(data)).toBe(true);

    const variant = await t.request('GET', `/api/images/${image.id}/signed-url?variant=thumbnail`, {
      token,
    });
    expect((await fetchBytes(variant.body.url)).equals(thumb)).toBe(true);
  });

  it('refuses a thumbnailKey that was presigned as an image, and saves nothing', async () => {
    const { token, user } = await t.signup();
    const data = await makePng(30, 30, 7);
    const original = await presignAndPut(t, token, { data });
    const notAThumb = await presignAndPut(t, token, { data });
    const res = await register(
      token,
      registerBody(original.key, data, { thumbnailKey: notAThumb.key }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('KEY_NOT_PRESIGNED');
    expect(res.body.error.message).toContain('thumbnail');
    expect(await imageRowsOf(t, user.id)).toEqual([]);
    expect(await pendingKeysOf(t, user.id)).toEqual([original.key, notAThumb.key].sort());
  });

  it('refuses another user’s thumbnail and a thumbnail that never arrived', async () => {
    const a = await t.signup();
    const b = await t.signup();
    const data = await makePng(30, 30, 8);
    const thumb = await makeWebp(16, 16, 8);
    const thumbFile = { data: thumb, contentType: 'image/webp', purpose: 'thumbnail' };
    const original = await presignAndPut(t, b.token, { data });
    const theirs = await presignAndPut(t, a.token, thumbFile);

    const foreign = await register(
      b.token,
      registerBody(original.key, data, { thumbnailKey: theirs.key }),
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe('KEY_NOT_PRESIGNED');

    const unsent = await presign(t, b.token, thumbFile);
    const missing = await register(
      b.token,
      registerBody(original.key, data, { thumbnailKey: unsent.body.key }),
    );
    expect(missing.status).toBe(409);
    expect(missing.body.error.code).toBe('OBJECT_MISSING');
    expect(await imageRowsOf(t, b.user.id)).toEqual([]);
    expect(await objectKeysOf(t, b.user.id)).toEqual([]);
    expect(await stagedKeysOf(t, b.user.id)).toEqual([original.key]);

    // After the thumbnail's PUT, the same registration goes through.
    expect(await putObject(unsent.body, thumb)).toBe(200);
    const ok = await register(
      b.token,
      registerBody(original.key, data, { thumbnailKey: unsent.body.key }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body.image.thumbnailKey).toBe(unsent.body.key);
  });
});

describe('albums, idempotency and concurrency', () => {
  it('refuses an album of another user with 404 and saves nothing', async () => {
    const a = await t.signup();
    const b = await t.signup();
    const album = await t.request('POST', '/api/albums', { token: a.token, json: { name: 'A' } });
    const data = await makePng(30, 30, 9);
    const upload = await presignAndPut(t, b.token, { data });
    const res = await register(
      b.token,
      registerBody(upload.key, data, { albumId: album.body.album.id }),
    );
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(await imageRowsOf(t, b.user.id)).toEqual([]);

    const own = await t.request('POST', '/api/albums', { token: b.token, json: { name: 'B' } });
    const ok = await register(
      b.token,
      registerBody(upload.key, data, { albumId: own.body.album.id }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body.image.albumId).toBe(own.body.album.id);
  });

  it('answers a repeated registration with the same image (200), keeping one row', async () => {
    const { token, user } = await t.signup();
    const data = await makePng(30, 30, 10);
    const upload = await presignAndPut(t, token, { data });
    const first = await register(token, registerBody(upload.key, data, { title: 'First' }));
    expect(first.status).toBe(201);
    const again = await register(token, registerBody(upload.key, data, { title: 'First' }));
    expect(again.status).toBe(200);
    expect(again.body.image).toEqual(first.body.image);
    expect(await imageRowsOf(t, user.id)).toHaveLength(1);
    expect(await objectKeysOf(t, user.id)).toEqual([upload.key]);
  });

  it('registers once when the same registration arrives twice at the same time', async () => {
    const { token, user } = await t.signup();
    const data = await makePng(30, 30, 11);
    const upload = await presignAndPut(t, token, { data });
    const results = await Promise.all([
      register(token, registerBody(upload.key, data)),
      register(token, registerBody(upload.key, data)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(results[0]!.body.image.id).toBe(results[1]!.body.image.id);
    expect(await imageRowsOf(t, user.id)).toHaveLength(1);
  });

  it('requires a token', async () => {
    const res = await t.request('POST', '/api/images', {
      json: registerBody('users/x/y.png', await makePng()),
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('AUTH_REQUIRED');
  });
});
