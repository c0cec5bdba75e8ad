// What intake learns about each image beyond its bytes: when it was taken (the instant sorts
// and filters; the offset, null when the camera recorded none, prints the wall clock back) and
// a ThumbHash placeholder the gallery paints before the thumbnail arrives; the SHA-256 of the
// source file as it was dropped, so re-adding a file is known before any image work.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('images')
    .addColumn('taken_at', 'timestamptz')
    .addColumn('taken_offset_minutes', 'smallint')
    .addColumn('thumbhash', 'text')
    .addColumn('source_sha256', 'text')
    .execute();
  // The batched source lookup: up to 500 equality probes per request into one account's images.
  await sql`create index images_owner_source_sha256_idx on images (owner_id, source_sha256)`.execute(
    db,
  );
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
  await sql`drop index images_owner_source_sha256_idx`.execute(db);
  await sql`drop index images_owner_taken_oldest_idx`.execute(db);
  await sql`drop index images_owner_taken_idx`.execute(db);
  await db.schema
    .alterTable('images')
    .dropColumn('source_sha256')
    .dropColumn('thumbhash')
    .dropColumn('taken_offset_minutes')
    .dropColumn('taken_at')
    .execute();
}
