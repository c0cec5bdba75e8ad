// Every object key ever handed out, so a key can be presigned once even after its image was
// deleted or its orphan swept (a reissued key could otherwise serve new bytes to old signed URLs).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('issued_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`
    insert into issued_keys (key)
    select key from pending_uploads
    union select key from images
    union select thumbnail_key from images where thumbnail_key is not null
    union select avatar_key from users where avatar_key is not null
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('issued_keys').execute();
}
