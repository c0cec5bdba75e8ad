// Albums: one user's named groups, listed with how many images each holds.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Album } from '../../shared/api';
import type { Database } from '../db/schema';

export class AlbumsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  private selectWithCount() {
    return this.db
      .selectFrom('albums')
      .leftJoin('images', (join) =>
        // Images in the trash do not count toward an album until they are restored.
        join.onRef('images.albumId', '=', 'albums.id').on('images.trashedAt', 'is', null),
      )
      .select((eb) => [
        'albums.id',
        'albums.ownerId',
        'albums.name',
        'albums.createdAt',
        eb.fn.count<number>('images.id').$castTo<number>().as('imageCount'),
      ])
      .groupBy('albums.id');
  }

  async list(ownerId: string): Promise<Album[]> {
    const rows = await this.selectWithCount()
      .where('albums.ownerId', '=', ownerId)
      .orderBy('albums.name')
      .execute();
    return rows.map(toAlbum);
  }

  async find(id: string, ownerId: string): Promise<Album | undefined> {
    const row = await this.selectWithCount()
      .where('albums.id', '=', id)
      .where('albums.ownerId', '=', ownerId)
      .executeTakeFirst();
    return row ? toAlbum(row) : undefined;
  }

  /** Who owns an album (undefined: no such album). */
  async ownerOf(id: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('albums')
      .select('ownerId')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.ownerId;
  }

  async create(ownerId: string, name: string): Promise<Album> {
    const row = await this.db
      .insertInto('albums')
      .values({ id: crypto.randomUUID(), ownerId, name, createdAt: new Date() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAlbum({ ...row, imageCount: 0 });
  }

  async rename(id: string, ownerId: string, name: string): Promise<boolean> {
    const row = await this.db
      .updateTable('albums')
      .set({ name })
      .where('id', '=', id)
      .where('ownerId', '=', ownerId)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Images in the album stay, unassigned (the foreign key sets album_id to null). */
  async delete(id: string, ownerId: string): Promise<boolean> {
    const row = await this.db
      .deleteFrom('albums')
      .where('id', '=', id)
      .where('ownerId', '=', ownerId)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }
}

function toAlbum(row: {
  id: string;
  ownerId: string;
  name: string;
  createdAt: Date;
  imageCount: number | string | bigint;
}): Album {
  return {
    id: row.id,
    ownerId: row.ownerId,
    name: row.name,
    imageCount: Number(row.imageCount),
    createdAt: row.createdAt.toISOString(),
  };
}
