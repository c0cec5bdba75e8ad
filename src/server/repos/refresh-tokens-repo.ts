// Refresh tokens by hash: issue, spend (once), and end a whole family.
import type { Kysely, Transaction } from 'kysely';
import type { Database, RefreshTokenRow } from '../db/schema';

type Executor = Kysely<Database> | Transaction<Database>;

export class RefreshTokensRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(
    executor: Executor,
    row: Omit<RefreshTokenRow, 'createdAt' | 'usedAt' | 'revokedAt'>,
  ): Promise<void> {
    await executor.insertInto('refreshTokens').values(row).execute();
  }

  /** The token's row, locked until the transaction ends (two refreshes of it queue up). */
  findForUpdate(
    trx: Transaction<Database>,
    tokenHash: string,
  ): Promise<RefreshTokenRow | undefined> {
    return trx
      .selectFrom('refreshTokens')
      .selectAll()
      .where('tokenHash', '=', tokenHash)
      .forUpdate()
      .executeTakeFirst();
  }

  async markUsed(trx: Transaction<Database>, tokenHash: string, at: Date): Promise<void> {
    await trx
      .updateTable('refreshTokens')
      .set({ usedAt: at })
      .where('tokenHash', '=', tokenHash)
      .execute();
  }

  async revokeFamily(executor: Executor, familyId: string, at: Date): Promise<void> {
    await executor
      .updateTable('refreshTokens')
      .set({ revokedAt: at })
      .where('familyId', '=', familyId)
      .where('revokedAt', 'is', null)
      .execute();
  }

  /** Rows past their expiry are of no use to anyone: removed in bounded batches. */
  async deleteExpired(before: Date, limit: number): Promise<number> {
    const rows = await this.db
      .deleteFrom('refreshTokens')
      .where(
        'tokenHash',
        'in',
        this.db
          .selectFrom('refreshTokens')
          .select('tokenHash')
          .where('expiresAt', '<', before)
          .limit(limit),
      )
      .returning('tokenHash')
      .execute();
    return rows.length;
  }
}
