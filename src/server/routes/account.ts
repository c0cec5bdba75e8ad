// The signed-in user's own account: change the password, change or remove the profile image;
// and, without a token, redeem a password reset code an administrator gave out.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  authResponseSchema,
  changePasswordRequestSchema,
  meResponseSchema,
  redeemPasswordResetRequestSchema,
  setAvatarRequestSchema,
} from '../../shared/api';
import { currentViewer } from '../plugins/authenticate';
import type { Services } from '../services';
import { errorResponses } from '../openapi/error-responses';
import { operation } from '../openapi/operation';

export function setupAccountRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/auth/password',
    {
      onRequest: app.requireAuth,
      schema: {
        ...operation({
          id: 'changePassword',
          summary:
            'Change your password (the current one is required); signs out your other sessions',
          description:
            'Answers with a new token for this session: every token issued before, on any device, stops working.',
          tag: 'auth',
          access: 'bearer',
        }),
        body: changePasswordRequestSchema,
        response: { 200: authResponseSchema, ...errorResponses(400, 401, 403, 413, 415, 429) },
      },
    },
    async (request) => {
      const result = await services.passwords.change(
        currentViewer(request).id,
        request.ip,
        request.body,
      );
      request.log.info({ userId: result.user.id }, 'password changed');
      return result;
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      schema: {
        ...operation({
          id: 'redeemPasswordReset',
          summary: "Set a new password with an administrator's one-time reset code, and sign in",
          description:
            'The code works once, for a day. Every earlier session of the account stops working. Throttled per client address.',
          tag: 'auth',
          access: 'anonymous',
        }),
        body: redeemPasswordResetRequestSchema,
        response: { 200: authResponseSchema, ...errorResponses(400, 401, 403, 413, 415, 429) },
      },
    },
    async (request) => {
      const result = await services.passwords.redeemReset(request.ip, request.body);
      request.log.info({ userId: result.user.id }, 'password reset redeemed');
      return result;
    },
  );

  app.put(
    '/api/auth/me/avatar',
    {
      onRequest: app.requireAuth,
      schema: {
        ...operation({
          id: 'setAvatar',
          summary: 'Use an uploaded image (presigned with purpose "avatar") as your profile image',
          tag: 'auth',
          access: 'bearer',
        }),
        body: setAvatarRequestSchema,
        response: { 200: meResponseSchema, ...errorResponses(400, 401, 409, 413, 415, 422) },
      },
    },
    async (request) => ({
      user: await services.profile.setAvatar(currentViewer(request).id, request.body.avatarKey),
    }),
  );

  app.delete(
    '/api/auth/me/avatar',
    {
      onRequest: app.requireAuth,
      schema: {
        ...operation({
          id: 'removeAvatar',
          summary: 'Remove your profile image (deleted from storage)',
          tag: 'auth',
          access: 'bearer',
        }),
        response: { 200: meResponseSchema, ...errorResponses(401) },
      },
    },
    async (request) => ({ user: await services.profile.removeAvatar(currentViewer(request).id) }),
  );
}
