// Images: insert, visibility-checked lookup, keyset-paginated listing, edits and removal.
import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import { formatTakenAt, type Image, type ImageSort } from '../../shared/api';
import type { Database, ImageRow, ImagesTable } from '../db/schema';
import { decodeCursor, encodeCursor } from './cursor';

export interface Viewer {
  id: string;
  role: 'admin' | 'member';
}

export interface ListImagesFilter {
  limit: number;
  cursor?: string | undefined;
  q?: string | undefined;
  /** Every one of these tags. */
  tag?: string[] | undefined;
  /** Any of these content types. */
  contentTypes?: string[] | undefined;
  albumId?: string | undefined;
  sha256?: string | undefined;
  /** undefined = the viewer's own; 'all' or a user id (callers check the viewer may ask). */
  owner?: string | undefined;
  sort: ImageSort;
  /** Date-taken range, inclusive; images without a date taken never match a range. */
  takenFrom?: Date | undefined;
  takenTo?: Date | undefined;
}

type NewImage = Omit<
  ImagesTable,
  | 'createdAt'
  | 'tags'
  | 'searchText'
  | 'sortName'
  | 'takenAt'
  | 'takenOffsetMinutes'
  | 'thumbhash'
  | 'trashedAt'
  | 'sourceSha256'
> & {
  tags: string[];
  createdAt: Date;
  takenAt?: Date | null;
  takenOffsetMinutes?: number | null;
  thumbhash?: string | null;
  sourceSha256?: string | null;
};

export function toImage(row: ImageRow): Image {
  return {
    id: row.id,
    key: row.key,
    thumbnailKey: row.thumbnailKey,
    ownerId: row.ownerId,
    filename: row.filename,
    contentType: row.contentType,
    size: row.size,
    width: row.width,
    height: row.height,
    sha256: row.sha256,
    title: row.title,
    alt: row.alt,
    albumId: row.albumId,
    tags: row.tags,
    createdAt: row.createdAt.toISOString(),
    takenAt: row.takenAt ? formatTakenAt(row.takenAt, row.takenOffsetMinutes) : null,
    thumbhash: row.thumbhash,
    trashedAt: row.trashedAt?.toISOString() ?? null,
    sourceSha256: row.sourceSha256,
  };
}

// Each sort reads one btree range (migrations 0001 and 0008), owner first; id breaks ties.
const SORTS = {
  newest: { column: 'createdAt', direction: 'desc' },
  oldest: { column: 'createdAt', direction: 'asc' },
  name: { column: 'sortName', direction: 'asc' },
  'name-desc': { column: 'sortName', direction: 'desc' },
  size: { column: 'size', direction: 'desc' },
  smallest: { column: 'size', direction: 'asc' },
  // Date taken: images without one come last in both orders (nulls last), see pageAfter.
  taken: { column: 'takenAt', direction: 'desc' },
  'taken-oldest': { column: 'takenAt', direction: 'asc' },
} as const satisfies Record<ImageSort, { column: keyof ImageRow; direction: 'asc' | 'desc' }>;

/** Columns whose cursor value is an ISO instant (a Date in the row). */
const DATE_COLUMNS = new Set<string>(['createdAt', 'takenAt']);

/**
 * pg_trgm finds a term through the index when the term holds three letters or digits in a row
 * (it indexes runs of those). Shorter terms ("ab", "x%", "_") have no trigram: the GIN index
 * would return every row, so they are matched instead while walking the sort's own index over the
 * account's images, stopping once a page is full: a common short term costs a page, a rare one at
 * most one pass over the account (see bench:server for the figure at 100,000 images).
 */
const TRIGRAM_TERM = /[\p{L}\p{N}]{3}/u;

/** The term folded like search_text (same SQL function), with LIKE's wildcards taken literally. */
function likePattern(q: string) {
  return sql<string>`'%' || replace(replace(replace(image_search_fold(${q}), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
}

function cursorValue(row: ImageRow, column: keyof ImageRow): string | number | null {
  const value = row[column];
  if (value instanceof Date) return value.toISOString();
  return value as string | number | null;
}

export class ImagesRepo {
  constructor(private readonly db: Kysely<Database>) {}

  insert(executor: Transaction<Database> | Kysely<Database>, image: NewImage): Promise<ImageRow> {
    return executor.insertInto('images').values(image).returningAll().executeTakeFirstOrThrow();
  }

  findByKey(key: string): Promise<ImageRow | undefined> {
    return this.db.selectFrom('images').selectAll().where('key', '=', key).executeTakeFirst();
  }

  /** Another user's image reads as missing to members; admins see every image. */
  findVisible(id: string, viewer: Viewer): Promise<ImageRow | undefined> {
    let query = this.db.selectFrom('images').selectAll().where('id', '=', id);
    if (viewer.role !== 'admin') query = query.where('ownerId', '=', viewer.id);
    return query.executeTakeFirst();
  }

  /** The visible ones among `ids`; others (missing or not the viewer's) are simply absent. */
  findVisibleMany(ids: string[], viewer: Viewer): Promise<ImageRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    let query = this.db.selectFrom('images').selectAll().where('id', 'in', ids);
    if (viewer.role !== 'admin') query = query.where('ownerId', '=', viewer.id);
    return query.execute();
  }

  findVisibleByObjectKey(key: string, viewer: Viewer): Promise<ImageRow | undefined> {
    let query = this.db
      .selectFrom('images')
      .selectAll()
      .where((eb) => eb.or([eb('key', '=', key), eb('thumbnailKey', '=', key)]));
    if (viewer.role !== 'admin') query = query.where('ownerId', '=', viewer.id);
    return query.executeTakeFirst();
  }

  async list(
    viewer: Viewer,
    filter: ListImagesFilter,
  ): Promise<{ rows: ImageRow[]; nextCursor: string | null }> {
    const { column, direction } = SORTS[filter.sort];
    let query: SelectQueryBuilder<Database, 'images', ImageRow> = this.db
      .selectFrom('images')
      .selectAll()
      // The trash is listed by TrashRepo; everything else sees only the gallery.
      .where('trashedAt', 'is', null);
    const owner = filter.owner ?? viewer.id;
    if (owner !== 'all') query = query.where('ownerId', '=', owner);
    if (filter.albumId === 'none') query = query.where('albumId', 'is', null);
    else if (filter.albumId) query = query.where('albumId', '=', filter.albumId);
    if (filter.sha256) query = query.where('sha256', '=', filter.sha256);
    if (filter.q) {
      const pattern = likePattern(filter.q);
      // `|| ''` hides the column from the trigram index so the planner walks the sort index.
      query = TRIGRAM_TERM.test(filter.q)
        ? query.where(sql<boolean>`search_text like ${pattern}`)
        : query.where(sql<boolean>`(search_text || '') like ${pattern}`);
    }
    if (filter.tag && filter.tag.length > 0) {
      query = query.where(sql<boolean>`tags @> ${sql.val(filter.tag)}::text[]`);
    }
    if (filter.contentTypes && filter.contentTypes.length > 0) {
      query = query.where('contentType', 'in', filter.contentTypes);
    }
    if (filter.takenFrom) query = query.where('takenAt', '>=', filter.takenFrom);
    if (filter.takenTo) query = query.where('takenAt', '<=', filter.takenTo);
    const op = direction === 'desc' ? '<' : '>';
    if (filter.cursor) {
      const cursor = decodeCursor(filter.cursor, filter.sort);
      const value =
        DATE_COLUMNS.has(column) && cursor.value !== null
          ? new Date(cursor.value as string)
          : cursor.value;
      if (column !== 'takenAt') {
        query = query.where((eb) =>
          eb(eb.refTuple(column, 'id'), op, eb.tuple(value as never, cursor.id)),
        );
      } else if (value === null) {
        // Already into the images without a date: only the rest of them, by id.
        query = query.where('takenAt', 'is', null).where('id', op, cursor.id);
      } else {
        // Dated rows after the cursor, then every undated one (they sort last).
        query = query.where((eb) =>
          eb.or([
            eb(eb.refTuple('takenAt', 'id'), op, eb.tuple(value as Date, cursor.id)),
            eb('takenAt', 'is', null),
          ]),
        );
      }
    }
    const rows = await query
      .orderBy(column, (o) => (column === 'takenAt' ? o[direction]().nullsLast() : o[direction]()))
      .orderBy('id', direction)
      .limit(filter.limit + 1)
      .execute();
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > filter.limit && last
        ? encodeCursor({ sort: filter.sort, value: cursorValue(last, column), id: last.id })
        : null;
    return { rows: page, nextCursor };
  }

  /**
   * Which of these source hashes the owner's gallery already holds, one image each (the oldest).
   * One statement of ≤ 500 probes into images_owner_source_sha256_idx: flat at 100,000 images.
   */
  async findBySourceSha256(
    ownerId: string,
    sha256s: readonly string[],
  ): Promise<Array<{ sourceSha256: string; id: string; filename: string }>> {
    if (sha256s.length === 0) return [];
    const rows = await this.db
      .selectFrom('images')
      .select(['sourceSha256', 'id', 'filename', 'createdAt'])
      .where('ownerId', '=', ownerId)
      // An image in the trash is not in the gallery: dropping its file again uploads it.
      .where('trashedAt', 'is', null)
      .where('sourceSha256', 'in', [...new Set(sha256s)])
      .orderBy('createdAt', 'asc')
      .orderBy('id', 'asc')
      .execute();
    const first = new Map<string, { sourceSha256: string; id: string; filename: string }>();
    for (const row of rows) {
      if (row.sourceSha256 && !first.has(row.sourceSha256)) {
        first.set(row.sourceSha256, {
          sourceSha256: row.sourceSha256,
          id: row.id,
          filename: row.filename,
        });
      }
    }
    return [...first.values()];
  }

  /** Edits an image in the gallery; one in the trash is left as it is (undefined). */
  update(
    id: string,
    changes: Partial<Pick<ImagesTable, 'title' | 'alt' | 'albumId'>> & { tags?: string[] },
  ): Promise<ImageRow | undefined> {
    return this.db
      .updateTable('images')
      .set(changes)
      .where('id', '=', id)
      .where('trashedAt', 'is', null)
      .returningAll()
      .executeTakeFirst();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('images').where('id', '=', id).execute();
  }
}
