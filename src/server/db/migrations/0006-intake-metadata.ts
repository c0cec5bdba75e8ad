// What intake learns about each image beyond its bytes: when it was taken (the instant sorts
// and filters; the offset, null when the camera recorded none, prints the wall clock back) and
// a ThumbHash placeholder the gallery paints before the thumbnail arrives.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('images')
    .addColumn('taken_at', 'timestamptz')
    .addColumn('taken_offset_minutes', 'smallint')
    .addColumn('thumbhash', 'text')
    .execute();
  // Keyset pagination by date taken, photos without a date last in both directions: each
  // order needs its own index ending in id (a backward scan would put the nulls first).
  await sql`create index images_owner_taken_idx on images (owner_id, taken_at desc nulls last, id desc)`.execute(
    db,
  );
  await sql`create index images_owner_taken_oldest_idx on images (owner_id, taken_at asc nulls last, id asc)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index images_owner_taken_oldest_idx`.execute(db);
  await sql`drop index images_owner_taken_idx`.execute(db);
  await db.schema
    .alterTable('images')
    .dropColumn('thumbhash')
    .dropColumn('taken_offset_minutes')
    .dropColumn('taken_at')
    .execute();
}
