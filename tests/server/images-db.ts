// Direct views of the database and the bucket for API tests: what a request left behind, and
// bulk inserts where a test needs volume faster than the HTTP flow can make it.
import crypto from 'node:crypto';
import { storedTakenAt } from '../../src/shared/api/taken-at';
import { stagingKey } from '../../src/server/storage/key-layout';
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

/** Whether a presigned upload sits in staging: sent, not (yet) registered. */
export function stagedExists(t: TestServer, key: string): Promise<boolean> {
  return objectExists(t, stagingKey(key));
}

/** Whether anything of an upload is stored: its staging copy or its final object. */
export async function uploadStored(t: TestServer, key: string): Promise<boolean> {
  return (await objectExists(t, key)) || (await stagedExists(t, key));
}

/** Final keys of a user's uploads still in staging (sent, not registered). */
export async function stagedKeysOf(t: TestServer, ownerId: string): Promise<string[]> {
  const staged = await t.objectKeys(stagingKey(`users/${ownerId}/`));
  return staged.map((key) => key.slice(stagingKey('').length)).sort();
}

export interface RowSpec {
  filename?: string;
  title?: string | null;
  size?: number;
  sha256?: string | null;
  albumId?: string | null;
  createdAt?: Date;
  alt?: string | null;
  tags?: string[];
  contentType?: string;
  /** The API's form ("2021-05-04T10:11:12+02:00" or zone-less); absent: no date taken. */
  takenAt?: string;
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
        contentType: spec.contentType ?? 'image/png',
        size: spec.size ?? 1000,
        width: 64,
        height: 48,
        sha256: spec.sha256 ?? null,
        title: spec.title ?? null,
        alt: spec.alt ?? null,
        albumId: spec.albumId ?? null,
        tags: spec.tags ?? [],
        createdAt: spec.createdAt ?? new Date(),
        ...storedTakenAt(spec.takenAt),
      }),
    );
  }
  return rows;
}
