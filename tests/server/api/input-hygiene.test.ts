// Text fields refuse NUL, control characters and bidirectional overrides with a 400 that names
// the field, on every route that takes one (before: NUL was a 500 from the database, and ESC,
// BEL or RLO were stored and shown to others). Ordinary Unicode, right-to-left scripts included,
// is kept as typed.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSafeText } from '../../../src/shared/api';
import { expectError, person } from '../accounts-http';
import { startTestServer, type TestServer } from '../test-server';
import { makePng, uploadImage } from '../upload-helpers';

let t: TestServer;
let token: string;
let imageId: string;
let albumId: string;
beforeAll(async () => {
  t = await startTestServer();
  ({ token } = await t.signup());
  imageId = (await uploadImage(t, token, { seed: 1 })).image.id;
  albumId = (await t.request('POST', '/api/albums', { token, json: { name: 'Holiday' } })).body
    .album.id;
});
afterAll(() => t?.close());

const BAD = {
  NUL: 'a\u0000b',
  ESC: 'red \u001b[31malert',
  BEL: 'ding\u0007',
  'line break': 'two\nlines',
  'C1 CSI': 'x\u009b2J',
  RLO: 'invoice\u202Egpj.exe',
  LRI: 'x\u2066y\u2069',
};

type Send = (text: string) => Promise<{ status: number; body: any }>;

const FIELDS: Array<[string, string, Send]> = [
  [
    'POST /api/auth/signup',
    'username',
    (text) => t.request('POST', '/api/auth/signup', { json: { ...person(), username: text } }),
  ],
  ...(['title', 'alt'] as const).map((field): [string, string, Send] => [
    'POST /api/images',
    field,
    (text) =>
      t.request('POST', '/api/images', {
        token,
        json: {
          key: `users/${crypto.randomUUID()}/x.png`,
          filename: 'x.png',
          contentType: 'image/png',
          size: 10,
          [field]: text,
        },
      }),
  ]),
  [
    'POST /api/images',
    'tags.0',
    (text) =>
      t.request('POST', '/api/images', {
        token,
        json: {
          key: `users/${crypto.randomUUID()}/x.png`,
          filename: 'x.png',
          contentType: 'image/png',
          size: 10,
          tags: [text],
        },
      }),
  ],
  ...(['title', 'alt'] as const).map((field): [string, string, Send] => [
    'PATCH /api/images/:id',
    field,
    (text) => t.request('PATCH', `/api/images/${imageId}`, { token, json: { [field]: text } }),
  ]),
  [
    'PATCH /api/images/:id',
    'tags.1',
    (text) => t.request('PATCH', `/api/images/${imageId}`, { token, json: { tags: ['ok', text] } }),
  ],
  [
    'POST /api/albums',
    'name',
    (text) => t.request('POST', '/api/albums', { token, json: { name: text } }),
  ],
  [
    'PATCH /api/albums/:id',
    'name',
    (text) => t.request('PATCH', `/api/albums/${albumId}`, { token, json: { name: text } }),
  ],
  [
    'POST /api/images/upload',
    'title',
    async (text) => {
      const form = new FormData();
      form.append('title', text);
      form.append('image', new Blob([new Uint8Array(await makePng(8, 8))]), 'x.png');
      return t.request('POST', '/api/images/upload', { token, body: form });
    },
  ],
  [
    'GET /api/images',
    'q',
    (text) => t.request('GET', `/api/images?q=${encodeURIComponent(text)}`, { token }),
  ],
  [
    'GET /api/images/gallery',
    'q',
    (text) => t.request('GET', `/api/images/gallery?q=${encodeURIComponent(text)}`, { token }),
  ],
];

describe.each(FIELDS)('%s, field %s', (_route, field, send) => {
  it.each(Object.entries(BAD))('refuses %s with a 400 naming the field', async (_name, text) => {
    const message = expectError(await send(text), 400, 'VALIDATION_FAILED');
    expect(message).toContain(`"${field}" must not contain control characters`);
  });
});

describe('what is kept', () => {
  it('stores accents, emoji and right-to-left scripts as typed', async () => {
    const title = 'Café ☕ — مرحبا بالعالم';
    const res = await t.request('PATCH', `/api/images/${imageId}`, {
      token,
      json: { title, alt: 'שלום', tags: ['été', '🌊'] },
    });
    expect(res.status).toBe(200);
    expect(res.body.image).toMatchObject({ title, alt: 'שלום', tags: ['été', '🌊'] });
    const found = await t.request('GET', `/api/images?q=${encodeURIComponent('مرحبا')}`, {
      token,
    });
    expect(found.body.images.map((i: { id: string }) => i.id)).toEqual([imageId]);
  });

  it('has stored nothing from the refused requests', async () => {
    const { body } = await t.request('GET', `/api/images/${imageId}`, { token });
    const { title, alt, tags } = body.image as { title: string; alt: string; tags: string[] };
    for (const text of [title, alt, ...tags]) expect(isSafeText(text)).toBe(true);
    const albums = await t.request('GET', '/api/albums', { token });
    expect(albums.body.albums.map((a: { name: string }) => a.name)).toEqual(['Holiday']);
  });
});

describe('a hand-made cursor', () => {
  it('holding NUL is a 400, not a database error', async () => {
    const cursor = Buffer.from(JSON.stringify(['name', 'a\u0000b', crypto.randomUUID()])).toString(
      'base64url',
    );
    const res = await t.request('GET', `/api/images?sort=name&cursor=${cursor}`, { token });
    expectError(res, 400, 'VALIDATION_FAILED');
  });
});
