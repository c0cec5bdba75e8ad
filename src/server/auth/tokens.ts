// Session tokens: HS256 JWTs with the user id as `sub` and the role, valid for two hours.
import { errors, jwtVerify, SignJWT } from 'jose';
import { CodedError } from '../../shared/errors';
import type { Role } from '../../shared/api';

export const TOKEN_LIFETIME_SECONDS = 2 * 60 * 60;

export interface TokenClaims {
  userId: string;
  role: Role;
}

export class TokenService {
  private readonly key: Uint8Array;
  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(claims: TokenClaims, lifetimeSeconds = TOKEN_LIFETIME_SECONDS): Promise<string> {
    return new SignJWT({ role: claims.role })
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
      const role = payload.role;
      if (typeof payload.sub !== 'string' || (role !== 'admin' && role !== 'member')) {
        throw new CodedError('AUTH_REQUIRED', 'Your session is not valid. Sign in again.');
      }
      return { userId: payload.sub, role };
    } catch (error) {
      if (error instanceof CodedError) throw error;
      if (error instanceof errors.JWTExpired) {
        throw new CodedError('AUTH_EXPIRED', 'Your session has expired. Sign in again.');
      }
      throw new CodedError('AUTH_REQUIRED', 'Your session is not valid. Sign in again.');
    }
  }
}
