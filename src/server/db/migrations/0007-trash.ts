// The trash: a deleted image keeps its row and objects, marked with when it was trashed, until it
// is restored, deleted for good, or purged after TRASH_DAYS.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('images').addColumn('trashed_at', 'timestamptz').execute();
  // The Trash view (newest trashed first, keyset on trashed_at, id) and the purge (oldest first)
  // read only trashed rows, so both indexes are partial and stay as small as the trash.
  await sql`create index images_owner_trash_idx on images (owner_id, trashed_at desc, id desc) where trashed_at is not null`.execute(
    db,
  );
  await sql`create index images_trash_purge_idx on images (trashed_at, id) where trashed_at is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists images_trash_purge_idx`.execute(db);
  await sql`drop index if exists images_owner_trash_idx`.execute(db);
  await db.schema.alterTable('images').dropColumn('trashed_at').execute();
}
