// Images: insert, visibility-checked lookup, keyset-paginated listing, edits and removal.
import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely';
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
  'createdAt' | 'tags' | 'takenAt' | 'takenOffsetMinutes' | 'thumbhash' | 'sourceSha256'
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
    sourceSha256: row.sourceSha256,
  };
}

const SORTS = {
  newest: { column: 'createdAt', direction: 'desc' },
  oldest: { column: 'createdAt', direction: 'asc' },
  name: { column: 'filename', direction: 'asc' },
  size: { column: 'size', direction: 'desc' },
  // Date taken: images without one come last in both orders (nulls last), see pageAfter.
  taken: { column: 'takenAt', direction: 'desc' },
  'taken-oldest': { column: 'takenAt', direction: 'asc' },
} as const;

/** Columns whose cursor value is an ISO instant (a Date in the row). */
const DATE_COLUMNS = new Set<string>(['createdAt', 'takenAt']);

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
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
      .selectAll();
    const owner = filter.owner ?? viewer.id;
    if (owner !== 'all') query = query.where('ownerId', '=', owner);
    if (filter.albumId === 'none') query = query.where('albumId', 'is', null);
    else if (filter.albumId) query = query.where('albumId', '=', filter.albumId);
    if (filter.sha256) query = query.where('sha256', '=', filter.sha256);
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q)}%`;
      query = query.where((eb) =>
        eb.or([eb('filename', 'ilike', pattern), eb('title', 'ilike', pattern)]),
      );
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

  update(
    id: string,
    changes: Partial<Pick<ImagesTable, 'title' | 'alt' | 'albumId'>> & { tags?: string[] },
  ): Promise<ImageRow | undefined> {
    return this.db
      .updateTable('images')
      .set(changes)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('images').where('id', '=', id).execute();
  }
}
