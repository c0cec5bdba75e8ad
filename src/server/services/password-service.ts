// Passwords after sign-up: a user changes their own (the current one required), or redeems a
// one-time reset code an admin gave them. Either way every other session of the account ends
// (its session version goes up) and the answer carries a fresh token for the one that asked.
import type { Kysely } from 'kysely';
import { CodedError } from '../../shared/errors';
import type { AuthResponse } from '../../shared/api';
import type { Database } from '../db/schema';
import type { PasswordResetsRepo } from '../repos/password-resets-repo';
import type { UsersRepo } from '../repos/users-repo';
import type { LoginLimiter } from '../auth/login-limiter';
import { hashOneTimeCode } from '../auth/one-time-code';
import { hashPassword, verifyPassword } from '../auth/passwords';
import type { Budget } from '../auth/rate-limits';
import type { SessionIssuer } from '../auth/session-issuer';
import { accountDisabled } from './login-service';

export class PasswordService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly users: UsersRepo,
    private readonly resets: PasswordResetsRepo,
    private readonly sessions: SessionIssuer,
    private readonly limiter: LoginLimiter,
    /** Anonymous account requests per address (the sign-up budget). */
    private readonly perIp: Budget,
  ) {}

  /**
   * The current password counts as a sign-in attempt (same budgets), so a stolen token cannot
   * be used to guess the password behind it.
   */
  async change(
    userId: string,
    ip: string,
    input: { currentPassword: string; newPassword: string },
  ): Promise<AuthResponse> {
    const row = await this.users.findById(userId);
    if (!row)
      throw new CodedError('AUTH_REQUIRED', 'This account no longer exists. Sign in again.');
    await this.limiter.check(ip, row.email);
    if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
      throw new CodedError(
        'WRONG_PASSWORD',
        'The current password is not correct, so the password was not changed.',
      );
    }
    await this.limiter.recordSuccess(ip, row.email);
    const updated = await this.users.setPassword(userId, await hashPassword(input.newPassword));
    if (!updated)
      throw new CodedError('AUTH_REQUIRED', 'This account no longer exists. Sign in again.');
    return this.sessions.issue(updated);
  }

  async redeemReset(ip: string, input: { token: string; password: string }): Promise<AuthResponse> {
    await this.perIp.take(
      ip,
      (n) =>
        `Too many account requests from your network. Wait ${n} minute${n === 1 ? '' : 's'} and try again.`,
    );
    const passwordHash = await hashPassword(input.password);
    const row = await this.db.transaction().execute(async (trx) => {
      const userId = await this.resets.claim(trx, hashOneTimeCode(input.token));
      const user = userId ? await this.users.findById(userId, trx) : undefined;
      if (!user) {
        throw new CodedError(
          'RESET_TOKEN_INVALID',
          'This reset code does not work: it may have expired or been used already. Ask an administrator for a new one.',
        );
      }
      // Rolls the claim back too: the code works once the account is enabled again.
      if (user.disabledAt) throw accountDisabled();
      return (await this.users.setPassword(user.id, passwordHash, trx))!;
    });
    await this.limiter.recordSuccess(ip, row.email);
    return this.sessions.issue(row);
  }
}
