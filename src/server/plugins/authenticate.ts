// Bearer-token authentication: routes opt in with `onRequest: app.requireAuth`. A token is only
// as good as its account: every request reads the account's role, disabled flag and session
// version (one primary-key lookup), so disabling, demoting or a password change acts at once.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CodedError } from '../../shared/errors';
import type { Viewer } from '../repos/images-repo';
import type { UsersRepo } from '../repos/users-repo';
import type { TokenService } from '../auth/tokens';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
  interface FastifyInstance {
    requireAuth: (request: FastifyRequest) => Promise<void>;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

export function currentViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new CodedError('AUTH_REQUIRED', 'Sign in to continue.');
  return request.viewer;
}

/** The account behind a verified token, or the coded reason it no longer signs anyone in. */
export async function liveViewer(
  users: Pick<UsersRepo, 'authState'>,
  claims: { userId: string; version?: number | undefined },
): Promise<Viewer> {
  const account = await users.authState(claims.userId);
  if (!account) {
    throw new CodedError('AUTH_REQUIRED', 'This account no longer exists. Sign in again.');
  }
  if (account.disabledAt) {
    throw new CodedError(
      'ACCOUNT_DISABLED',
      'This account has been disabled by an administrator. Ask them to enable it again.',
    );
  }
  if (account.tokenVersion !== (claims.version ?? 0)) {
    throw new CodedError(
      'AUTH_EXPIRED',
      'This session has ended: the password was changed or reset, or an administrator disabled the account. Sign in again.',
    );
  }
  return { id: account.id, role: account.role };
}

export function setupAuthentication(
  app: FastifyInstance,
  tokens: TokenService,
  users: Pick<UsersRepo, 'authState'>,
): void {
  app.decorateRequest('viewer', null);
  // Sets request.viewer when a valid token is present; an invalid one is an error even on
  // routes where a token is optional, so a client never silently acts anonymously.
  app.decorate('requireAuth', async (request: FastifyRequest) => {
    if (request.headers.authorization === undefined) {
      throw new CodedError('AUTH_REQUIRED', 'Sign in to continue.');
    }
    const token = bearerToken(request);
    if (!token) {
      throw new CodedError(
        'AUTH_REQUIRED',
        'The Authorization header must be "Bearer <token>". Sign in again.',
      );
    }
    // The role comes from the account, not the token: a demoted admin is a member at once.
    request.viewer = await liveViewer(users, await tokens.verify(token));
  });
}

/**
 * Anonymous when there is no Authorization header at all; any header present must carry a valid
 * bearer token. (Treating a malformed header as anonymous would let a caller look signed in to
 * anything that only checks for the header, such as the presign rate limit.)
 */
export async function optionalAuth(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  if (request.headers.authorization !== undefined) await app.requireAuth(request);
}
