// The store itself enforces what the server signed: a presigned PUT works only unaltered, in
// time, with the promised length and type. And the server alone decides where keys live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  objectExists,
  objectKeysOf,
  pendingKeysOf,
  stagedExists,
  stagedKeysOf,
  uploadStored,
} from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { keyHint, makePng, presign, putObject, registerBody, uploadImage } from '../upload-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

async function signedFor(seed = 0) {
  const { token, user } = await t.signup();
  const data = await makePng(40, 30, seed);
  const signed = await presign(t, token, { data });
  expect(signed.status).toBe(200);
  return { token, user, data, upload: signed.body as { key: string; url: string; headers: any } };
}

/** PUT with arbitrary headers and body, letting fetch compute Content-Length from the body. */
async function rawPut(url: string, headers: Record<string, string>, body: Buffer) {
  const res = await fetch(url, { method: 'PUT', headers, body: new Uint8Array(body) });
  return { status: res.status, text: await res.text() };
}

describe('the store enforces the presigned PUT', () => {
  it('accepts the PUT with exactly the returned headers', async () => {
    const { data, upload } = await signedFor(1);
    expect(await putObject(upload, data)).toBe(200);
    // In staging until registered: the URL never writes the image's own key.
    expect(await stagedExists(t, upload.key)).toBe(true);
    expect(await objectExists(t, upload.key)).toBe(false);
  });

  it('refuses a tampered signature and stores nothing', async () => {
    const { data, upload } = await signedFor(2);
    const url = new URL(upload.url);
    const signature = url.searchParams.get('X-Amz-Signature')!;
    const flipped = (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1);
    url.searchParams.set('X-Amz-Signature', flipped);
    const res = await rawPut(url.toString(), upload.headers, data);
    expect(res.status).toBe(403);
    expect(res.text).toContain('SignatureDoesNotMatch');
    expect(await uploadStored(t, upload.key)).toBe(false);
  });

  it('refuses the signature reused for another key in the same namespace', async () => {
    const { data, upload, user } = await signedFor(3);
    const url = new URL(upload.url);
    url.pathname = url.pathname.replace(/[^/]+$/, `${keyHint()}.png`);
    const res = await rawPut(url.toString(), upload.headers, data);
    expect(res.status).toBe(403);
    expect(await objectKeysOf(t, user.id)).toEqual([]);
    expect(await stagedKeysOf(t, user.id)).toEqual([]);
  });

  it('refuses an expired URL', async () => {
    const { user } = await t.signup();
    const data = await makePng(40, 30, 4);
    const store = t.server.services.storage.store;
    const key = `users/${user.id}/${keyHint()}.png`;
    // Signed two minutes ago for one minute: expired a minute ago, without waiting for it.
    const lapsed = await store.presignPut({
      key,
      contentType: 'image/png',
      size: data.length,
      expiresInSeconds: 60,
      signedAt: new Date(Date.now() - 120_000),
    });
    expect(lapsed.expiresAt.getTime()).toBeLessThan(Date.now());
    const res = await rawPut(lapsed.url, lapsed.headers, data);
    expect(res.status).toBe(403);
    expect(res.text).toContain('Request has expired');
    expect(await objectExists(t, key)).toBe(false);

    // The same request signed now goes through: only the signing time differed.
    const fresh = await store.presignPut({
      key,
      contentType: 'image/png',
      size: data.length,
      expiresInSeconds: 60,
    });
    expect((await rawPut(fresh.url, fresh.headers, data)).status).toBe(200);
  });

  it('refuses a body of another length than presigned', async () => {
    const { data, upload } = await signedFor(5);
    const longer = Buffer.concat([data, Buffer.from('trailing bytes')]);
    const shorter = data.subarray(0, data.length - 10);
    for (const body of [longer, shorter]) {
      const res = await rawPut(
        upload.url,
        { 'content-type': upload.headers['content-type'] },
        body,
      );
      expect(res.status).toBe(403);
    }
    expect(await uploadStored(t, upload.key)).toBe(false);
  });

  it('refuses another Content-Type than presigned, and a PUT without one', async () => {
    const { data, upload } = await signedFor(6);
    expect(await putObject(upload, data, { 'content-type': 'image/jpeg' })).toBe(403);
    expect(await putObject(upload, data, { 'content-type': 'text/html' })).toBe(403);
    const withoutType = { ...upload.headers };
    delete withoutType['content-type'];
    expect((await rawPut(upload.url, withoutType, data)).status).toBe(403);
    expect(await uploadStored(t, upload.key)).toBe(false);
    // The returned headers were all that was missing.
    expect(await putObject(upload, data)).toBe(200);
  });

  it('signs length, type and create-once into the URL and expires within five minutes', async () => {
    const { upload, data } = await signedFor(7);
    expect(upload.headers).toEqual({
      'content-type': 'image/png',
      'content-length': String(data.length),
      'if-none-match': '*',
    });
    const params = new URL(upload.url).searchParams;
    const signed = params.get('X-Amz-SignedHeaders')!.split(';');
    expect(signed).toEqual(
      expect.arrayContaining(['content-length', 'content-type', 'host', 'if-none-match']),
    );
    const expires = Number(params.get('X-Amz-Expires'));
    expect(expires).toBeGreaterThan(0);
    expect(expires).toBeLessThanOrEqual(300);
  });
});

describe('object keys', () => {
  it('uses a valid key hint under the caller’s own namespace', async () => {
    const { token, user } = await t.signup();
    const data = await makePng(20, 20, 8);
    const hint = keyHint();
    const res = await presign(t, token, { data, keyHint: hint });
    expect(res.status).toBe(200);
    expect(res.body.key).toBe(`users/${user.id}/${hint}.png`);

    const thumb = await presign(t, token, {
      data,
      keyHint: hint,
      contentType: 'image/webp',
      purpose: 'thumbnail',
    });
    expect(thumb.status).toBe(200);
    expect(thumb.body.key).toBe(`users/${user.id}/thumbs/${hint}.webp`);
  });

  it('hands out a key once: the same hint again is 409 KEY_ALREADY_USED', async () => {
    const { token, user } = await t.signup();
    const data = await makePng(20, 20, 9);
    const hint = keyHint();
    expect((await presign(t, token, { data, keyHint: hint })).status).toBe(200);
    const again = await presign(t, token, { data, keyHint: hint });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('KEY_ALREADY_USED');
    expect(await pendingKeysOf(t, user.id)).toEqual([`users/${user.id}/${hint}.png`]);

    // Another user's identical hint lands in that user's namespace, so it does not collide.
    const other = await t.signup();
    const theirs = await presign(t, other.token, { data, keyHint: hint });
    expect(theirs.status).toBe(200);
    expect(theirs.body.key).toBe(`users/${other.user.id}/${hint}.png`);
  });

  it('never hands a key out again, even after its image was deleted', async () => {
    const { token } = await t.signup();
    const data = await makePng(20, 20, 10);
    const hint = keyHint();
    const signed = await presign(t, token, { data, keyHint: hint });
    expect(await putObject(signed.body, data)).toBe(200);
    const reg = await t.request('POST', '/api/images', {
      token,
      json: registerBody(signed.body.key, data),
    });
    expect(reg.status).toBe(201);
    expect((await t.request('DELETE', `/api/images/${reg.body.image.id}`, { token })).status).toBe(
      204,
    );
    const again = await presign(t, token, { data, keyHint: hint });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('KEY_ALREADY_USED');
  });

  it('cannot aim a presign at the key of an image uploaded through the server', async () => {
    const { token } = await t.signup();
    const data = await makePng(30, 30, 11);
    const form = new FormData();
    form.append('image', new Blob([new Uint8Array(data)], { type: 'image/png' }), 'a.png');
    const uploaded = await t.request('POST', '/api/images/upload', { token, body: form });
    expect(uploaded.status).toBe(201);
    const hint = /\/([^/]+)\.png$/.exec(uploaded.body.image.key)![1]!;
    const res = await presign(t, token, { data, keyHint: hint });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('KEY_ALREADY_USED');
  });

  it.each([
    ['too short', 'abc'],
    ['too long', 'a'.repeat(65)],
    ['a path', '../../../../etc/passwd-aaaaaaaaaaaaaa'],
    ['an encoded slash', 'aaaaaaaaaaa%2Faaaaaaaaaaaa'],
    ['a dot', 'aaaaaaaaaaaaaaaaaaaaaaaa.png'],
    ['a space', 'aaaaaaaaaaaa aaaaaaaaaaaaa'],
  ])('refuses a key hint that is %s with 400 VALIDATION_FAILED', async (_, hint) => {
    const { token, user } = await t.signup();
    const res = await presign(t, token, { data: await makePng(10, 10), keyHint: hint });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toContain('keyHint');
    expect(await pendingKeysOf(t, user.id)).toEqual([]);
  });

  it('keeps keys under users/<own id>/ whatever the filename says', async () => {
    const { token, user } = await t.signup();
    const data = await makePng(20, 20, 12);
    for (const filename of [
      '../../etc/passwd.png',
      '/users/someone-else/x.png',
      '..\\..\\boot.ini.png',
    ]) {
      const res = await presign(t, token, { data, filename });
      expect(res.status).toBe(200);
      expect(res.body.key).toMatch(new RegExp(`^users/${user.id}/[A-Za-z0-9_-]{22}\\.png$`));
      expect(await putObject(res.body, data)).toBe(200);
      const reg = await t.request('POST', '/api/images', {
        token,
        json: registerBody(res.body.key, data, { filename }),
      });
      expect(reg.status).toBe(201);
      expect(reg.body.image.key).toBe(res.body.key);
      expect(reg.body.image.filename).toBe(filename);
    }
    // Images under users/, uploads that were sent but not registered in its staging copy.
    const outside = (await t.objectKeys()).filter(
      (k) => !k.startsWith('users/') && !k.startsWith('incoming/users/'),
    );
    expect(outside).toEqual([]);
  });
});

describe('what may be presigned', () => {
  it.each(['image/svg+xml', 'text/plain', 'application/octet-stream', 'text/html'])(
    'refuses %s with 400',
    async (contentType) => {
      const { token, user } = await t.signup();
      const res = await t.request('POST', '/api/images/presign-upload', {
        token,
        json: { filename: 'x.png', contentType, size: 100 },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message).toContain('contentType');
      expect(await pendingKeysOf(t, user.id)).toEqual([]);
    },
  );

  it('refuses a size over MAX_UPLOAD_BYTES with 413 FILE_TOO_LARGE', async () => {
    const { token, user } = await t.signup();
    const max = t.server.services.config.maxUploadBytes;
    const over = await t.request('POST', '/api/images/presign-upload', {
      token,
      json: { filename: 'big.png', contentType: 'image/png', size: max + 1 },
    });
    expect(over.status).toBe(413);
    expect(over.body.error.code).toBe('FILE_TOO_LARGE');
    expect(over.body.error.message).toContain('big.png');
    const atLimit = await t.request('POST', '/api/images/presign-upload', {
      token,
      json: { filename: 'max.png', contentType: 'image/png', size: max },
    });
    expect(atLimit.status).toBe(200);
    expect(await pendingKeysOf(t, user.id)).toEqual([atLimit.body.key]);
  });

  it.each([0, -1, 1.5])('refuses size %s with 400', async (size) => {
    const { token } = await t.signup();
    const res = await t.request('POST', '/api/images/presign-upload', {
      token,
      json: { filename: 'x.png', contentType: 'image/png', size },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('requires a token for anything but an avatar', async () => {
    const data = await makePng(10, 10);
    for (const purpose of ['image', 'thumbnail']) {
      const res = await presign(t, undefined, {
        data,
        purpose,
        contentType: purpose === 'thumbnail' ? 'image/webp' : 'image/png',
      });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('AUTH_REQUIRED');
    }
  });

  it('still presigns anonymous avatars after much signed-in traffic from the same address', async () => {
    const { token } = await t.signup();
    const data = await makePng(10, 10, 13);
    // More signed-in presigns than the anonymous budget (20 a minute) allows.
    for (let i = 0; i < 25; i += 1) {
      expect((await presign(t, token, { data })).status).toBe(200);
    }
    const avatar = await presign(t, undefined, { data, purpose: 'avatar' });
    expect(avatar.status).toBe(200);
    expect(avatar.body.key).toMatch(/^avatars\//);
  });

  it('keeps presign, PUT and register working for a normal upload', async () => {
    const { token, user } = await t.signup();
    const { image } = await uploadImage(t, token, { seed: 14 });
    expect(await objectKeysOf(t, user.id)).toEqual([image.key]);
  });
});
