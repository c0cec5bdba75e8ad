// Listing and search at library scale: seeds N images per account (rows straight into the table
// with generate_series, no objects: a listing never reads the bucket and the gallery page only
// signs URLs), then times signed-in HTTP requests against a real server on PostgreSQL (a
// throwaway cluster) and on embedded PGlite, and prints p50/p95 side by side. Asserts nothing.
//   npm run bench:server -- [--images 100000] [--accounts 3] [--runs 200] [--db postgres,pglite]
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config';
import { encodeCursor } from '../src/server/repos/cursor';
import { createServer, type RunningServer } from '../src/server/server';
import type { ImageSort } from '../src/shared/api';
import { startPostgresCluster } from '../tests/setup/postgres-cluster';

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}
const IMAGES = Number(arg('images', '100000'));
const ACCOUNTS = Number(arg('accounts', '3'));
const RUNS = Number(arg('runs', '200'));
const DATABASES = arg('db', 'postgres,pglite').split(',') as Array<'postgres' | 'pglite'>;
const WARMUP = 20;
const SORTS: ImageSort[] = ['newest', 'oldest', 'name', 'name-desc', 'size', 'smallest'];

// Titles, alt text and tags are drawn from this vocabulary (accents included), so a word is
// carried by a few percent of the images, the way a place or a person is in a real library.
const WORDS = [
  'beach',
  'sunset',
  'harbour',
  'lighthouse',
  'mountain',
  'forest',
  'river',
  'city',
  'market',
  'café',
  'crème',
  'château',
  'garden',
  'family',
  'wedding',
  'birthday',
  'concert',
  'museum',
  'bridge',
  'train',
  'airport',
  'snow',
  'desert',
  'island',
  'lake',
  'village',
  'festival',
  'portrait',
  'street',
  'night',
  'morning',
  'autumn',
  'spring',
  'winter',
  'summer',
  'dog',
  'cat',
  'horse',
  'boat',
  'bicycle',
  'Zürich',
  'Málaga',
  'Kraków',
  'São Paulo',
  'Reykjavík',
  'Île de Ré',
  'office',
  'kitchen',
  'school',
  'stadium',
];

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

interface Account {
  id: string;
  token: string;
}

interface Probe {
  name: string;
  url: string;
}

async function signup(baseUrl: string, n: number): Promise<Account> {
  const res = await fetch(`${baseUrl}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench${n}@example.com`,
      password: 'bench password 1',
      username: `Bench ${n}`,
    }),
  });
  const body = (await res.json()) as { token: string; user: { id: string } };
  if (res.status !== 201 && res.status !== 200) throw new Error(`signup: ${JSON.stringify(body)}`);
  return { id: body.user.id, token: body.token };
}

/** One statement per account: rows, albums and their names go through migration 0008's triggers. */
async function seed(server: RunningServer, account: Account): Promise<void> {
  const { db } = server.services.database;
  const words = sql.val(WORDS);
  await sql`
    insert into albums (id, owner_id, name)
    select gen_random_uuid(), ${account.id}, 'Album ' || g || ' ' || (${words}::text[])[1 + g % ${WORDS.length}]
      from generate_series(1, 20) g`.execute(db);
  // The searchable text and sort name are computed here with the same SQL the trigger runs
  // (images_search_fields, migration 0008), set-based, with the trigger off: row by row, a
  // trigger call per image made seeding take minutes.
  await sql`alter table images disable trigger images_search_fields`.execute(db);
  await sql`
    with album as materialized (
      select id, name, (row_number() over (order by id) - 1)::int as n
        from albums where owner_id = ${account.id}
    ), seeded as (
      select g,
             'IMG_' || lpad(g::text, 6, '0') || '.jpg' as filename,
             case when g % 3 = 0 then null
                  else words[1 + abs(hashint4(g + 1)) % ${WORDS.length}] || ' ' ||
                       words[1 + abs(hashint4(g + 2)) % ${WORDS.length}] end as title,
             case when g % 2 = 0 then null
                  else 'A photo of ' || words[1 + abs(hashint4(g + 3)) % ${WORDS.length}] end as alt,
             case when g % 5 = 0 then null else abs(hashint4(g + 4)) % 20 end as album_n,
             array[words[1 + abs(hashint4(g + 5)) % ${WORDS.length}],
                   words[1 + abs(hashint4(g + 6)) % ${WORDS.length}]] as tags
        from generate_series(1, ${IMAGES}) g, (select ${words}::text[] as words) w
    )
    insert into images (id, owner_id, key, thumbnail_key, filename, content_type, size, width,
                        height, title, alt, album_id, tags, created_at, taken_at, search_text,
                        sort_name)
    select gen_random_uuid(), ${account.id},
           'users/' || ${account.id} || '/bench-' || g || '.jpg',
           'users/' || ${account.id} || '/bench-' || g || '-thumb.webp',
           s.filename,
           (array['image/jpeg', 'image/png', 'image/webp'])[1 + g % 3],
           -- repeated sizes, so the size sorts page through ties
           1000 + abs(hashint4(g)) % 50000,
           4000, 3000, s.title, s.alt, a.id, s.tags,
           now() - g * interval '1 second',
           -- a quarter without a date taken, which both date-taken sorts put last
           case when g % 4 = 0 then null
                else now() - (abs(hashint4(g + 7)) % 3650) * interval '1 day' end,
           image_search_text(s.filename, s.title, s.alt, s.tags, a.name),
           image_search_fold(coalesce(nullif(s.title, ''), s.filename))
      from seeded s left join album a on a.n = s.album_n`.execute(db);
  await sql`alter table images enable trigger images_search_fields`.execute(db);
}

/**
 * Bulk loads build indexes once at the end rather than row by row (the GIN trigram index above
 * all): the secondary indexes of images are dropped and made again from their own definitions,
 * so the benchmark measures exactly the indexes the migrations create.
 */
async function withIndexesRebuilt(server: RunningServer, load: () => Promise<void>) {
  const { db } = server.services.database;
  const { rows } = await sql<{ name: string; definition: string }>`
    select i.relname as name, pg_get_indexdef(i.oid) as definition
      from pg_index x join pg_class i on i.oid = x.indexrelid
     where x.indrelid = 'images'::regclass and not x.indisunique and not x.indisprimary`.execute(
    db,
  );
  for (const index of rows) await sql`drop index ${sql.ref(index.name)}`.execute(db);
  await load();
  for (const index of rows) await sql.raw(index.definition).execute(db);
  await sql`analyze images`.execute(db);
}

/** A cursor from the middle of the listing, as if someone had scrolled halfway down. */
async function deepCursor(server: RunningServer, account: Account, sort: ImageSort) {
  const { db } = server.services.database;
  const order = {
    newest: sql`created_at desc, id desc`,
    oldest: sql`created_at, id`,
    name: sql`sort_name, id`,
    'name-desc': sql`sort_name desc, id desc`,
    size: sql`size desc, id desc`,
    smallest: sql`size, id`,
    taken: sql`taken_at desc nulls last, id desc`,
    'taken-oldest': sql`taken_at nulls last, id`,
  }[sort];
  const row = (
    await sql<{
      id: string;
      createdAt: Date;
      sortName: string;
      size: number;
      takenAt: Date | null;
    }>`
      select id, created_at, sort_name, size, taken_at from images where owner_id = ${account.id}
       order by ${order} offset ${Math.floor(IMAGES / 2)} limit 1`.execute(db)
  ).rows[0]!;
  const value = {
    newest: () => row.createdAt.toISOString(),
    oldest: () => row.createdAt.toISOString(),
    name: () => row.sortName,
    'name-desc': () => row.sortName,
    size: () => row.size,
    smallest: () => row.size,
    taken: () => row.takenAt?.toISOString() ?? null,
    'taken-oldest': () => row.takenAt?.toISOString() ?? null,
  }[sort]();
  return encodeURIComponent(encodeCursor({ sort, value, id: row.id }));
}

async function probes(server: RunningServer, account: Account): Promise<Probe[]> {
  const list: Probe[] = [
    { name: 'first page (50, newest)', url: '/api/images?limit=50' },
    {
      name: 'deep cursor page (newest)',
      url: `/api/images?limit=50&cursor=${await deepCursor(server, account, 'newest')}`,
    },
  ];
  for (const sort of SORTS.slice(1)) {
    list.push({ name: `sort=${sort}, first page`, url: `/api/images?limit=50&sort=${sort}` });
    list.push({
      name: `sort=${sort}, deep page`,
      url: `/api/images?limit=50&sort=${sort}&cursor=${await deepCursor(server, account, sort)}`,
    });
  }
  list.push(
    { name: 'q=lighthouse (a word)', url: '/api/images?limit=50&q=lighthouse' },
    { name: 'q=zurich (accent folded)', url: '/api/images?limit=50&q=zurich' },
    { name: 'q=ighthou (substring)', url: '/api/images?limit=50&q=ighthou' },
    { name: 'q=img_0421 (filename)', url: '/api/images?limit=50&q=img_0421' },
    { name: 'q=no such word', url: `/api/images?limit=50&q=${encodeURIComponent('qqxqq')}` },
    { name: 'q=ca (short term)', url: '/api/images?limit=50&q=ca' },
    { name: 'q=beach, sort=name', url: '/api/images?limit=50&q=beach&sort=name' },
    { name: 'tag=sunset', url: '/api/images?limit=50&tag=sunset' },
    { name: 'tag=sunset&tag=beach', url: '/api/images?limit=50&tag=sunset&tag=beach' },
    { name: 'type=png', url: '/api/images?limit=50&type=png' },
    { name: 'gallery page (50, signed URLs)', url: '/api/images/gallery?limit=50' },
    { name: 'GET /api/tags', url: '/api/tags' },
  );
  return list;
}

async function time(baseUrl: string, token: string, url: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i += 1) {
    const started = performance.now();
    const res = await fetch(baseUrl + url, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.text();
    const elapsed = performance.now() - started;
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body}`);
    if (i >= WARMUP) samples.push(elapsed);
  }
  return samples;
}

async function run(kind: 'postgres' | 'pglite'): Promise<Map<string, number[]>> {
  const cluster = kind === 'postgres' ? await startPostgresCluster() : undefined;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `image-desk-bench-server-${kind}-`));
  const server = await createServer(
    loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      SIGNUP_MODE: 'open',
      SIGNUP_MAX_PER_HOUR: '100000',
      ...(cluster ? { DATABASE_URL: cluster.url } : {}),
    }),
  );
  try {
    const baseUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const accounts: Account[] = [];
    const seeding = performance.now();
    for (let n = 0; n < ACCOUNTS; n += 1) accounts.push(await signup(baseUrl, n));
    await withIndexesRebuilt(server, async () => {
      for (const account of accounts) await seed(server, account);
    });
    const seconds = ((performance.now() - seeding) / 1000).toFixed(1);
    console.log(`${kind}: seeded ${ACCOUNTS} × ${IMAGES.toLocaleString()} images in ${seconds} s`);
    // The last account is a member like most; the first (an admin) also lists everyone's.
    const member = accounts[accounts.length - 1]!;
    const results = new Map<string, number[]>();
    for (const probe of await probes(server, member)) {
      results.set(probe.name, await time(baseUrl, member.token, probe.url));
    }
    results.set(
      "everyone's images (admin, first page)",
      await time(baseUrl, accounts[0]!.token, '/api/images?limit=50&owner=all'),
    );
    return results;
  } finally {
    await server.close();
    cluster?.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

const measured = new Map<string, Map<string, number[]>>();
for (const kind of DATABASES) measured.set(kind, await run(kind));

const names = [...(measured.values().next().value ?? new Map()).keys()];
const ms = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(1));
const header = ['Request', ...DATABASES.flatMap((k) => [`${k} p50 ms`, `${k} p95 ms`])];
const rows = names.map((name) => [
  name,
  ...DATABASES.flatMap((kind) => {
    const samples = measured.get(kind)?.get(name) ?? [];
    return [ms(quantile(samples, 0.5)), ms(quantile(samples, 0.95))];
  }),
]);
console.log(
  `\n${IMAGES.toLocaleString()} images per account, ${ACCOUNTS} accounts, ${RUNS} requests each (after ${WARMUP} warm-up), signed-in HTTP on loopback:\n`,
);
console.log(`| ${header.join(' | ')} |`);
console.log(`| ${header.map((h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
