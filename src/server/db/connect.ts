// One Kysely instance over either a real PostgreSQL (DATABASE_URL) or embedded PGlite in DATA_DIR.
import fs from 'node:fs/promises';
import path from 'node:path';
import { CamelCasePlugin, Kysely, PGliteDialect, PostgresDialect, sql, type Dialect } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema';
import { migrateToLatest } from './migrate';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  /** The pg pool behind `db` with PostgreSQL (the shared rate limits use it); none with PGlite. */
  pool: pg.Pool | undefined;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
}): Promise<DatabaseHandle> {
  let dialect: Dialect;
  let kind: DatabaseHandle['kind'];
  let pool: pg.Pool | undefined;
  if (options.databaseUrl) {
    const { default: pgModule } = await import('pg');
    pool = new pgModule.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle client that loses its connection emits 'error'; without a listener that kills the process.
    pool.on('error', () => undefined);
    dialect = new PostgresDialect({ pool });
    kind = 'postgres';
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    // Search (migration 0008) needs these; PostgreSQL has them in its contrib package.
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
    const dir = path.join(options.dataDir, 'pglite');
    await fs.mkdir(dir, { recursive: true });
    const pglite = await PGlite.create(dir, { extensions: { pg_trgm, unaccent } });
    dialect = new PGliteDialect({ pglite });
    kind = 'pglite';
  }
  const db = new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin()] });
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return {
    db,
    kind,
    pool,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
