// USER_QUOTA_BYTES, checked when uploads are presigned: registered images plus live pending
// uploads count; thumbnails, profile images and expired uploads do not; admins have no quota.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../accounts-http';
import { dbOf } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { makePng, uploadImage } from '../upload-helpers';

const QUOTA = 10_000;

let t: TestServer;
let adminToken: string;
beforeAll(async () => {
  t = await startTestServer({ USER_QUOTA_BYTES: String(QUOTA) });
  ({ token: adminToken } = await t.signup());
});
afterAll(() => t?.close());

const file = (size: number, purpose = 'image') => ({
  filename: purpose === 'thumbnail' ? 't.webp' : 'a.png',
  contentType: purpose === 'thumbnail' ? 'image/webp' : 'image/png',
  size,
  purpose,
});

function presignOne(token: string, size: number) {
  return t.request('POST', '/api/images/presign-upload', { token, json: file(size) });
}

function presignBatch(token: string, files: Array<ReturnType<typeof file>>) {
  return t.request('POST', '/api/images/presign-batch', { token, json: { files } });
}

describe('a member', () => {
  it('is refused an upload that would pass the quota, with what is used and what is allowed', async () => {
    const { token } = await t.signup();
    expect((await presignOne(token, 6000)).status).toBe(200);
    const res = await presignOne(token, 5000);
    const message = expectError(res, 403, 'QUOTA_EXCEEDED');
    expect(message).toBe(
      'This upload needs 4.9 KiB, but your account has 3.9 KiB left: it uses 5.9 KiB of its 9.8 KiB. Delete some images, or ask an administrator for more space.',
    );
    expect((await presignOne(token, 4000)).status).toBe(200);
  });

  it('counts a batch as a whole, its thumbnails excepted', async () => {
    const { token } = await t.signup();
    const ok = await presignBatch(token, [file(4000), file(4000), file(3000, 'thumbnail')]);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expectError(await presignBatch(token, [file(1000), file(1001)]), 403, 'QUOTA_EXCEEDED');
  });

  it('counts registered images, and stops counting uploads that expired unregistered', async () => {
    const { token, user } = await t.signup();
    const { data } = await uploadImage(t, token, { seed: 5 });
    expectError(await presignOne(token, QUOTA - data.length + 1), 403, 'QUOTA_EXCEEDED');
    expect((await presignOne(token, QUOTA - data.length)).status).toBe(200);
    expectError(await presignOne(token, 1), 403, 'QUOTA_EXCEEDED');
    await dbOf(t)
      .updateTable('pendingUploads')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('ownerId', '=', user.id)
      .execute();
    expect((await presignOne(token, QUOTA - data.length)).status).toBe(200);
  });

  it('gets room back by deleting images for good, not by moving them to the trash', async () => {
    const { token } = await t.signup();
    const { image, data } = await uploadImage(t, token, { seed: 6 });
    expectError(await presignOne(token, QUOTA), 403, 'QUOTA_EXCEEDED');
    expect((await t.request('DELETE', `/api/images/${image.id}`, { token })).status).toBe(204);
    expectError(await presignOne(token, QUOTA), 403, 'QUOTA_EXCEEDED');
    expect((await t.request('POST', '/api/images/empty-trash', { token })).status).toBe(200);
    expect(data.length).toBeGreaterThan(0);
    expect((await presignOne(token, QUOTA)).status).toBe(200);
  });
});

describe('the multipart route', () => {
  it('counts what the server would store, and refuses it past the quota', async () => {
    const { token, user } = await t.signup();
    expect((await presignOne(token, QUOTA - 100)).status).toBe(200);
    const form = new FormData();
    form.append('image', new Blob([new Uint8Array(await makePng(64, 48, 3))]), 'x.png');
    const res = await t.request('POST', '/api/images/upload', { token, body: form });
    expectError(res, 403, 'QUOTA_EXCEEDED');
    expect(await t.objectKeys(`users/${user.id}/`)).toEqual([]);
  });
});

describe('an admin', () => {
  it('has no quota', async () => {
    expect((await presignOne(adminToken, 9000)).status).toBe(200);
    expect((await presignOne(adminToken, 9000)).status).toBe(200);
  });
});
