// Bearer-token authentication: routes opt in with `onRequest: app.requireAuth`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CodedError } from '../../shared/errors';
import type { Viewer } from '../repos/images-repo';
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

export function setupAuthentication(app: FastifyInstance, tokens: TokenService): void {
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
    const claims = await tokens.verify(token);
    request.viewer = { id: claims.userId, role: claims.role };
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
