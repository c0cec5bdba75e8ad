// The trash: moving images in and out of it, listing it, and taking the rows that leave it for
// good (purge, Empty trash) under row locks, so a restore never races a purge.
import { sql, type Kysely } from 'kysely';
import type { Database, ImageRow } from '../db/schema';
import { decodeCursor, encodeCursor } from './cursor';
import type { Viewer } from './images-repo';

export interface TrashListFilter {
  limit: number;
  cursor?: string | undefined;
  /** undefined = the viewer's own; 'all' or a user id (callers check the viewer may ask). */
  owner?: string | undefined;
}

/** Which trashed rows a purge takes: an owner's (Empty trash), and/or those trashed before a time. */
export interface PurgeSelection {
  ownerId?: string | undefined;
  trashedBefore?: Date | undefined;
  limit: number;
}

export class TrashRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Moves the viewer's images among `ids` to the trash; ones already there keep their date.
   * Returns the ids that are now in the trash. One statement per request (primary key lookups).
   */
  async trash(ids: string[], viewer: Viewer, now: Date): Promise<string[]> {
    if (ids.length === 0) return [];
    let query = this.db
      .updateTable('images')
      .set({ trashedAt: sql<Date>`coalesce(trashed_at, ${now})` })
      .where('id', 'in', ids);
    if (viewer.role !== 'admin') query = query.where('ownerId', '=', viewer.id);
    const rows = await query.returning('id').execute();
    return rows.map((row) => row.id);
  }

  /**
   * Brings the viewer's images among `ids` back to the gallery (ones already there count too).
   * A row a purge holds is waited for; once the purge commits it is gone and not returned.
   */
  async restore(ids: string[], viewer: Viewer): Promise<ImageRow[]> {
    if (ids.length === 0) return [];
    let query = this.db.updateTable('images').set({ trashedAt: null }).where('id', 'in', ids);
    if (viewer.role !== 'admin') query = query.where('ownerId', '=', viewer.id);
    return query.returningAll().execute();
  }

  /** Newest trashed first, keyset-paginated on (trashed_at, id): one range of images_owner_trash_idx. */
  async list(
    viewer: Viewer,
    filter: TrashListFilter,
  ): Promise<{ rows: ImageRow[]; nextCursor: string | null }> {
    let query = this.db.selectFrom('images').selectAll().where('trashedAt', 'is not', null);
    const owner = filter.owner ?? viewer.id;
    if (owner !== 'all') query = query.where('ownerId', '=', owner);
    if (filter.cursor) {
      const cursor = decodeCursor(filter.cursor, 'trashed');
      query = query.where((eb) =>
        eb(
          eb.refTuple('trashedAt', 'id'),
          '<',
          eb.tuple(new Date(cursor.value as string) as never, cursor.id),
        ),
      );
    }
    const rows = await query
      .orderBy('trashedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > filter.limit && last?.trashedAt
        ? encodeCursor({ sort: 'trashed', value: last.trashedAt.toISOString(), id: last.id })
        : null;
    return { rows: page, nextCursor };
  }

  /** How many images an owner has in the trash. */
  async count(ownerId: string): Promise<number> {
    const row = await this.db
      .selectFrom('images')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('ownerId', '=', ownerId)
      .where('trashedAt', 'is not', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Deletes up to `limit` trashed rows, oldest trashed first, after `removeObjects` succeeded for
   * them; if it throws, the rows stay (and it rethrows). The rows are locked while their objects
   * go (`for update skip locked`): another server purging at once takes other rows, and a
   * restore waits, then finds the row gone instead of reviving an image whose objects are gone.
   * Returns how many rows were deleted.
   */
  async purge(
    selection: PurgeSelection,
    removeObjects: (rows: ImageRow[]) => Promise<void>,
  ): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      let query = trx.selectFrom('images').selectAll().where('trashedAt', 'is not', null);
      if (selection.ownerId) query = query.where('ownerId', '=', selection.ownerId);
      if (selection.trashedBefore) query = query.where('trashedAt', '<', selection.trashedBefore);
      const rows = await query
        .orderBy('trashedAt')
        .orderBy('id')
        .limit(selection.limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return 0;
      await removeObjects(rows);
      await trx
        .deleteFrom('images')
        .where(
          'id',
          'in',
          rows.map((row) => row.id),
        )
        .execute();
      return rows.length;
    });
  }
}
