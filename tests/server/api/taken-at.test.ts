// Date taken through the API: sent at registration, read by the server on the multipart path,
// sorted newest or oldest taken with undated images last, stable keyset pages, a date filter.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withExifDate } from '../../support/exiftool';
import { imageRowsOf, insertImageRows, type RowSpec } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { makePng, presign, putObject, sha256 } from '../upload-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

interface Listed {
  id: string;
  takenAt: string | null;
}

async function walk(token: string, query: string): Promise<Listed[]> {
  const images: Listed[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const url: string = `/api/images?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await t.request('GET', url, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    images.push(...res.body.images);
    cursor = res.body.nextCursor;
    if (!cursor) return images;
  }
  throw new Error('too many pages');
}

async function register(token: string, extra: Record<string, unknown>) {
  const data = await makePng(32, 24, 7);
  const signed = await presign(t, token, { data });
  expect(await putObject(signed.body, data)).toBe(200);
  return t.request('POST', '/api/images', {
    token,
    json: {
      key: signed.body.key,
      filename: 'photo.png',
      contentType: 'image/png',
      size: data.length,
      sha256: sha256(data),
      ...extra,
    },
  });
}

describe('date taken at registration', () => {
  it('stores what the client read and returns it as sent, in the image and listings', async () => {
    const { token } = await t.signup();
    const res = await register(token, { takenAt: '2021-05-04T10:11:12+02:00' });
    expect(res.status).toBe(201);
    expect(res.body.image.takenAt).toBe('2021-05-04T10:11:12+02:00');
    const listed = await t.request('GET', '/api/images', { token });
    expect(listed.body.images[0].takenAt).toBe('2021-05-04T10:11:12+02:00');
    const gallery = await t.request('GET', '/api/images/gallery', { token });
    expect(gallery.body.images[0].takenAt).toBe('2021-05-04T10:11:12+02:00');
    const undated = await register(token, {});
    expect(undated.body.image.takenAt).toBeNull();
  });

  it('refuses a date that is not one, naming the field, and stores nothing', async () => {
    const { token, user } = await t.signup();
    for (const takenAt of ['2021-02-30T10:00:00', 'yesterday', '2021-05-04T10:11:12\u0000']) {
      const res = await register(token, { takenAt });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message).toContain('takenAt');
    }
    expect(await imageRowsOf(t, user.id)).toEqual([]);
  });
});

describe('date taken on the multipart path', () => {
  it('is read by the server from the EXIF, with and without an offset', async () => {
    const { token } = await t.signup();
    const base = await sharp({
      create: { width: 40, height: 30, channels: 3, background: '#357' },
    })
      .jpeg()
      .toBuffer();
    const cases: Array<[Buffer, string | null]> = [
      [
        await withExifDate(base, {
          dateTimeOriginal: '2022:08:09 07:06:05',
          offsetTimeOriginal: '-04:00',
        }),
        '2022-08-09T07:06:05-04:00',
      ],
      [
        await withExifDate(base, { dateTimeOriginal: '2018:01:02 03:04:05' }),
        '2018-01-02T03:04:05',
      ],
      [base, null],
    ];
    for (const [data, expected] of cases) {
      const form = new FormData();
      form.append('image', new Blob([new Uint8Array(data)], { type: 'image/jpeg' }), 'p.jpg');
      const res = await t.request('POST', '/api/images/upload', { token, body: form });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.image.takenAt).toBe(expected);
    }
  });
});

describe('sorting and filtering by date taken', () => {
  // 30 dated rows (pairs share an instant, so ids break ties at page edges) and 11 undated.
  async function seed() {
    const { token, user } = await t.signup();
    const specs: RowSpec[] = [];
    for (let i = 0; i < 30; i++) {
      const day = String(1 + Math.floor(i / 2)).padStart(2, '0');
      // Half with an offset, half zone-less: both sort in one column.
      specs.push({
        takenAt: i % 4 < 2 ? `2020-03-${day}T12:00:00+00:00` : `2020-03-${day}T12:00:00`,
      });
    }
    for (let i = 0; i < 11; i++) specs.push({});
    const rows = await insertImageRows(t, user.id, specs);
    return { token, user, rows };
  }

  const instant = (i: Listed) =>
    Date.parse(i.takenAt!.length === 19 ? `${i.takenAt}Z` : i.takenAt!);

  it('sort=taken: newest taken first, undated last, each image once across pages', async () => {
    const { token, rows } = await seed();
    const listed = await walk(token, 'sort=taken&limit=4');
    expect(listed).toHaveLength(rows.length);
    expect(new Set(listed.map((i) => i.id)).size).toBe(rows.length);
    const dated = listed.slice(0, 30);
    expect(dated.every((i) => i.takenAt !== null)).toBe(true);
    expect(listed.slice(30).every((i) => i.takenAt === null)).toBe(true);
    for (let i = 1; i < dated.length; i++) {
      expect(instant(dated[i - 1]!)).toBeGreaterThanOrEqual(instant(dated[i]!));
    }
    expect(dated[0]!.takenAt).toMatch(/^2020-03-15T12:00:00/);
  });

  it('sort=taken-oldest: oldest taken first, undated still last', async () => {
    const { token, rows } = await seed();
    const listed = await walk(token, 'sort=taken-oldest&limit=7');
    expect(new Set(listed.map((i) => i.id)).size).toBe(rows.length);
    const dated = listed.slice(0, 30);
    for (let i = 1; i < dated.length; i++) {
      expect(instant(dated[i - 1]!)).toBeLessThanOrEqual(instant(dated[i]!));
    }
    expect(dated[0]!.takenAt).toMatch(/^2020-03-01T12:00:00/);
    expect(listed.slice(30).every((i) => i.takenAt === null)).toBe(true);
  });

  it('keeps pages stable when undated images arrive while paging', async () => {
    const { token, user, rows } = await seed();
    const first = await t.request('GET', '/api/images?sort=taken&limit=35', { token });
    await insertImageRows(t, user.id, [{}, {}, {}]);
    const rest = await walk(token, `sort=taken&limit=35&cursor=${first.body.nextCursor}`);
    const seen = [...first.body.images, ...rest].map((i: Listed) => i.id);
    expect(new Set(seen).size).toBe(seen.length);
    for (const row of rows) expect(seen).toContain(row.id);
  });

  it('filters by a range of days, inclusive, leaving undated images out', async () => {
    const { token } = await seed();
    const listed = await walk(token, 'sort=taken&takenFrom=2020-03-03&takenTo=2020-03-05&limit=2');
    expect(listed).toHaveLength(6);
    expect(listed.map((i) => i.takenAt!.slice(0, 10))).toEqual([
      '2020-03-05',
      '2020-03-05',
      '2020-03-04',
      '2020-03-04',
      '2020-03-03',
      '2020-03-03',
    ]);
  });

  it('refuses a bad bound or a cursor from another sort with a sentence', async () => {
    const { token } = await seed();
    const bad = await t.request('GET', '/api/images?takenFrom=last%20week', { token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('takenFrom');
    const page = await t.request('GET', '/api/images?sort=newest&limit=2', { token });
    const mixed = await t.request('GET', `/api/images?sort=taken&cursor=${page.body.nextCursor}`, {
      token,
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.code).toBe('VALIDATION_FAILED');
  });
});
