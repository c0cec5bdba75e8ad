// One-time password resets an admin issued: hash of the code, whose account, until when.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

export class PasswordResetsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** A new reset replaces the account's earlier unused ones: only the latest code works. */
  async create(input: {
    userId: string;
    tokenHash: string;
    createdBy: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('passwordResets')
        .where('userId', '=', input.userId)
        .where('usedAt', 'is', null)
        .execute();
      await trx.insertInto('passwordResets').values(input).execute();
    });
  }

  /** Uses the code if it is unused and unexpired; returns whose account it resets. */
  async claim(trx: Transaction<Database>, tokenHash: string): Promise<string | undefined> {
    const row = await trx
      .updateTable('passwordResets')
      .set({ usedAt: new Date() })
      .where('tokenHash', '=', tokenHash)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', new Date())
      .returning('userId')
      .executeTakeFirst();
    return row?.userId;
  }
}
