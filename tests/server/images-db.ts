// Direct views of the database and the bucket for API tests: what a request left behind, and
// bulk inserts where a test needs volume faster than the HTTP flow can make it.
import crypto from 'node:crypto';
import type { TestServer } from './test-server';

export function dbOf(t: TestServer) {
  return t.server.services.database.db;
}

export async function imageRowsOf(t: TestServer, ownerId: string) {
  return dbOf(t).selectFrom('images').selectAll().where('ownerId', '=', ownerId).execute();
}

export async function pendingKeysOf(t: TestServer, ownerId: string): Promise<string[]> {
  const rows = await dbOf(t)
    .selectFrom('pendingUploads')
    .select('key')
    .where('ownerId', '=', ownerId)
    .execute();
  return rows.map((r) => r.key).sort();
}

/** Object keys in the bucket under a user's namespace. */
export async function objectKeysOf(t: TestServer, ownerId: string): Promise<string[]> {
  return (await t.objectKeys(`users/${ownerId}/`)).sort();
}

export async function objectExists(t: TestServer, key: string): Promise<boolean> {
  return (await t.server.services.storage.store.head(key)) !== null;
}

export interface RowSpec {
  filename?: string;
  title?: string | null;
  size?: number;
  sha256?: string | null;
  albumId?: string | null;
  createdAt?: Date;
}

/** Inserts image rows straight into the table (no objects behind them): volume for listings. */
export async function insertImageRows(t: TestServer, ownerId: string, specs: RowSpec[]) {
  const rows = [];
  for (const spec of specs) {
    const random = crypto.randomBytes(16).toString('base64url');
    rows.push(
      await t.server.services.images.insert(dbOf(t), {
        id: crypto.randomUUID(),
        ownerId,
        key: `users/${ownerId}/${random}.png`,
        thumbnailKey: null,
        filename: spec.filename ?? `${random}.png`,
        contentType: 'image/png',
        size: spec.size ?? 1000,
        width: 64,
        height: 48,
        sha256: spec.sha256 ?? null,
        title: spec.title ?? null,
        alt: null,
        albumId: spec.albumId ?? null,
        tags: [],
        createdAt: spec.createdAt ?? new Date(),
      }),
    );
  }
  return rows;
}
