// Sign-in with email and password, throttled (auth/login-limiter.ts).
import { CodedError } from '../../shared/errors';
import type { AuthResponse } from '../../shared/api';
import type { UsersRepo } from '../repos/users-repo';
import type { LoginLimiter } from '../auth/login-limiter';
import { decoyPasswordHash, verifyPassword } from '../auth/passwords';
import type { SessionIssuer } from '../auth/session-issuer';

export function accountDisabled(): CodedError {
  return new CodedError(
    'ACCOUNT_DISABLED',
    'This account has been disabled by an administrator. Ask them to enable it again.',
  );
}

export class LoginService {
  constructor(
    private readonly users: UsersRepo,
    private readonly sessions: SessionIssuer,
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
    return this.sessions.issue(row);
  }
}
