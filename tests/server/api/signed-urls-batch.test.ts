// POST /api/images/signed-urls: one call signs what a gallery screen shows, and only what the
// caller may read.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-server';
import { uploadImage, uploadImageWithThumbnail } from '../upload-helpers';

let t: TestServer;
let admin: Awaited<ReturnType<TestServer['signup']>>;
let member: Awaited<ReturnType<TestServer['signup']>>;

beforeAll(async () => {
  t = await startTestServer();
  admin = await t.signup();
  member = await t.signup();
});
afterAll(() => t.close());

describe('batch signed URLs', () => {
  it('signs thumbnails and originals of the caller’s images, serving their bytes', async () => {
    const withThumb = await uploadImageWithThumbnail(t, member.token, { seed: 3 });
    const plain = await uploadImage(t, member.token, { seed: 4 });
    const res = await t.request('POST', '/api/images/signed-urls', {
      token: member.token,
      json: { ids: [withThumb.image.id, plain.image.id] },
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.urls).sort()).toEqual([withThumb.image.id, plain.image.id].sort());
    const thumbBytes = Buffer.from(
      await (await fetch(res.body.urls[withThumb.image.id].url)).arrayBuffer(),
    );
    expect(thumbBytes.equals(withThumb.thumb)).toBe(true);
    // No thumbnail: the original stands in.
    const plainBytes = Buffer.from(
      await (await fetch(res.body.urls[plain.image.id].url)).arrayBuffer(),
    );
    expect(plainBytes.equals(plain.data)).toBe(true);
    const ttl = new Date(res.body.urls[plain.image.id].expiresAt).getTime() - Date.now();
    expect(ttl).toBeLessThanOrEqual(300_000);

    const originals = await t.request('POST', '/api/images/signed-urls', {
      token: member.token,
      json: { ids: [withThumb.image.id], variant: 'original' },
    });
    const originalBytes = Buffer.from(
      await (await fetch(originals.body.urls[withThumb.image.id].url)).arrayBuffer(),
    );
    expect(originalBytes.equals(withThumb.data)).toBe(true);
  });

  it('leaves out other users’ and unknown ids; admins get every image', async () => {
    const other = await t.signup();
    const theirs = await uploadImage(t, other.token, { seed: 5 });
    const mine = await uploadImage(t, member.token, { seed: 6 });
    const ids = [theirs.image.id, mine.image.id, crypto.randomUUID()];
    const asMember = await t.request('POST', '/api/images/signed-urls', {
      token: member.token,
      json: { ids },
    });
    expect(Object.keys(asMember.body.urls)).toEqual([mine.image.id]);
    const asAdmin = await t.request('POST', '/api/images/signed-urls', {
      token: admin.token,
      json: { ids },
    });
    expect(Object.keys(asAdmin.body.urls).sort()).toEqual([theirs.image.id, mine.image.id].sort());
  });

  it('refuses empty, oversized and anonymous requests', async () => {
    const none = await t.request('POST', '/api/images/signed-urls', {
      token: member.token,
      json: { ids: [] },
    });
    expect(none.status).toBe(400);
    const tooMany = Array.from({ length: 201 }, () => crypto.randomUUID());
    const big = await t.request('POST', '/api/images/signed-urls', {
      token: member.token,
      json: { ids: tooMany },
    });
    expect(big.status).toBe(400);
    expect(big.body.error.code).toBe('VALIDATION_FAILED');
    const anon = await t.request('POST', '/api/images/signed-urls', {
      json: { ids: [crypto.randomUUID()] },
    });
    expect(anon.status).toBe(401);
  });
});
