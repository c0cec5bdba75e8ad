// Sign-in with email and password, throttled (auth/login-limiter.ts).
import { CodedError } from '../../shared/errors';
import type { AuthResponse } from '../../shared/api';
import type { UserRow } from '../db/schema';
import { toUser, type UsersRepo } from '../repos/users-repo';
import type { LoginLimiter } from '../auth/login-limiter';
import { decoyPasswordHash, verifyPassword } from '../auth/passwords';
import type { TokenService } from '../auth/tokens';

export function accountDisabled(): CodedError {
  return new CodedError(
    'ACCOUNT_DISABLED',
    'This account has been disabled by an administrator. Ask them to enable it again.',
  );
}

/** A session token for the account as it is now (role and session version). */
export async function sessionFor(tokens: TokenService, row: UserRow): Promise<AuthResponse> {
  const user = toUser(row);
  const token = await tokens.sign({ userId: row.id, role: row.role, version: row.tokenVersion });
  return { token, user };
}

export class LoginService {
  constructor(
    private readonly users: UsersRepo,
    private readonly tokens: TokenService,
    private readonly limiter: LoginLimiter,
  ) {}

  async login(ip: string, email: string, password: string): Promise<AuthResponse> {
    await this.limiter.check(ip, email);
    const row = await this.users.findByEmail(email);
    const ok = await verifyPassword(row?.passwordHash ?? (await decoyPasswordHash()), password);
    if (!row || !ok) {
      throw new CodedError('INVALID_CREDENTIALS', 'The email or password is not correct.');
    }
    await this.limiter.recordSuccess(ip, email);
    // Said only to someone who knows the password, so it tells a stranger nothing.
    if (row.disabledAt) throw accountDisabled();
    return sessionFor(this.tokens, row);
  }
}
