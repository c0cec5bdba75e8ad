// Uploading through the server (multipart): the file is sniffed, processed by the shared image
// pipeline, stored with a thumbnail and registered; anything refused leaves nothing behind.
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageRowsOf, objectKeysOf } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { makePng } from '../upload-helpers';

const PNGSUITE = path.resolve(import.meta.dirname, '../../../../shared/fixtures/pngsuite');

let t: TestServer;
let valid: string[];
let corrupt: string[];

beforeAll(async () => {
  t = await startTestServer();
  const names = (await fs.readdir(PNGSUITE)).filter((n) => n.endsWith('.png')).sort();
  valid = names.filter((n) => !n.startsWith('x'));
  corrupt = names.filter((n) => n.startsWith('x'));
});
afterAll(() => t.close());

function upload(
  server: TestServer,
  token: string | undefined,
  file: { data: Buffer; filename: string; type?: string } | undefined,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) {
    const blob = new Blob([new Uint8Array(file.data)], { type: file.type ?? 'image/png' });
    form.append('image', blob, file.filename);
  }
  return server.request('POST', '/api/images/upload', {
    ...(token ? { token } : {}),
    body: form,
  });
}

/** Runs `task` over `items`, at most `limit` at a time, keeping the input order of results. */
async function mapLimit<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

async function tmpFiles(server: TestServer): Promise<string[]> {
  return fs.readdir(path.join(server.dataDir, 'tmp')).catch(() => []);
}

async function fetchSigned(token: string, id: string, variant: 'original' | 'thumbnail') {
  const signed = await t.request('GET', `/api/images/${id}/signed-url?variant=${variant}`, {
    token,
  });
  expect(signed.status).toBe(200);
  return Buffer.from(await (await fetch(signed.body.url)).arrayBuffer());
}

describe('POST /api/images/upload with PngSuite', () => {
  it('has the fixtures', () => {
    expect(valid.length).toBeGreaterThan(150);
    expect(corrupt).toHaveLength(14);
  });

  it('stores every valid file, with a thumbnail', { timeout: 120_000 }, async () => {
    const { token, user } = await t.signup();
    const results = await mapLimit(valid, 4, async (name) => {
      const data = await fs.readFile(path.join(PNGSUITE, name));
      return { name, res: await upload(t, token, { data, filename: name }) };
    });
    const refused = results
      .filter((r) => r.res.status !== 201)
      .map((r) => `${r.name}: ${r.res.status} ${JSON.stringify(r.res.body)}`);
    expect(refused).toEqual([]);

    const keys = new Set(await objectKeysOf(t, user.id));
    expect(keys.size).toBe(valid.length * 2);
    for (const { name, res } of results) {
      const image = res.body.image;
      expect(image).toMatchObject({ filename: name, ownerId: user.id, contentType: 'image/png' });
      expect(image.width).toBeGreaterThan(0);
      expect(image.width).toBeLessThanOrEqual(2560);
      expect(image.height).toBeLessThanOrEqual(2560);
      expect(image.key).toMatch(new RegExp(`^users/${user.id}/[^/]+\\.png$`));
      expect(image.thumbnailKey).toMatch(new RegExp(`^users/${user.id}/thumbs/[^/]+\\.webp$`));
      expect(keys.has(image.key) && keys.has(image.thumbnailKey)).toBe(true);
    }
    expect(await imageRowsOf(t, user.id)).toHaveLength(valid.length);

    // What is served back is a readable PNG of the registered size and a WebP thumbnail.
    for (const { res } of results.slice(0, 5)) {
      const { id, width, height, size } = res.body.image;
      const original = await fetchSigned(token, id, 'original');
      expect(original.length).toBe(size);
      expect(await sharp(original).metadata()).toMatchObject({ format: 'png', width, height });
      const thumb = await sharp(await fetchSigned(token, id, 'thumbnail')).metadata();
      expect(thumb.format).toBe('webp');
    }
    expect(await tmpFiles(t)).toEqual([]);
  });

  it('refuses every corrupt x*.png with 422 CORRUPT_IMAGE and stores nothing', async () => {
    const { token, user } = await t.signup();
    const before = (await t.objectKeys()).length;
    const results = await mapLimit(corrupt, 4, async (name) => {
      const data = await fs.readFile(path.join(PNGSUITE, name));
      return { name, res: await upload(t, token, { data, filename: name }) };
    });
    for (const { name, res } of results) {
      expect([name, res.status, res.body.error?.code]).toEqual([name, 422, 'CORRUPT_IMAGE']);
      expect(res.body.error.message).toMatch(/damaged|truncated|empty/i);
    }
    expect((await t.objectKeys()).length).toBe(before);
    expect(await imageRowsOf(t, user.id)).toEqual([]);
    expect(await tmpFiles(t)).toEqual([]);
  });
});

describe('POST /api/images/upload', () => {
  it('shrinks an image past the maximum edge to 2560 pixels', async () => {
    const { token } = await t.signup();
    const data = await makePng(3000, 300, 1);
    const res = await upload(t, token, { data, filename: 'wide.png' });
    expect(res.status).toBe(201);
    expect([res.body.image.width, res.body.image.height]).toEqual([2560, 256]);
  });

  it('applies the albumId and title fields', async () => {
    const { token } = await t.signup();
    const album = (await t.request('POST', '/api/albums', { token, json: { name: 'Up' } })).body
      .album;
    const res = await upload(
      t,
      token,
      { data: await makePng(40, 40, 2), filename: 'titled.png' },
      { albumId: album.id, title: '  A title  ' },
    );
    expect(res.status).toBe(201);
    expect(res.body.image).toMatchObject({ albumId: album.id, title: 'A title' });
    const listed = await t.request('GET', `/api/images?albumId=${album.id}`, { token });
    expect(listed.body.images.map((i: any) => i.id)).toEqual([res.body.image.id]);
  });

  it('keeps only the base name of the uploaded file, without control characters', async () => {
    const { token, user } = await t.signup();
    const data = await makePng(20, 20, 5);
    const cases: [string, string][] = [
      ['../../etc/passwd.png', 'passwd.png'],
      ['C:\\Users\\me\\Pictures\\holiday.png', 'holiday.png'],
      ['tab\there.png', 'tabhere.png'],
      [`${'n'.repeat(300)}.png`, 'n'.repeat(255)],
    ];
    for (const [sent, stored] of cases) {
      const res = await upload(t, token, { data, filename: sent });
      expect(res.status).toBe(201);
      expect(res.body.image.filename).toBe(stored);
      expect(res.body.image.key.startsWith(`users/${user.id}/`)).toBe(true);
    }
  });

  it('refuses a text file named .png with 415 UNSUPPORTED_TYPE and stores nothing', async () => {
    const { token, user } = await t.signup();
    const res = await upload(t, token, {
      data: Buffer.from('This is not an image at all, just some text.\n'),
      filename: 'notes.png',
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_TYPE');
    expect(await objectKeysOf(t, user.id)).toEqual([]);
    expect(await imageRowsOf(t, user.id)).toEqual([]);
  });

  it('refuses an empty file with 422', async () => {
    const { token, user } = await t.signup();
    const res = await upload(t, token, { data: Buffer.alloc(0), filename: 'empty.png' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CORRUPT_IMAGE');
    expect(await objectKeysOf(t, user.id)).toEqual([]);
  });

  it('refuses bad fields with 400 and stores nothing', async () => {
    const { token, user } = await t.signup();
    const file = { data: await makePng(20, 20, 3), filename: 'x.png' };
    const badAlbum = await upload(t, token, file, { albumId: 'not-a-uuid' });
    expect(badAlbum.status).toBe(400);
    expect(badAlbum.body.error.code).toBe('VALIDATION_FAILED');
    expect(badAlbum.body.error.message).toContain('albumId');
    const longTitle = await upload(t, token, file, { title: 't'.repeat(201) });
    expect(longTitle.status).toBe(400);
    const noFile = await upload(t, token, undefined, { title: 'no file' });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.code).toBe('VALIDATION_FAILED');
    expect(noFile.body.error.message).toContain('image');
    expect(await objectKeysOf(t, user.id)).toEqual([]);
    expect(await tmpFiles(t)).toEqual([]);
  });

  it('refuses a body that is not multipart', async () => {
    const { token } = await t.signup();
    const res = await t.request('POST', '/api/images/upload', { token, json: { image: 'x' } });
    expect(res.status).toBe(415);
  });

  it('requires a token', async () => {
    const before = (await t.objectKeys()).length;
    const res = await upload(t, undefined, { data: await makePng(), filename: 'x.png' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('AUTH_REQUIRED');
    expect((await t.objectKeys()).length).toBe(before);
  });
});

describe('POST /api/images/upload past MAX_UPLOAD_BYTES', () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await startTestServer({ MAX_UPLOAD_BYTES: '50000' });
  });
  afterAll(() => small.close());

  it('refuses the file with 413 FILE_TOO_LARGE, stores nothing and leaves no temp file', async () => {
    const { token, user } = await small.signup();
    // Noise does not compress, so this PNG is well over 50 000 bytes.
    const big = await sharp(
      Buffer.from(Array.from({ length: 200 * 200 * 3 }, (_, i) => (i * 7919) % 251)),
      {
        raw: { width: 200, height: 200, channels: 3 },
      },
    )
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(50_000);
    const res = await upload(small, token, { data: big, filename: 'big.png' });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('FILE_TOO_LARGE');
    expect(res.body.error.message).toMatch(/48\.8 KiB/);
    expect(await small.objectKeys()).toEqual([]);
    expect(await imageRowsOf(small, user.id)).toEqual([]);
    expect(await tmpFiles(small)).toEqual([]);

    // A file under the limit still goes through on the same server.
    const ok = await upload(small, token, { data: await makePng(40, 40, 4), filename: 'ok.png' });
    expect(ok.status).toBe(201);
    expect(await tmpFiles(small)).toEqual([]);
  });
});
