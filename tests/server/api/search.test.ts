// Search as a person uses it: a word from any field (filename, title, alt text, tags, album name)
// finds the image whatever its case and accents; tag and type filters; the tag list; the sorts
// by name and size, paged without losing or repeating an image.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertImageRows, type RowSpec } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { uploadImage } from '../upload-helpers';

let t: TestServer;
let admin: Awaited<ReturnType<TestServer['signup']>>;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.signup(); // the first account on a server is its administrator
});
afterAll(() => t.close());

interface Listed {
  id: string;
  filename: string;
  title: string | null;
  size: number;
}

async function list(token: string, query: string): Promise<Listed[]> {
  const res = await t.request('GET', `/api/images?${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.images;
}

async function filenames(token: string, query: string): Promise<string[]> {
  return (await list(token, query)).map((image) => image.filename).sort();
}

const q = (term: string) => `q=${encodeURIComponent(term)}`;

describe('q finds a word in every field', () => {
  let token: string;

  beforeAll(async () => {
    const account = await t.signup();
    token = account.token;
    const album = (
      await t.request('POST', '/api/albums', { token, json: { name: 'Île de Ré weekend' } })
    ).body.album;
    await insertImageRows(t, account.user.id, [
      { filename: 'IMG_0042_Lighthouse.jpg' },
      { filename: 'a.png', title: 'Sunset over the Harbour' },
      { filename: 'b.png', alt: 'A crème brûlée on a blue plate' },
      { filename: 'c.png', tags: ['Zürich', 'family'] },
      { filename: 'd.png', albumId: album.id },
      { filename: 'e.png', title: 'nothing to see', alt: 'plain', tags: ['misc'] },
    ]);
    // Another account's image with the same words is never found.
    const other = await t.signup();
    await insertImageRows(t, other.user.id, [
      { filename: 'lighthouse.jpg', title: 'harbour', alt: 'creme', tags: ['zurich'] },
    ]);
  });

  it('matches filename, title, alt text, tags and album name, on substrings', async () => {
    expect(await filenames(token, q('lighth'))).toEqual(['IMG_0042_Lighthouse.jpg']);
    expect(await filenames(token, q('0042'))).toEqual(['IMG_0042_Lighthouse.jpg']);
    expect(await filenames(token, q('arbou'))).toEqual(['a.png']);
    expect(await filenames(token, q('brûlée'))).toEqual(['b.png']);
    expect(await filenames(token, q('famil'))).toEqual(['c.png']);
    expect(await filenames(token, q('weekend'))).toEqual(['d.png']);
  });

  it('ignores case and accents, in the images and in the search term', async () => {
    expect(await filenames(token, q('CREME BRULEE'))).toEqual(['b.png']);
    expect(await filenames(token, q('zurich'))).toEqual(['c.png']);
    expect(await filenames(token, q('ZÜRICH'))).toEqual(['c.png']);
    expect(await filenames(token, q('ile de re'))).toEqual(['d.png']);
    expect(await filenames(token, q('HARBOUR'))).toEqual(['a.png']);
  });

  it('finds short terms too (one or two characters)', async () => {
    // "re": in "crème" and in "Ré".
    expect(await filenames(token, q('ré'))).toEqual(['b.png', 'd.png']);
    // "u": in Lighthouse, Sunset, brûlée and Zürich.
    expect(await filenames(token, q('ü'))).toEqual([
      'IMG_0042_Lighthouse.jpg',
      'a.png',
      'b.png',
      'c.png',
    ]);
  });

  it('never lets a match run from one field into the next', async () => {
    // filename "e.png" is followed by the title "nothing to see": no image has "png nothing".
    expect(await filenames(token, q('png nothing'))).toEqual([]);
    expect(await filenames(token, q('nothing to see'))).toEqual(['e.png']);
  });

  it('combines with the other filters and pages', async () => {
    // By the name a person sees: a.png is "Sunset over…" and e.png "nothing to see".
    const page = await t.request('GET', `/api/images?${q('png')}&limit=2&sort=name`, { token });
    expect(page.body.images.map((i: Listed) => i.filename)).toEqual(['b.png', 'c.png']);
    const rest = await t.request(
      'GET',
      `/api/images?${q('png')}&limit=2&sort=name&cursor=${page.body.nextCursor}`,
      { token },
    );
    expect(rest.body.images.map((i: Listed) => i.filename)).toEqual(['d.png', 'e.png']);
  });
});

describe('the searchable text stays current', () => {
  it('follows edits of title, alt and tags, album renames, moves and album deletes', async () => {
    const { token } = await t.signup();
    const album = (await t.request('POST', '/api/albums', { token, json: { name: 'Spring' } })).body
      .album;
    const image = (await uploadImage(t, token, { seed: 5, albumId: album.id })).image;
    const found = async (term: string) => (await list(token, q(term))).map((i) => i.id);

    expect(await found('spring')).toEqual([image.id]);
    const renamed = await t.request('PATCH', `/api/albums/${album.id}`, {
      token,
      json: { name: 'Été à Nîmes' },
    });
    expect(renamed.status).toBe(200);
    expect(await found('spring')).toEqual([]);
    expect(await found('ete a nimes')).toEqual([image.id]);

    const edit = await t.request('PATCH', `/api/images/${image.id}`, {
      token,
      json: { title: 'Arènes', alt: 'Roman amphitheatre', tags: ['Gard', 'stone'] },
    });
    expect(edit.status).toBe(200);
    expect(await found('arenes')).toEqual([image.id]);
    expect(await found('amphithe')).toEqual([image.id]);
    expect(await found('stone')).toEqual([image.id]);

    await t.request('PATCH', `/api/images/${image.id}`, { token, json: { tags: ['granite'] } });
    expect(await found('stone')).toEqual([]);
    expect(await found('granite')).toEqual([image.id]);

    await t.request('PATCH', `/api/images/${image.id}`, { token, json: { albumId: null } });
    expect(await found('nimes')).toEqual([]);
    await t.request('PATCH', `/api/images/${image.id}`, { token, json: { albumId: album.id } });
    expect(await found('nimes')).toEqual([image.id]);

    const gone = await t.request('DELETE', `/api/albums/${album.id}`, { token });
    expect(gone.status).toBe(204);
    expect(await found('nimes')).toEqual([]);
    expect(await found('arenes')).toEqual([image.id]);
  });
});

describe('tag and type filters', () => {
  let token: string;

  beforeAll(async () => {
    const account = await t.signup();
    token = account.token;
    await insertImageRows(t, account.user.id, [
      { filename: 'one.png', tags: ['beach', 'kids'] },
      { filename: 'two.jpg', tags: ['beach'], contentType: 'image/jpeg' },
      { filename: 'three.webp', tags: ['kids', 'Beach Party'], contentType: 'image/webp' },
      { filename: 'four.png' },
    ]);
  });

  it('tag= keeps images that carry every tag given', async () => {
    expect(await filenames(token, 'tag=beach')).toEqual(['one.png', 'two.jpg']);
    expect(await filenames(token, 'tag=beach&tag=kids')).toEqual(['one.png']);
    expect(await filenames(token, `tag=${encodeURIComponent('Beach Party')}`)).toEqual([
      'three.webp',
    ]);
    expect(await filenames(token, 'tag=nope')).toEqual([]);
    expect(await filenames(token, 'tag=kids&q=three')).toEqual(['three.webp']);
  });

  it('type= keeps images of the formats given', async () => {
    expect(await filenames(token, 'type=jpg')).toEqual(['two.jpg']);
    expect(await filenames(token, 'type=png&type=webp')).toEqual([
      'four.png',
      'one.png',
      'three.webp',
    ]);
    expect(await filenames(token, 'type=gif')).toEqual([]);
  });

  it('refuses bad filters with a sentence', async () => {
    const bad = async (query: string) => {
      const res = await t.request('GET', `/api/images?${query}`, { token });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      return res.body.error.message as string;
    };
    expect(await bad('type=bmp')).toMatch(/type.*must be one of jpg, png/);
    expect(await bad('tag=')).toMatch(/tag/);
    expect(await bad(`tag=${encodeURIComponent('a\u0000b')}`)).toMatch(/control characters/);
    expect(await bad(Array.from({ length: 11 }, (_, i) => `tag=t${i}`).join('&'))).toMatch(
      /at most 10/,
    );
  });
});

describe('GET /api/tags', () => {
  it("lists the caller's tags with counts, most used first; admins may ask for anyone's", async () => {
    const member = await t.signup();
    const [, , , , trashed] = await insertImageRows(t, member.user.id, [
      { tags: ['sea', 'sun'] },
      { tags: ['sea'] },
      { tags: ['sea', 'Sun'] },
      {},
      { tags: ['sea', 'gone'] },
    ]);
    // A tag only images in the trash carry is not offered.
    const trashing = await t.request('DELETE', `/api/images/${trashed!.id}`, {
      token: member.token,
    });
    expect(trashing.status).toBe(204);
    await insertImageRows(t, admin.user.id, [{ tags: ['mine'] }]);

    const own = await t.request('GET', '/api/tags', { token: member.token });
    expect(own.status).toBe(200);
    expect(own.body.tags).toEqual([
      { name: 'sea', count: 3 },
      { name: 'Sun', count: 1 },
      { name: 'sun', count: 1 },
    ]);

    const forbidden = await t.request('GET', '/api/tags?owner=all', { token: member.token });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');
    const other = await t.request('GET', `/api/tags?owner=${admin.user.id}`, {
      token: member.token,
    });
    expect(other.status).toBe(403);

    const first = admin;
    const theirs = await t.request('GET', `/api/tags?owner=${member.user.id}`, {
      token: first.token,
    });
    expect(theirs.body.tags).toEqual(own.body.tags);
    const everyone = await t.request('GET', '/api/tags?owner=all', { token: first.token });
    expect(everyone.body.tags).toEqual(expect.arrayContaining([{ name: 'mine', count: 1 }]));
    expect(everyone.body.tags[0]).toEqual({ name: 'sea', count: expect.any(Number) });
  });
});

describe('sorts by name and size', () => {
  interface Row {
    id: string;
    shown: string;
    size: number;
  }
  let token: string;
  let rows: Row[];

  beforeAll(async () => {
    const account = await t.signup();
    token = account.token;
    // Repeated names and sizes (so ties cross page boundaries), titles that override filenames,
    // and case and accents that must not change the order a person expects.
    const specs: RowSpec[] = Array.from({ length: 37 }, (_, i) => {
      const name = ['apple', 'Banana', 'cherry', 'Éclair', 'date'][i % 5]!;
      return i % 3 === 0
        ? { filename: `zz-${i}.png`, title: name, size: 100 + (i % 4) * 10 }
        : { filename: `${name}.png`, size: 100 + (i % 4) * 10 };
    });
    const inserted = await insertImageRows(t, account.user.id, specs);
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    rows = inserted.map((r) => ({ id: r.id, shown: fold(r.title ?? r.filename), size: r.size }));
  });

  async function walk(sort: string): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: any } = await t.request(
        'GET',
        `/api/images?sort=${sort}&limit=6${cursor ? `&cursor=${cursor}` : ''}`,
        { token },
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.images.map((i: Listed) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    return seen;
  }

  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  const ORDERS: Record<string, (a: Row, b: Row) => number> = {
    name: (a, b) => cmp(a.shown, b.shown) || cmp(a.id, b.id),
    'name-desc': (a, b) => cmp(b.shown, a.shown) || cmp(b.id, a.id),
    size: (a, b) => cmp(b.size, a.size) || cmp(b.id, a.id),
    smallest: (a, b) => cmp(a.size, b.size) || cmp(a.id, b.id),
  };

  it.each(Object.keys(ORDERS))('sort=%s pages through every image once, in order', async (sort) => {
    const expected = [...rows].sort(ORDERS[sort]).map((r) => r.id);
    expect(await walk(sort)).toEqual(expected);
  });

  it('sorts by the title a person sees, falling back to the filename', async () => {
    const first = await list(token, 'sort=name&limit=14');
    // Seven "apple"s (titles and filenames alike) come first, then "banana" before "cherry".
    expect(first.slice(0, 8).map((i) => i.title ?? i.filename)).toEqual([
      ...Array(8).fill(expect.stringMatching(/^apple/)),
    ]);
    const last = await list(token, 'sort=name-desc&limit=1');
    expect(last[0]!.title ?? last[0]!.filename).toMatch(/^Éclair/);
  });
});
