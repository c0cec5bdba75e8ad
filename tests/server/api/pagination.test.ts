// Listing images: keyset pages that stay stable while images are added, filters and sort orders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertImageRows, type RowSpec } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { uploadImage } from '../upload-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

interface Listed {
  id: string;
  filename: string;
  size: number;
  createdAt: string;
}

/** Follows nextCursor to the end; `between` runs after each page, before the next fetch. */
async function walk(
  token: string,
  query: string,
  between: (page: number) => Promise<void> = async () => undefined,
  path = '/api/images',
): Promise<{ images: Listed[]; pages: number }> {
  const images: Listed[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = query ? '&' : '';
    const url: string = `${path}?${query}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await t.request('GET', url, { token });
    expect(res.status).toBe(200);
    images.push(...res.body.images);
    cursor = res.body.nextCursor;
    pages += 1;
    if (cursor) await between(pages);
    expect(pages).toBeLessThan(100);
  } while (cursor);
  return { images, pages };
}

const ids = (list: { id: string }[]) => list.map((i) => i.id);

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const ORDERS = {
  newest: (x: Listed, y: Listed) =>
    compare(Date.parse(y.createdAt), Date.parse(x.createdAt)) || compare(y.id, x.id),
  oldest: (x: Listed, y: Listed) =>
    compare(Date.parse(x.createdAt), Date.parse(y.createdAt)) || compare(x.id, y.id),
  name: (x: Listed, y: Listed) => compare(x.filename, y.filename) || compare(x.id, y.id),
  size: (x: Listed, y: Listed) => compare(y.size, x.size) || compare(y.id, x.id),
};

function toListed(row: { id: string; filename: string; size: number; createdAt: Date }): Listed {
  return {
    id: row.id,
    filename: row.filename,
    size: row.size,
    createdAt: row.createdAt.toISOString(),
  };
}

const HOUR = 60 * 60 * 1000;

describe('keyset pagination, newest first', () => {
  it('returns every image exactly once, across pages, newest first', async () => {
    const { token, user } = await t.signup();
    const base = Date.now() - 10 * HOUR;
    // 120 rows: some share a timestamp, so the id must break ties across page boundaries.
    const specs: RowSpec[] = Array.from({ length: 120 }, (_, i) => ({
      createdAt: new Date(base + Math.floor(i / 3) * 1000),
    }));
    const rows = await insertImageRows(t, user.id, specs);
    const uploaded = [];
    for (let seed = 0; seed < 5; seed += 1) {
      uploaded.push((await uploadImage(t, token, { seed })).image);
    }
    const expected = [...rows.map(toListed), ...uploaded].sort(ORDERS.newest);

    const { images, pages } = await walk(token, 'limit=25');
    expect(pages).toBe(5);
    expect(ids(images)).toEqual(ids(expected));
    // The newest are the ones uploaded over HTTP, newest first.
    expect(ids(images.slice(0, 5))).toEqual(ids(uploaded).reverse());

    const small = await walk(token, 'limit=7');
    expect(ids(small.images)).toEqual(ids(expected));
  });

  it('stays stable when images are added and removed between page fetches', async () => {
    const { token, user } = await t.signup();
    const base = Date.now() - 5 * HOUR;
    const rows = await insertImageRows(
      t,
      user.id,
      Array.from({ length: 30 }, (_, i) => ({ createdAt: new Date(base + i * 1000) })),
    );
    const original = rows.map(toListed).sort(ORDERS.newest);
    const removed = original[25]!; // on the third page of ten
    const added: string[] = [];

    const { images } = await walk(token, 'limit=10', async (page) => {
      if (page === 1) {
        added.push(...ids(await insertImageRows(t, user.id, [{}, {}, {}])));
        added.push((await uploadImage(t, token, { seed: 40 })).image.id);
        const del = await t.request('DELETE', `/api/images/${removed.id}`, { token });
        expect(del.status).toBe(204);
      }
      if (page === 2) added.push(...ids(await insertImageRows(t, user.id, [{}, {}])));
    });

    expect(ids(images)).toEqual(ids(original.filter((i) => i.id !== removed.id)));
    expect(new Set(ids(images)).size).toBe(images.length);
    for (const id of added) expect(ids(images)).not.toContain(id);

    // A fresh walk sees the new ones first.
    const fresh = await walk(token, 'limit=10');
    expect(fresh.images).toHaveLength(30 - 1 + added.length);
    expect(ids(fresh.images.slice(0, added.length)).sort()).toEqual([...added].sort());
  });

  it('pages the gallery the same way, with signed URLs on every page', async () => {
    const { token, user } = await t.signup();
    const rows = await insertImageRows(
      t,
      user.id,
      Array.from({ length: 12 }, (_, i) => ({ createdAt: new Date(Date.now() - i * 1000) })),
    );
    const { images } = await walk(token, 'limit=5', undefined, '/api/images/gallery');
    expect(ids(images)).toEqual(ids(rows.map(toListed).sort(ORDERS.newest)));
    for (const image of images as any[]) expect(image.url).toMatch(/X-Amz-Signature=/);
  });
});

describe('sort orders', () => {
  let token: string;
  let all: Listed[];

  beforeAll(async () => {
    const account = await t.signup();
    token = account.token;
    const base = Date.now() - 3 * HOUR;
    // Names, sizes and times with repeats, in an order unrelated to insertion.
    const specs: RowSpec[] = Array.from({ length: 40 }, (_, i) => ({
      filename: `f${String((i * 17) % 23).padStart(3, '0')}.png`,
      size: 1000 + ((i * 7) % 11) * 100,
      createdAt: new Date(base + ((i * 13) % 29) * 1000),
    }));
    all = (await insertImageRows(t, account.user.id, specs)).map(toListed);
    all.push((await uploadImage(t, token, { seed: 50, filename: 'f010.png' })).image);
  });

  it.each(['name', 'size', 'oldest', 'newest'] as const)(
    'sort=%s orders every image correctly across pages',
    async (sort) => {
      const { images, pages } = await walk(token, `sort=${sort}&limit=7`);
      expect(pages).toBe(6);
      expect(ids(images)).toEqual(ids([...all].sort(ORDERS[sort])));
    },
  );
});

describe('filters', () => {
  it('q matches filename and title, ignoring case, with % and _ taken literally', async () => {
    const { token, user } = await t.signup();
    const rows = await insertImageRows(t, user.id, [
      { filename: 'Beach_100%.png' },
      { filename: 'beach-day.png' },
      { filename: 'MOUNTAIN.png', title: 'Trip to the BEACH' },
      { filename: 'b100x.png' },
      { filename: 'x%y.png' },
      { filename: 'plain.png', title: 'nothing here' },
    ]);
    const byName = Object.fromEntries(rows.map((r) => [r.filename, r.id]));
    const search = async (q: string) => {
      const res = await t.request('GET', `/api/images?q=${encodeURIComponent(q)}`, { token });
      expect(res.status).toBe(200);
      return res.body.images.map((i: Listed) => i.filename).sort();
    };
    expect(await search('beach')).toEqual(['Beach_100%.png', 'MOUNTAIN.png', 'beach-day.png']);
    expect(await search('BEACH')).toEqual(await search('beach'));
    expect(await search('_100%')).toEqual(['Beach_100%.png']);
    expect(await search('%')).toEqual(['Beach_100%.png', 'x%y.png']);
    expect(await search('_')).toEqual(['Beach_100%.png']);
    expect(await search('\\')).toEqual([]);
    expect(await search('here')).toEqual(['plain.png']);
    expect(await search('no such thing')).toEqual([]);
    expect(byName['plain.png']).toBeDefined();
  });

  it('sha256 finds a duplicate before uploading it again', async () => {
    const { token } = await t.signup();
    const first = await uploadImage(t, token, { seed: 60 });
    const second = await uploadImage(t, token, { seed: 60 });
    await uploadImage(t, token, { seed: 61 });
    const res = await t.request('GET', `/api/images?sha256=${first.image.sha256}`, { token });
    expect(res.status).toBe(200);
    expect(ids(res.body.images).sort()).toEqual([first.image.id, second.image.id].sort());
    const none = await t.request('GET', `/api/images?sha256=${'0'.repeat(64)}`, { token });
    expect(none.body.images).toEqual([]);
    const bad = await t.request('GET', '/api/images?sha256=XYZ', { token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('albumId lists one album, albumId=none the images in no album', async () => {
    const { token } = await t.signup();
    const album = (await t.request('POST', '/api/albums', { token, json: { name: 'Trip' } })).body
      .album;
    const inAlbum = [
      (await uploadImage(t, token, { seed: 70, albumId: album.id })).image,
      (await uploadImage(t, token, { seed: 71, albumId: album.id })).image,
    ];
    const loose = (await uploadImage(t, token, { seed: 72 })).image;

    const listed = await t.request('GET', `/api/images?albumId=${album.id}`, { token });
    expect(ids(listed.body.images).sort()).toEqual(ids(inAlbum).sort());
    const none = await t.request('GET', '/api/images?albumId=none', { token });
    expect(ids(none.body.images)).toEqual([loose.id]);

    await t.request('PATCH', `/api/images/${loose.id}`, { token, json: { albumId: album.id } });
    const after = await t.request('GET', `/api/images?albumId=${album.id}&limit=2`, { token });
    expect(after.body.images).toHaveLength(2);
    const rest = await t.request(
      'GET',
      `/api/images?albumId=${album.id}&limit=2&cursor=${after.body.nextCursor}`,
      { token },
    );
    expect(rest.body.nextCursor).toBeNull();
    expect([...ids(after.body.images), ...ids(rest.body.images)].sort()).toEqual(
      [...ids(inAlbum), loose.id].sort(),
    );
    const stillNone = await t.request('GET', '/api/images?albumId=none', { token });
    expect(stillNone.body.images).toEqual([]);
  });
});

describe('bad listing requests', () => {
  async function expect400(token: string, query: string) {
    const res = await t.request('GET', `/api/images?${query}`, { token });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    return res.body.error.message as string;
  }

  const craft = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

  it('refuses a garbage cursor and one from another sort order', async () => {
    const { token, user } = await t.signup();
    await insertImageRows(t, user.id, [{}, {}, {}]);
    expect(await expect400(token, 'cursor=garbage')).toContain('cursor');
    expect(await expect400(token, `cursor=${craft(['newest'])}`)).toContain('cursor');

    const byName = await t.request('GET', '/api/images?sort=name&limit=1', { token });
    expect(byName.body.nextCursor).toEqual(expect.any(String));
    await expect400(token, `sort=size&cursor=${byName.body.nextCursor}`);
    await expect400(token, `cursor=${byName.body.nextCursor}`); // the default sort, newest
    const ok = await t.request('GET', `/api/images?sort=name&cursor=${byName.body.nextCursor}`, {
      token,
    });
    expect(ok.status).toBe(200);
  });

  it('refuses hand-made cursors whose values do not fit the sort (400, not a server error)', async () => {
    const { token } = await t.signup();
    const id = '0b3e3a52-9a0c-4c39-8d5e-2f4f0b9a1c11';
    const cases: [string, unknown[]][] = [
      ['newest', ['newest', new Date().toISOString(), '-'.repeat(36)]],
      ['newest', ['newest', 'not a date', id]],
      ['newest', ['newest', 12, id]],
      ['oldest', ['oldest', '2024-02-30T99:00:00.000Z', id]],
      ['size', ['size', 'big', id]],
      ['size', ['size', 1.5, id]],
      ['name', ['name', 42, id]],
    ];
    for (const [sort, parts] of cases) {
      await expect400(token, `sort=${sort}&cursor=${craft(parts)}`);
    }
  });

  it('refuses a limit outside 1..200', async () => {
    const { token } = await t.signup();
    await expect400(token, 'limit=0');
    await expect400(token, 'limit=201');
    await expect400(token, 'limit=ten');
    await expect400(token, 'sort=random');
  });
});
