// Users: creation (the first account becomes admin), lookup, and the profile image key.
import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { User } from '../../shared/api';
import type { Database, UserRow } from '../db/schema';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    username: row.username,
    role: row.role,
    avatarKey: row.avatarKey,
  };
}

export class UsersRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Inserts inside the caller's transaction. An advisory lock serialises concurrent sign-ups
   * so exactly one account can see an empty table and become admin.
   */
  async create(
    trx: Transaction<Database>,
    input: { email: string; username: string; passwordHash: string; avatarKey: string | null },
  ): Promise<UserRow> {
    await sql`select pg_advisory_xact_lock(724001)`.execute(trx);
    const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    return trx
      .insertInto('users')
      .values({
        id: crypto.randomUUID(),
        email: input.email,
        username: input.username,
        passwordHash: input.passwordHash,
        role: existing ? 'member' : 'admin',
        avatarKey: input.avatarKey,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  findByEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  findById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
