// The batch form of presigning: one round trip for a group, all presigned or none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingKeysOf } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { keyHint, makePng, makeWebp, putObject, registerBody } from '../upload-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

function file(overrides: Record<string, unknown> = {}) {
  return { filename: 'photo.png', contentType: 'image/png', size: 1234, ...overrides };
}

function batch(token: string | undefined, files: unknown[]) {
  return t.request('POST', '/api/images/presign-batch', {
    ...(token ? { token } : {}),
    json: { files },
  });
}

describe('POST /api/images/presign-batch', () => {
  it('returns one distinct upload per file, in request order', async () => {
    const { token, user } = await t.signup();
    const files = [
      file({ contentType: 'image/png', size: 101 }),
      file({ contentType: 'image/jpeg', size: 202 }),
      file({ contentType: 'image/webp', size: 303 }),
      file({ contentType: 'image/avif', size: 404 }),
      file({ contentType: 'image/gif', size: 505 }),
    ];
    const res = await batch(token, files);
    expect(res.status).toBe(200);
    const uploads = res.body.uploads as { key: string; headers: Record<string, string> }[];
    expect(uploads).toHaveLength(5);
    expect(new Set(uploads.map((u) => u.key)).size).toBe(5);
    expect(uploads.map((u) => u.key.split('.').pop())).toEqual([
      'png',
      'jpg',
      'webp',
      'avif',
      'gif',
    ]);
    expect(uploads.map((u) => u.headers)).toEqual(
      files.map((f) => ({
        'content-type': f.contentType,
        'content-length': String(f.size),
        'if-none-match': '*',
      })),
    );
    for (const upload of uploads) expect(upload.key.startsWith(`users/${user.id}/`)).toBe(true);
    expect(await pendingKeysOf(t, user.id)).toEqual(uploads.map((u) => u.key).sort());
  });

  it('keeps each key hint with its own file', async () => {
    const { token, user } = await t.signup();
    const hints = [keyHint(), keyHint(), keyHint()];
    const res = await batch(
      token,
      hints.map((h) => file({ keyHint: h })),
    );
    expect(res.status).toBe(200);
    expect(res.body.uploads.map((u: { key: string }) => u.key)).toEqual(
      hints.map((h) => `users/${user.id}/${h}.png`),
    );
  });

  it('gives each upload its own working URL', async () => {
    const { token } = await t.signup();
    const images = await Promise.all([1, 2, 3].map((seed) => makePng(20 + seed * 15, 20, seed)));
    const res = await batch(
      token,
      images.map((data) => file({ size: data.length })),
    );
    expect(res.status).toBe(200);
    for (const [i, upload] of res.body.uploads.entries()) {
      // Each URL accepts only its own file.
      const other = images[(i + 1) % images.length]!;
      expect(other.length).not.toBe(images[i]!.length);
      const swapped = { 'content-length': String(other.length) };
      expect(await putObject(upload, other, swapped)).toBe(403);
      expect(await putObject(upload, images[i]!)).toBe(200);
      const reg = await t.request('POST', '/api/images', {
        token,
        json: registerBody(upload.key, images[i]!),
      });
      expect(reg.status).toBe(201);
    }
    const list = await t.request('GET', '/api/images', { token });
    expect(list.body.images).toHaveLength(3);
  });

  it('presigns nothing when one hint was already used', async () => {
    const { token, user } = await t.signup();
    const used = keyHint();
    expect((await batch(token, [file({ keyHint: used })])).status).toBe(200);
    const before = await pendingKeysOf(t, user.id);

    const fresh = [keyHint(), keyHint()];
    const res = await batch(token, [
      file({ keyHint: fresh[0] }),
      file({ keyHint: used }),
      file({ keyHint: fresh[1] }),
    ]);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('KEY_ALREADY_USED');
    expect(await pendingKeysOf(t, user.id)).toEqual(before);

    // The refused batch did not use up the other hints: they can still be presigned.
    const retry = await batch(
      token,
      fresh.map((h) => file({ keyHint: h })),
    );
    expect(retry.status).toBe(200);
  });

  it('presigns nothing when the same hint appears twice in one batch', async () => {
    const { token, user } = await t.signup();
    const hint = keyHint();
    const res = await batch(token, [file({ keyHint: hint }), file({ keyHint: hint })]);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('KEY_ALREADY_USED');
    expect(await pendingKeysOf(t, user.id)).toEqual([]);
  });

  it('presigns nothing when one file is too large or of the wrong type', async () => {
    const { token, user } = await t.signup();
    const max = t.server.services.config.maxUploadBytes;
    const tooLarge = await batch(token, [file(), file({ filename: 'huge.png', size: max + 1 })]);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('FILE_TOO_LARGE');
    expect(tooLarge.body.error.message).toContain('huge.png');

    const badType = await batch(token, [file(), file({ contentType: 'image/svg+xml' })]);
    expect(badType.status).toBe(400);
    expect(badType.body.error.code).toBe('VALIDATION_FAILED');
    expect(await pendingKeysOf(t, user.id)).toEqual([]);
  });

  it('accepts 100 files and refuses 101 or none with 400', async () => {
    const { token, user } = await t.signup();
    const hundred = await batch(
      token,
      Array.from({ length: 100 }, () => file()),
    );
    expect(hundred.status).toBe(200);
    expect(hundred.body.uploads).toHaveLength(100);

    const tooMany = await batch(
      token,
      Array.from({ length: 101 }, () => file()),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('VALIDATION_FAILED');
    expect(tooMany.body.error.message).toContain('100');

    const none = await batch(token, []);
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('VALIDATION_FAILED');
    expect(await pendingKeysOf(t, user.id)).toHaveLength(100);
  });

  it('requires a token', async () => {
    const res = await batch(undefined, [file({ purpose: 'avatar' })]);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('AUTH_REQUIRED');
    const bad = await t.request('POST', '/api/images/presign-batch', {
      token: 'not-a-jwt',
      json: { files: [file()] },
    });
    expect(bad.status).toBe(401);
  });
});

describe('thumbnails in a batch', () => {
  it('puts a WebP thumbnail under users/<id>/thumbs/', async () => {
    const { token, user } = await t.signup();
    const thumb = await makeWebp();
    const res = await batch(token, [
      file(),
      file({
        filename: 'thumb.webp',
        contentType: 'image/webp',
        size: thumb.length,
        purpose: 'thumbnail',
      }),
    ]);
    expect(res.status).toBe(200);
    const [original, thumbnail] = res.body.uploads;
    expect(original.key).toMatch(new RegExp(`^users/${user.id}/[^/]+\\.png$`));
    expect(thumbnail.key).toMatch(new RegExp(`^users/${user.id}/thumbs/[^/]+\\.webp$`));
    expect(thumbnail.headers['content-type']).toBe('image/webp');
    expect(await putObject(thumbnail, thumb)).toBe(200);
  });

  it('refuses a thumbnail that is not image/webp, and the whole batch with it', async () => {
    const { token, user } = await t.signup();
    const res = await batch(token, [
      file(),
      file({ contentType: 'image/png', purpose: 'thumbnail' }),
    ]);
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_TYPE');
    expect(res.body.error.message).toContain('WebP');
    expect(await pendingKeysOf(t, user.id)).toEqual([]);
  });
});
