// Accounts under an admin's control: disabled accounts and a session version per user (checked
// on every request), usernames unique whatever their case, invites and one-time password resets
// (only hashes of their tokens), and the table the shared rate limits live in (PostgreSQL).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('token_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Names that already collide by case get the start of their id appended (all but the oldest),
  // so the unique index can be built on a database that allowed "Ada" and "ada" until now.
  await sql`
    update users u set username = u.username || '-' || substr(u.id::text, 1, 8)
    where exists (
      select 1 from users o
      where lower(o.username) = lower(u.username) and (o.created_at, o.id) < (u.created_at, u.id)
    )
  `.execute(db);
  await sql`create unique index users_username_lower_key on users (lower(username))`.execute(db);
  // The admin listing's keyset order. Its cursor carries created_at as a JS Date (milliseconds),
  // so existing rows lose their microseconds as new ones are written without them.
  await sql`update users set created_at = date_trunc('milliseconds', created_at)`.execute(db);
  await sql`create index users_created_idx on users (created_at, id)`.execute(db);

  await db.schema
    .createTable('invites')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'member')`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('used_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('invites_email_idx').on('invites').column('email').execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('password_resets_user_idx')
    .on('password_resets')
    .column('user_id')
    .execute();

  // rate-limiter-flexible's RateLimiterPostgres layout (key, points, expire in epoch ms), created
  // here rather than by the library so it is versioned like every other table; `text` because a
  // key holds an email and an address, which can pass the library's varchar(255).
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute();
  await db.schema
    .createIndex('rate_limits_expire_idx')
    .on('rate_limits')
    .column('expire')
    .execute();

  // A user's pending uploads are summed for the storage quota and removed with the account.
  await db.schema
    .createIndex('pending_uploads_owner_idx')
    .on('pending_uploads')
    .column('owner_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('pending_uploads_owner_idx').execute();
  for (const table of ['rate_limits', 'password_resets', 'invites']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('users_created_idx').execute();
  await db.schema.dropIndex('users_username_lower_key').execute();
  await db.schema
    .alterTable('users')
    .dropColumn('token_version')
    .dropColumn('disabled_at')
    .execute();
}
