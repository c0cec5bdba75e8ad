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
    const token = bearerToken(request);
    if (!token) throw new CodedError('AUTH_REQUIRED', 'Sign in to continue.');
    const claims = await tokens.verify(token);
    request.viewer = { id: claims.userId, role: claims.role };
  });
}

export async function optionalAuth(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  if (bearerToken(request)) await app.requireAuth(request);
}
