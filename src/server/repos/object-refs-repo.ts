// What the database says about object keys: which are referenced (by an image, a thumbnail, a
// profile image or a live pending upload), and the reconciler's shared position and lease.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface ReconcilerPosition {
  prefixIndex: number;
  startAfter: string | null;
}

export class ObjectRefsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The keys among `keys` that something references. One statement, so one snapshot: a
   * registration committing meanwhile (pending row gone, image row there) is seen either before
   * or after, never in between. Each arm uses its column's unique index.
   */
  async referenced(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const list = sql.join(keys.map((key) => sql`${key}`));
    const { rows } = await sql<{ key: string }>`
      select key from pending_uploads where key in (${list})
      union select key from images where key in (${list})
      union select thumbnail_key as key from images where thumbnail_key in (${list})
      union select avatar_key as key from users where avatar_key in (${list})
    `.execute(this.db);
    return new Set(rows.map((row) => row.key));
  }

  /** The keys among `keys` that have a pending (presigned, not registered) upload. */
  async pending(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('pendingUploads')
      .select('key')
      .where('key', 'in', keys)
      .execute();
    return new Set(rows.map((row) => row.key));
  }

  /** Takes the reconciler's lease until `until`, or undefined while another server holds it. */
  async lease(now: Date, until: Date): Promise<ReconcilerPosition | undefined> {
    return this.db
      .updateTable('reconcilerState')
      .set({ leaseUntil: until })
      .where('id', '=', 1)
      .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', now)]))
      .returning(['prefixIndex', 'startAfter'])
      .executeTakeFirst();
  }

  /** Saves where the next run starts and gives the lease back. */
  async release(position: ReconcilerPosition): Promise<void> {
    await this.db
      .updateTable('reconcilerState')
      .set({ ...position, leaseUntil: null })
      .where('id', '=', 1)
      .execute();
  }
}
