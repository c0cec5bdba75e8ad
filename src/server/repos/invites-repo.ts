// Invites: an admin's one-time code for one email address, stored as a hash.
import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../../shared/api';
import type { Database, InviteRow } from '../db/schema';

export class InvitesRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** A new invite replaces the email's earlier unused ones: only the latest code works. */
  async create(input: {
    email: string;
    role: Role;
    tokenHash: string;
    createdBy: string;
    expiresAt: Date;
  }): Promise<InviteRow> {
    return this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('invites')
        .where('email', '=', input.email)
        .where('usedAt', 'is', null)
        .execute();
      return trx
        .insertInto('invites')
        .values({ id: crypto.randomUUID(), ...input })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
  }

  /** The unused, unexpired invite with this hash, for this email (else undefined). */
  findUsable(
    tokenHash: string,
    email: string,
    executor: Kysely<Database> | Transaction<Database> = this.db,
  ): Promise<InviteRow | undefined> {
    return executor
      .selectFrom('invites')
      .selectAll()
      .where('tokenHash', '=', tokenHash)
      .where('email', '=', email)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', new Date())
      .executeTakeFirst();
  }

  /** Marks it used by `userId`, only if still unused: false when another sign-up took it first. */
  async markUsed(trx: Transaction<Database>, id: string, userId: string): Promise<boolean> {
    const row = await trx
      .updateTable('invites')
      .set({ usedAt: new Date(), usedBy: userId })
      .where('id', '=', id)
      .where('usedAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }
}
