// Where the bucket reconciler left off, and which server holds it: one row, shared by every API
// server on the database, so a pass proceeds page by page whichever server runs it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reconciler_state')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    // Index into APP_PREFIXES and the last key examined under it (null: from the start).
    .addColumn('prefix_index', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('start_after', 'text')
    // A server that takes a run holds it until then; a crashed server's lease simply lapses.
    .addColumn('lease_until', 'timestamptz')
    .execute();
  await sql`insert into reconciler_state (id) values (1)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reconciler_state').execute();
}
