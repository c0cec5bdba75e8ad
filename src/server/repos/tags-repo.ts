// Tags with their image counts, for the tag list a person picks a filter from.
import { sql, type Kysely } from 'kysely';
import type { TagCount } from '../../shared/api';
import type { Database } from '../db/schema';

export class TagsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Counts by unnesting the tags of the owner's images (through the owner's index): one pass over
   * that account's rows, ~100,000 small arrays at 100,000 images (see bench:server). Kept as a
   * query rather than a counter table, since every tag edit would otherwise write a shared row.
   */
  async counts(owner: string | 'all'): Promise<TagCount[]> {
    const rows = await sql<{ name: string; count: string | number }>`
      select tag as name, count(*) as count
        from images cross join lateral unnest(images.tags) as tag
       where ${owner === 'all' ? sql`true` : sql`images.owner_id = ${owner}`}
         and images.trashed_at is null
       group by tag
       order by count(*) desc, tag`.execute(this.db);
    return rows.rows.map((row) => ({ name: row.name, count: Number(row.count) }));
  }
}
