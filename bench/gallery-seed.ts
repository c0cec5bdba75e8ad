// Seeds a gallery for the gallery benchmark, with the backend opened in-process (PGlite cannot
// be shared with the web preview, so this runs before the preview starts on the same data dir).
// A few images go the real way (presign, PUT, register); the volume is inserted as rows, each
// with its own thumbnail object in the embedded store (a ~100-byte WebP, one of 256 colours).
import crypto from 'node:crypto';
import sharp from 'sharp';
import { loadConfig } from '../src/server/config';
import { createServer } from '../src/server/server';
import { ApiClient } from '../src/main/services/api-client';
import { putObject } from '../src/main/services/put-object';

export interface SeededGallery {
  email: string;
  password: string;
  count: number;
  /** Seconds spent on each seeding step (context for the reader, not a measurement target). */
  timings: { realUploads: number; thumbnailPuts: number; rowInserts: number };
}

const REAL_UPLOADS = 12;
const DISTINCT_THUMBS = 256;
const PUT_CONCURRENCY = 32;

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

function colour(i: number): string {
  const hue = (i * 137.508) % 360;
  return `hsl(${hue.toFixed(0)}, 55%, ${40 + (i % 4) * 10}%)`;
}

async function tile(i: number, width: number, height: number, format: 'webp' | 'jpeg') {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${colour(i)}"/></svg>`;
  const image = sharp(Buffer.from(svg));
  return format === 'webp' ? image.webp({ quality: 60 }).toBuffer() : image.jpeg().toBuffer();
}

const seconds = (since: number) => (performance.now() - since) / 1000;

export async function seedGallery(dataDir: string, count: number): Promise<SeededGallery> {
  const server = await createServer(
    loadConfig({ DATA_DIR: dataDir, PORT: '0', S3_EMBEDDED_PORT: '0', LOG_LEVEL: 'silent' }),
  );
  try {
    const serverUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const email = `bench-${count}@example.com`;
    const password = 'bench password 1';
    const account = await new ApiClient({ serverUrl }).signup({
      email,
      password,
      username: `bench${count}`,
    });
    const api = new ApiClient({ serverUrl, getToken: () => account.token });

    // The real path, so the gallery also holds images exactly as the app uploads them.
    let started = performance.now();
    for (let i = 0; i < REAL_UPLOADS; i++) {
      const original = await tile(i, 1200, 800, 'jpeg');
      const thumbnail = await tile(i, 320, 213, 'webp');
      const { uploads } = await api.presignBatch([
        { filename: `uploaded-${i + 1}.jpg`, contentType: 'image/jpeg', size: original.length },
        {
          filename: `uploaded-${i + 1}.webp`,
          contentType: 'image/webp',
          size: thumbnail.length,
          purpose: 'thumbnail',
        },
      ]);
      await putObject(uploads[0]!, original);
      await putObject(uploads[1]!, thumbnail);
      await api.register({
        key: uploads[0]!.key,
        thumbnailKey: uploads[1]!.key,
        filename: `uploaded-${i + 1}.jpg`,
        contentType: 'image/jpeg',
        size: original.length,
        width: 1200,
        height: 800,
      });
    }
    const realUploads = seconds(started);

    const volume = count - REAL_UPLOADS;
    const thumbs = await Promise.all(
      Array.from({ length: DISTINCT_THUMBS }, (_, i) => tile(i, 320, 213, 'webp')),
    );
    const ownerId = account.user.id;
    const rows = Array.from({ length: volume }, (_, i) => {
      const random = crypto.randomBytes(16).toString('base64url');
      return {
        i,
        key: `users/${ownerId}/${random}.jpg`,
        thumbnailKey: `users/${ownerId}/thumbs/${random}.webp`,
      };
    });

    started = performance.now();
    const { store } = server.services.storage;
    await mapLimit(rows, PUT_CONCURRENCY, (row) =>
      store.put(row.thumbnailKey, thumbs[row.i % DISTINCT_THUMBS]!, 'image/webp'),
    );
    const thumbnailPuts = seconds(started);

    // Older than the real uploads, a minute apart, so "newest" puts the real ones first.
    started = performance.now();
    const base = Date.now() - 60_000;
    const { db } = server.services.database;
    for (let from = 0; from < rows.length; from += 500) {
      await db.transaction().execute(async (trx) => {
        for (const row of rows.slice(from, from + 500)) {
          await server.services.images.insert(trx, {
            id: crypto.randomUUID(),
            ownerId,
            key: row.key,
            thumbnailKey: row.thumbnailKey,
            filename: `seed-${String(row.i + 1).padStart(5, '0')}.jpg`,
            contentType: 'image/jpeg',
            size: 100_000 + ((row.i * 7919) % 900_000),
            width: 1200,
            height: 800,
            sha256: null,
            title: null,
            alt: null,
            albumId: null,
            tags: [],
            createdAt: new Date(base - row.i * 60_000),
          });
        }
      });
    }
    const rowInserts = seconds(started);
    return { email, password, count, timings: { realUploads, thumbnailPuts, rowInserts } };
  } finally {
    await server.close();
  }
}
