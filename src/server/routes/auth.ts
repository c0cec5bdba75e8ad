// Sign-up, login and the current user.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  authResponseSchema,
  loginRequestSchema,
  meResponseSchema,
  refreshRequestSchema,
  signedUrlResponseSchema,
  signupRequestSchema,
} from '../../shared/api';
import { CodedError } from '../../shared/errors';
import { currentViewer } from '../plugins/authenticate';
import { toUser } from '../repos/users-repo';
import type { Services } from '../services';
import { errorResponses } from '../openapi/error-responses';
import { operation } from '../openapi/operation';

export function setupAuthRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/auth/signup',
    {
      schema: {
        ...operation({
          id: 'signup',
          summary: 'Create an account (the first one is admin); may carry a presigned avatarKey',
          description:
            "Who may sign up depends on the server's SIGNUP_MODE: open (anyone), invite (only with an admin's inviteToken, for that email), closed (nobody). The first account on an empty server is always allowed and becomes admin. Throttled per client address.",
          tag: 'auth',
          access: 'anonymous',
        }),
        body: signupRequestSchema,
        response: {
          201: authResponseSchema,
          ...errorResponses(400, 403, 409, 413, 415, 422, 429),
        },
      },
      // Runs for every failure of this route, validation included, before the answer is sent.
      onError: async (request) => {
        const body = request.body as { avatarKey?: unknown } | undefined;
        try {
          await services.signup.discardSignupAvatar(body?.avatarKey);
        } catch (err) {
          request.log.warn(
            { err },
            'could not delete the avatar of a failed sign-up; the sweeper will',
          );
        }
      },
    },
    async (request, reply) => {
      const result = await services.signup.signup(request.ip, request.body);
      request.log.info({ userId: result.user.id, role: result.user.role }, 'account created');
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: {
        ...operation({
          id: 'login',
          summary: 'Sign in with email and password (rate-limited per address and per email)',
          tag: 'auth',
          access: 'anonymous',
        }),
        body: loginRequestSchema,
        response: { 200: authResponseSchema, ...errorResponses(400, 401, 413, 415, 429) },
      },
    },
    async (request) => services.login.login(request.ip, request.body.email, request.body.password),
  );

  app.post(
    '/api/auth/refresh',
    {
      schema: {
        ...operation({
          id: 'refreshSession',
          summary: 'Trade a refresh token for the next access and refresh token',
          description:
            'Refresh tokens are single use. Presenting one that was already spent ends every token of that sign-in (401); within 30 seconds of its use the answer is 409 REFRESH_RACED instead (another process of the same client renewed it: read the stored session again). A password change or a disabled account ends every sign-in.',
          tag: 'auth',
          access: 'anonymous',
        }),
        body: refreshRequestSchema,
        response: { 200: authResponseSchema, ...errorResponses(400, 401, 409, 413, 415) },
      },
    },
    async (request) => services.sessions.refresh(request.body.refreshToken),
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        ...operation({
          id: 'logout',
          summary: 'Sign out: ends the sign-in the refresh token belongs to',
          description:
            'Its refresh tokens stop working at once; access tokens already issued lapse within two hours (a password change ends those too).',
          tag: 'auth',
          access: 'anonymous',
        }),
        body: refreshRequestSchema,
        response: { 204: z.null(), ...errorResponses(400, 413, 415) },
      },
    },
    async (request, reply) => {
      await services.sessions.revoke(request.body.refreshToken);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      onRequest: app.requireAuth,
      schema: {
        ...operation({
          id: 'getCurrentUser',
          summary: 'The signed-in user',
          tag: 'auth',
          access: 'bearer',
        }),
        response: { 200: meResponseSchema, ...errorResponses(401) },
      },
    },
    async (request) => {
      const row = await services.users.findById(currentViewer(request).id);
      if (!row)
        throw new CodedError('AUTH_REQUIRED', 'This account no longer exists. Sign in again.');
      return { user: toUser(row) };
    },
  );

  app.get(
    '/api/auth/me/avatar-url',
    {
      onRequest: app.requireAuth,
      schema: {
        ...operation({
          id: 'getAvatarUrl',
          summary: "A signed GET URL for the signed-in user's profile image",
          tag: 'auth',
          access: 'bearer',
        }),
        response: { 200: signedUrlResponseSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const row = await services.users.findById(currentViewer(request).id);
      if (!row?.avatarKey) throw new CodedError('NOT_FOUND', 'This account has no profile image.');
      return services.signedUrls.forKey(row.avatarKey);
    },
  );
}
