// The presigned flow end to end over HTTP: presign, PUT to the store, register, list, read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-server';
import { makePng, presign, putObject, sha256, uploadImage } from '../upload-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('presigned upload flow', () => {
  it('uploads, registers, lists and serves the same bytes through a signed URL', async () => {
    const { token, user } = await t.signup();
    const data = await makePng(80, 60, 1);
    const signed = await presign(t, token, { data, filename: 'sunset.png' });
    expect(signed.status).toBe(200);
    expect(signed.body.method).toBe('PUT');
    expect(signed.body.key).toMatch(new RegExp(`^users/${user.id}/[A-Za-z0-9_-]{22}\\.png$`));
    expect(signed.body.headers).toEqual({
      'content-type': 'image/png',
      'content-length': String(data.length),
      // The URL creates its object once: a replay gets 412 (one-shot.test.ts).
      'if-none-match': '*',
    });
    const ttl = new Date(signed.body.expiresAt).getTime() - Date.now();
    expect(ttl).toBeLessThanOrEqual(300_000);
    expect(ttl).toBeGreaterThan(200_000);

    expect(await putObject(signed.body, data)).toBe(200);
    const reg = await t.request('POST', '/api/images', {
      token,
      json: {
        key: signed.body.key,
        filename: 'sunset.png',
        contentType: 'image/png',
        size: data.length,
        width: 80,
        height: 60,
        sha256: sha256(data),
        title: 'Sunset',
        tags: ['sky'],
      },
    });
    expect(reg.status).toBe(201);
    expect(reg.body.image).toMatchObject({
      key: signed.body.key,
      ownerId: user.id,
      filename: 'sunset.png',
      size: data.length,
      width: 80,
      height: 60,
      title: 'Sunset',
      tags: ['sky'],
      albumId: null,
    });

    const list = await t.request('GET', '/api/images', { token });
    expect(list.status).toBe(200);
    expect(list.body.images.map((i: { id: string }) => i.id)).toEqual([reg.body.image.id]);

    const gallery = await t.request('GET', '/api/images/gallery', { token });
    expect(gallery.status).toBe(200);
    const [entry] = gallery.body.images;
    const fetched = Buffer.from(await (await fetch(entry.url)).arrayBuffer());
    expect(fetched.equals(data)).toBe(true);

    const signedGet = await t.request('GET', `/api/images/${reg.body.image.id}/signed-url`, {
      token,
    });
    expect(signedGet.status).toBe(200);
    const again = Buffer.from(await (await fetch(signedGet.body.url)).arrayBuffer());
    expect(again.equals(data)).toBe(true);
  });

  it('returns the existing image when the same key is registered twice', async () => {
    const { token } = await t.signup();
    const { image, data } = await uploadImage(t, token);
    const again = await t.request('POST', '/api/images', {
      token,
      json: { key: image.key, filename: 'photo.png', contentType: 'image/png', size: data.length },
    });
    expect(again.status).toBe(200);
    expect(again.body.image.id).toBe(image.id);
    const list = await t.request('GET', '/api/images', { token });
    expect(list.body.images).toHaveLength(1);
  });
});
