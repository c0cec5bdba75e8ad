// Pending uploads: keys that were presigned but not yet registered, with their promised size/type.
// Every key handed out is also recorded in issued_keys, so no key is ever presigned twice.
import type { Kysely, Transaction } from 'kysely';
import type { Database, PendingUploadRow, PendingUploadsTable } from '../db/schema';

type Executor = Kysely<Database> | Transaction<Database>;
type NewPending = Omit<PendingUploadsTable, 'createdAt'>;

/**
 * Records keys as issued; false when any was issued before. Call it inside a transaction so a
 * refused batch records nothing. Every code path that writes an object under a new key uses it.
 */
export async function issueKeys(executor: Executor, keys: string[]): Promise<boolean> {
  if (new Set(keys).size !== keys.length) return false;
  if (keys.length === 0) return true;
  const inserted = await executor
    .insertInto('issuedKeys')
    .values(keys.map((key) => ({ key })))
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .execute();
  return inserted.length === keys.length;
}

/** Thrown inside the transaction to roll back a batch that reused a key. */
class KeyReused extends Error {}

export class PendingUploadsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Issues the keys and inserts their pending rows, all or none; false when a key was reused. */
  async insertMany(rows: NewPending[]): Promise<boolean> {
    try {
      await this.db.transaction().execute(async (trx) => {
        if (
          !(await issueKeys(
            trx,
            rows.map((r) => r.key),
          ))
        )
          throw new KeyReused();
        await trx.insertInto('pendingUploads').values(rows).execute();
      });
      return true;
    } catch (error) {
      if (error instanceof KeyReused) return false;
      throw error;
    }
  }

  find(key: string): Promise<PendingUploadRow | undefined> {
    return this.db
      .selectFrom('pendingUploads')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirst();
  }

  /** The pending rows of these keys, in one query (missing keys are simply absent). */
  findMany(keys: readonly string[]): Promise<PendingUploadRow[]> {
    return this.db.selectFrom('pendingUploads').selectAll().where('key', 'in', keys).execute();
  }

  /**
   * Claims (deletes) the owner's pending rows of these keys in one statement and returns them;
   * the caller checks that each key came back with the purpose it expects, and throws to roll
   * the transaction back when one did not.
   */
  claimMany(
    trx: Transaction<Database>,
    keys: readonly string[],
    ownerId: string,
  ): Promise<PendingUploadRow[]> {
    return trx
      .deleteFrom('pendingUploads')
      .where('key', 'in', keys)
      .where('ownerId', '=', ownerId)
      .returningAll()
      .execute();
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

  /** Claims a row only while it is still expired before `cutoff` (the sweeper's claim). */
  claimExpired(key: string, cutoff: Date): Promise<PendingUploadRow | undefined> {
    return this.db
      .deleteFrom('pendingUploads')
      .where('key', '=', key)
      .where('expiresAt', '<', cutoff)
      .returningAll()
      .executeTakeFirst();
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
}
