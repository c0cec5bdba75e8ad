// What a sign-in gives a client: a short access token (a 2-hour JWT) and a refresh token that
// lets the desktop app and the CLI get the next access token without the password, so a
// ten-hour batch never stops for a sign-in. Refresh tokens are single use and rotated on every
// refresh; the tokens of one sign-in form a family, and presenting a spent one (someone else has
// a copy) ends the family. A password change or a disabled account (both raise the account's
// session version) ends every family; signing out ends its own.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuthResponse } from '../../shared/api';
import { CodedError } from '../../shared/errors';
import type { Database, UserRow } from '../db/schema';
import type { RefreshTokensRepo } from '../repos/refresh-tokens-repo';
import { toUser, type UsersRepo } from '../repos/users-repo';
import { hashOneTimeCode, newOneTimeCode } from './one-time-code';
import type { TokenService } from './tokens';

/**
 * Two processes on one machine (the app and the CLI share the keychain entry) may refresh with
 * the same token at once: within this window the loser is told to read the keychain again
 * (REFRESH_RACED) rather than taken for a thief.
 */
export const REUSE_GRACE_MS = 30_000;

function sessionEnded(): CodedError {
  return new CodedError('AUTH_REQUIRED', 'This session has ended. Sign in again.');
}

export class SessionIssuer {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokensRepo,
    private readonly users: UsersRepo,
    private readonly refreshLifetimeDays: number,
  ) {}

  /** A new sign-in: a fresh token family. */
  issue(row: UserRow): Promise<AuthResponse> {
    return this.respond(this.db, row, crypto.randomUUID());
  }

  /** Spends `refreshToken` and returns the next pair, or throws a 401 (or 409 on a race). */
  async refresh(refreshToken: string, now = new Date()): Promise<AuthResponse> {
    const hash = hashOneTimeCode(refreshToken);
    const outcome = await this.db.transaction().execute(async (trx) => {
      const row = await this.refreshTokens.findForUpdate(trx, hash);
      if (!row || row.revokedAt) return { kind: 'refused' as const };
      if (row.usedAt) {
        if (now.getTime() - row.usedAt.getTime() < REUSE_GRACE_MS)
          return { kind: 'raced' as const };
        await this.refreshTokens.revokeFamily(trx, row.familyId, now);
        return { kind: 'reused' as const };
      }
      if (row.expiresAt <= now) {
        return { kind: 'expired' as const };
      }
      const user = await this.users.findById(row.userId, trx);
      if (!user || user.disabledAt || user.tokenVersion !== row.tokenVersion) {
        await this.refreshTokens.revokeFamily(trx, row.familyId, now);
        return { kind: 'refused' as const };
      }
      await this.refreshTokens.markUsed(trx, hash, now);
      return { kind: 'ok' as const, answer: await this.respond(trx, user, row.familyId) };
    });
    switch (outcome.kind) {
      case 'ok':
        return outcome.answer;
      case 'raced':
        throw new CodedError(
          'REFRESH_RACED',
          'This sign-in was just renewed by another part of the app. Read the stored session again.',
        );
      case 'expired':
        throw new CodedError('AUTH_EXPIRED', 'Your session has expired. Sign in again.');
      default:
        // A reused token also lands here: whoever holds the family now must sign in again.
        throw sessionEnded();
    }
  }

  /** Signing out: the family of `refreshToken` ends (a token already unknown is fine). */
  async revoke(refreshToken: string, now = new Date()): Promise<void> {
    const hash = hashOneTimeCode(refreshToken);
    await this.db.transaction().execute(async (trx) => {
      const row = await this.refreshTokens.findForUpdate(trx, hash);
      if (row) await this.refreshTokens.revokeFamily(trx, row.familyId, now);
    });
  }

  private async respond(
    executor: Kysely<Database>,
    row: UserRow,
    familyId: string,
  ): Promise<AuthResponse> {
    const { code, hash } = newOneTimeCode('rft');
    await this.refreshTokens.insert(executor, {
      tokenHash: hash,
      userId: row.id,
      familyId,
      tokenVersion: row.tokenVersion,
      expiresAt: new Date(Date.now() + this.refreshLifetimeDays * 24 * 60 * 60 * 1000),
    });
    const token = await this.tokens.sign({
      userId: row.id,
      role: row.role,
      version: row.tokenVersion,
    });
    return { token, refreshToken: code, user: toUser(row) };
  }
}
