// Users: creation, lookup, the per-request auth check, the admin's listing and changes.
import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Role, User } from '../../shared/api';
import type { Database, UserRow } from '../db/schema';

type Executor = Kysely<Database> | Transaction<Database>;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    username: row.username,
    role: row.role,
    avatarKey: row.avatarKey,
  };
}

/**
 * Serialises every change to who exists and who is an enabled admin (sign-ups, role changes,
 * disabling, deletion), so exactly one sign-up sees an empty table and becomes admin, and two
 * admins demoting each other at once cannot leave none.
 */
export async function lockAccounts(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(724001)`.execute(trx);
}

export interface AuthState {
  id: string;
  role: Role;
  disabledAt: Date | null;
  tokenVersion: number;
}

export class UsersRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Whether any account exists; call under lockAccounts() when the answer decides a sign-up. */
  async anyExists(executor: Executor = this.db): Promise<boolean> {
    return (
      (await executor.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined
    );
  }

  /** Inserts inside the caller's transaction (which holds lockAccounts()). */
  create(
    trx: Transaction<Database>,
    input: {
      email: string;
      username: string;
      passwordHash: string;
      avatarKey: string | null;
      role: Role;
    },
  ): Promise<UserRow> {
    return trx
      .insertInto('users')
      .values({
        id: crypto.randomUUID(),
        email: input.email,
        username: input.username,
        passwordHash: input.passwordHash,
        role: input.role,
        avatarKey: input.avatarKey,
        // Millisecond precision, so the listing's keyset cursor (a JS Date) compares exactly.
        createdAt: new Date(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  findByEmail(email: string, executor: Executor = this.db): Promise<UserRow | undefined> {
    return executor.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  findById(id: string, executor: Executor = this.db): Promise<UserRow | undefined> {
    return executor.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** What every authenticated request checks: one primary-key lookup. */
  authState(id: string): Promise<AuthState | undefined> {
    return this.db
      .selectFrom('users')
      .select(['id', 'role', 'disabledAt', 'tokenVersion'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** One page of accounts, oldest first (users_created_idx); `after` is the last row of the page before. */
  listPage(limit: number, after?: { createdAt: Date; id: string }): Promise<UserRow[]> {
    let query = this.db.selectFrom('users').selectAll();
    if (after) {
      query = query.where((eb) =>
        eb(eb.refTuple('createdAt', 'id'), '>', eb.tuple(after.createdAt, after.id)),
      );
    }
    return query.orderBy('createdAt').orderBy('id').limit(limit).execute();
  }

  /** Enabled admins other than `exceptId`: the last-admin rule counts these. */
  async otherEnabledAdmins(trx: Transaction<Database>, exceptId: string): Promise<number> {
    const row = await trx
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('role', '=', 'admin')
      .where('disabledAt', 'is', null)
      .where('id', '!=', exceptId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /**
   * Applies a role and/or disabled change. Disabling also raises the session version, so the
   * account's tokens stay dead even after it is enabled again.
   */
  update(
    trx: Transaction<Database>,
    id: string,
    changes: { role?: Role | undefined; disabled?: boolean | undefined },
  ): Promise<UserRow | undefined> {
    return trx
      .updateTable('users')
      .set((eb) => ({
        ...(changes.role ? { role: changes.role } : {}),
        ...(changes.disabled === true
          ? {
              disabledAt: sql<Date>`coalesce(disabled_at, now())`,
              tokenVersion: eb('tokenVersion', '+', 1),
            }
          : {}),
        ...(changes.disabled === false ? { disabledAt: null } : {}),
      }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  /** A new password hash; every existing session of the account ends with it. */
  setPassword(id: string, passwordHash: string, executor: Executor = this.db) {
    return executor
      .updateTable('users')
      .set((eb) => ({ passwordHash, tokenVersion: eb('tokenVersion', '+', 1) }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Sets the profile image key and returns the row as it was before (for its old key). */
  async setAvatar(trx: Transaction<Database>, id: string, avatarKey: string | null) {
    const before = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return undefined;
    const after = await trx
      .updateTable('users')
      .set({ avatarKey })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { before, after };
  }

  /** Removes the row; albums, pending uploads and password resets go with it (foreign keys). */
  async delete(trx: Transaction<Database>, id: string): Promise<boolean> {
    const row = await trx
      .deleteFrom('users')
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }
}
