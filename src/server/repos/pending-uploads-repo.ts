// Pending uploads: keys that were presigned but not yet registered, with their promised size/type.
import type { Kysely, Transaction } from 'kysely';
import type { Database, PendingUploadRow, PendingUploadsTable } from '../db/schema';

type Executor = Kysely<Database> | Transaction<Database>;
type NewPending = Omit<PendingUploadsTable, 'createdAt'>;

export class PendingUploadsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts all or none; returns false when any key was already presigned. */
  async insertMany(rows: NewPending[]): Promise<boolean> {
    const inserted = await this.db
      .insertInto('pendingUploads')
      .values(rows)
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .execute();
    if (inserted.length === rows.length) return true;
    // Partial insert: undo ours so the batch stays all-or-nothing.
    if (inserted.length > 0) {
      await this.db
        .deleteFrom('pendingUploads')
        .where(
          'key',
          'in',
          inserted.map((r) => r.key),
        )
        .execute();
    }
    return false;
  }

  find(key: string): Promise<PendingUploadRow | undefined> {
    return this.db
      .selectFrom('pendingUploads')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirst();
  }

  /** Atomically claims (deletes) a pending row; only one caller gets it back. */
  claim(
    executor: Executor,
    key: string,
    match: { ownerId: string | null; purpose: PendingUploadRow['purpose'] },
  ): Promise<PendingUploadRow | undefined> {
    let query = executor
      .deleteFrom('pendingUploads')
      .where('key', '=', key)
      .where('purpose', '=', match.purpose);
    query =
      match.ownerId === null
        ? query.where('ownerId', 'is', null)
        : query.where('ownerId', '=', match.ownerId);
    return query.returningAll().executeTakeFirst();
  }

  async restore(row: PendingUploadRow): Promise<void> {
    await this.db
      .insertInto('pendingUploads')
      .values(row)
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }

  listExpired(before: Date, limit: number): Promise<PendingUploadRow[]> {
    return this.db
      .selectFrom('pendingUploads')
      .selectAll()
      .where('expiresAt', '<', before)
      .orderBy('expiresAt')
      .limit(limit)
      .execute();
  }

  async delete(key: string): Promise<void> {
    await this.db.deleteFrom('pendingUploads').where('key', '=', key).execute();
  }

  /** True when the key was ever handed out and is still known: pending, an image, or an avatar. */
  async isKnown(keys: string[]): Promise<boolean> {
    if (keys.length === 0) return false;
    const hit = await this.db
      .selectFrom('pendingUploads')
      .select('key')
      .where('key', 'in', keys)
      .union((eb) => eb.selectFrom('images').select('key').where('key', 'in', keys))
      .union((eb) =>
        eb
          .selectFrom('images')
          .select('thumbnailKey as key')
          .where('thumbnailKey', 'in', keys)
          .$narrowType<{ key: string }>(),
      )
      .union((eb) =>
        eb
          .selectFrom('users')
          .select('avatarKey as key')
          .where('avatarKey', 'in', keys)
          .$narrowType<{ key: string }>(),
      )
      .limit(1)
      .executeTakeFirst();
    return hit !== undefined;
  }
}
