// Versioned migrations, applied at boot. Listed statically so a bundled build still finds them.
import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as initial from './migrations/0001-initial';
import * as issuedKeys from './migrations/0002-issued-keys';
import * as accounts from './migrations/0003-accounts';
import * as reconciler from './migrations/0004-reconciler';
import * as refreshTokens from './migrations/0005-refresh-tokens';
import * as intakeMetadata from './migrations/0006-intake-metadata';
import * as search from './migrations/0008-search';
import * as trash from './migrations/0007-trash';

const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-issued-keys': issuedKeys,
  '0003-accounts': accounts,
  '0004-reconciler': reconciler,
  '0005-refresh-tokens': refreshTokens,
  '0006-intake-metadata': intakeMetadata,
  '0008-search': search,
  '0007-trash': trash,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
