// Session tokens: HS256 JWTs with the user id as `sub`, the role and the account's session
// version (`ver`), valid for two hours. The role and version are checked against the account on
// every request (plugins/authenticate.ts), so a demotion, a disabled account or a password change
// takes effect at once rather than when the token lapses.
import { errors, jwtVerify, SignJWT } from 'jose';
import { CodedError } from '../../shared/errors';
import type { Role } from '../../shared/api';

export const TOKEN_LIFETIME_SECONDS = 2 * 60 * 60;

export interface TokenClaims {
  userId: string;
  role: Role;
  /** users.token_version when the token was issued; tokens from before versions existed read 0. */
  version?: number;
}

/** The ids this server issues. Anything else in `sub` could not name an account (and would make
 * PostgreSQL refuse the lookup), so it is refused here as an invalid session. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class TokenService {
  private readonly key: Uint8Array;
  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(claims: TokenClaims, lifetimeSeconds = TOKEN_LIFETIME_SECONDS): Promise<string> {
    return new SignJWT({ role: claims.role, ver: claims.version ?? 0 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + lifetimeSeconds)
      .sign(this.key);
  }

  /** Only HS256 is accepted, so `alg: none` and key-confusion tokens fail before any claim is read. */
  async verify(token: string): Promise<TokenClaims> {
    try {
      // A token without an expiry would never lapse, so exp (and iat, sub) must be present.
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      const { role, sub, ver = 0 } = payload;
      if (
        typeof sub !== 'string' ||
        !UUID.test(sub) ||
        (role !== 'admin' && role !== 'member') ||
        typeof ver !== 'number' ||
        !Number.isSafeInteger(ver)
      ) {
        throw new CodedError('AUTH_REQUIRED', 'Your session is not valid. Sign in again.');
      }
      return { userId: sub.toLowerCase(), role, version: ver };
    } catch (error) {
      if (error instanceof CodedError) throw error;
      if (error instanceof errors.JWTExpired) {
        throw new CodedError('AUTH_EXPIRED', 'Your session has expired. Sign in again.');
      }
      throw new CodedError('AUTH_REQUIRED', 'Your session is not valid. Sign in again.');
    }
  }
}
