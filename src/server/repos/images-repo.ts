// Images: insert, visibility-checked lookup, keyset-paginated listing, edits and removal.
import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type { Image, ImageSort } from '../../shared/api';
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
}

type NewImage = Omit<ImagesTable, 'createdAt' | 'tags' | 'trashedAt'> & {
  tags: string[];
  createdAt: Date;
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
    trashedAt: row.trashedAt?.toISOString() ?? null,
  };
}

const SORTS = {
  newest: { column: 'createdAt', direction: 'desc' },
  oldest: { column: 'createdAt', direction: 'asc' },
  name: { column: 'filename', direction: 'asc' },
  size: { column: 'size', direction: 'desc' },
} as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
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
      const pattern = `%${escapeLike(filter.q)}%`;
      query = query.where((eb) =>
        eb.or([eb('filename', 'ilike', pattern), eb('title', 'ilike', pattern)]),
      );
    }
    if (filter.cursor) {
      const cursor = decodeCursor(filter.cursor, filter.sort);
      const value = column === 'createdAt' ? new Date(cursor.value) : cursor.value;
      const op = direction === 'desc' ? '<' : '>';
      query = query.where((eb) =>
        eb(eb.refTuple(column, 'id'), op, eb.tuple(value as never, cursor.id)),
      );
    }
    const rows = await query
      .orderBy(column, direction)
      .orderBy('id', direction)
      .limit(filter.limit + 1)
      .execute();
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > filter.limit && last
        ? encodeCursor({
            sort: filter.sort,
            value: column === 'createdAt' ? last.createdAt.toISOString() : last[column],
            id: last.id,
          })
        : null;
    return { rows: page, nextCursor };
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
