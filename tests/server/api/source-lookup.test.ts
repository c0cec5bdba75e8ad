// The source lookup: which dropped files (by the SHA-256 of their bytes) are already in the
// caller's own gallery. Registration stores the client's hash; the multipart path hashes the
// file as it arrives. Nobody learns what another account holds, admins included.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageRowsOf } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { makePng, presign, putObject, sha256 } from '../upload-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const randomSha = () => crypto.randomBytes(32).toString('hex');
const lookup = (token: string, sha256s: unknown) =>
  t.request('POST', '/api/images/source-lookup', { token, json: { sha256s } });

async function register(token: string, sourceSha256: unknown, seed = 1) {
  const data = await makePng(32, 24, seed);
  const signed = await presign(t, token, { data });
  expect(await putObject(signed.body, data)).toBe(200);
  return t.request('POST', '/api/images', {
    token,
    json: {
      key: signed.body.key,
      filename: `photo-${seed}.png`,
      contentType: 'image/png',
      size: data.length,
      sha256: sha256(data),
      sourceSha256,
    },
  });
}

describe('source lookup', () => {
  it('finds the sources registered in your gallery, with the image and its name', async () => {
    const { token } = await t.signup();
    const source = randomSha();
    const res = await register(token, source);
    expect(res.status).toBe(201);
    expect(res.body.image.sourceSha256).toBe(source);
    const unknown = randomSha();
    const answer = await lookup(token, [unknown, source, source]);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      found: [{ sha256: source, imageId: res.body.image.id, filename: 'photo-1.png' }],
    });
  });

  it('forgets a source whose image went to the trash, and knows it again once restored', async () => {
    const { token } = await t.signup();
    const source = randomSha();
    const res = await register(token, source, 3);
    expect(res.status).toBe(201);
    const id = res.body.image.id;
    expect((await t.request('DELETE', `/api/images/${id}`, { token })).status).toBe(204);
    expect((await lookup(token, [source])).body.found).toEqual([]);
    expect((await t.request('POST', `/api/images/${id}/restore`, { token })).status).toBe(200);
    expect((await lookup(token, [source])).body.found).toEqual([
      { sha256: source, imageId: id, filename: 'photo-3.png' },
    ]);
  });

  it("never tells one account about another's files, not even an admin", async () => {
    const admin = await t.signup(); // the first account of this server may be the admin
    const owner = await t.signup();
    const source = randomSha();
    expect((await register(owner.token, source, 2)).status).toBe(201);
    for (const other of [admin, await t.signup()]) {
      const answer = await lookup(other.token, [source]);
      expect(answer.status).toBe(200);
      expect(answer.body.found).toEqual([]);
    }
  });

  it('hashes a multipart upload as it arrives', async () => {
    const { token } = await t.signup();
    const data = await makePng(40, 30, 9);
    const form = new FormData();
    form.append('image', new Blob([new Uint8Array(data)], { type: 'image/png' }), 'x.png');
    const res = await t.request('POST', '/api/images/upload', { token, body: form });
    expect(res.status).toBe(201);
    expect(res.body.image.sourceSha256).toBe(sha256(data));
    const answer = await lookup(token, [sha256(data)]);
    expect(answer.body.found.map((f: { imageId: string }) => f.imageId)).toEqual([
      res.body.image.id,
    ]);
  });

  it('refuses what is not a list of SHA-256 digests, with the field named', async () => {
    const { token, user } = await t.signup();
    for (const bad of [
      [],
      ['abc'],
      [randomSha().toUpperCase()],
      'x',
      Array.from({ length: 501 }, randomSha),
    ]) {
      const res = await lookup(token, bad);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message).toContain('sha256s');
    }
    const refused = await register(token, 'not-a-digest');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('sourceSha256');
    expect(await imageRowsOf(t, user.id)).toEqual([]);
    const anonymous = await t.request('POST', '/api/images/source-lookup', {
      json: { sha256s: [randomSha()] },
    });
    expect(anonymous.status).toBe(401);
  });
});
