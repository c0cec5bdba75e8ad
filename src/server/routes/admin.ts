// People, for administrators: list accounts, change a role, disable or enable, issue a password
// reset, delete (with everything the account holds), and invite someone by email.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  adminUserResponseSchema,
  createInviteRequestSchema,
  inviteResponseSchema,
  listUsersQuerySchema,
  listUsersResponseSchema,
  passwordResetResponseSchema,
  updateUserRequestSchema,
  userIdParamsSchema,
} from '../../shared/api';
import { CodedError } from '../../shared/errors';
import { currentViewer } from '../plugins/authenticate';
import type { Services } from '../services';
import { errorResponses } from '../openapi/error-responses';
import { operation } from '../openapi/operation';

export function setupAdminRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // The role is the account's current one (plugins/authenticate.ts), not the token's.
  const requireAdmin = async (request: FastifyRequest) => {
    await app.requireAuth(request);
    if (currentViewer(request).role !== 'admin') {
      throw new CodedError('FORBIDDEN', 'Only administrators can manage people.');
    }
  };
  const common = { onRequest: requireAdmin };

  app.get(
    '/api/admin/users',
    {
      ...common,
      schema: {
        ...operation({
          id: 'listUsers',
          summary: 'Every account, oldest first, with keyset pagination; and the SIGNUP_MODE',
          tag: 'admin',
          access: 'bearer',
        }),
        querystring: listUsersQuerySchema,
        response: { 200: listUsersResponseSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => services.people.list(request.query),
  );

  app.patch(
    '/api/admin/users/:id',
    {
      ...common,
      schema: {
        ...operation({
          id: 'updateUser',
          summary: "Change an account's role, or disable or enable it",
          description:
            "Disabling ends the account's sessions at once; after enabling it, its owner signs in again. The last enabled administrator cannot be demoted or disabled (409 LAST_ADMIN).",
          tag: 'admin',
          access: 'bearer',
        }),
        params: userIdParamsSchema,
        body: updateUserRequestSchema,
        response: {
          200: adminUserResponseSchema,
          ...errorResponses(400, 401, 403, 404, 409, 413, 415),
        },
      },
    },
    async (request) => {
      const user = await services.people.update(request.params.id, request.body);
      request.log.info({ userId: user.id, changes: request.body }, 'account changed by an admin');
      return { user };
    },
  );

  app.post(
    '/api/admin/users/:id/password-reset',
    {
      ...common,
      schema: {
        ...operation({
          id: 'createPasswordReset',
          summary:
            "A one-time code (valid for a day) with which the account's owner sets a new password",
          description:
            'The code is shown once (only its hash is kept) and replaces any earlier unused one. The owner redeems it with POST /api/auth/password-reset; the admin never learns the password.',
          tag: 'admin',
          access: 'bearer',
        }),
        params: userIdParamsSchema,
        response: { 201: passwordResetResponseSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const reset = await services.people.issueReset(currentViewer(request).id, request.params.id);
      request.log.info({ userId: request.params.id }, 'password reset issued');
      return reply.status(201).send(reset);
    },
  );

  app.delete(
    '/api/admin/users/:id',
    {
      ...common,
      schema: {
        ...operation({
          id: 'deleteUser',
          summary: 'Delete an account with its images, uploads and profile image (objects first)',
          description:
            'The account is disabled first; if storage refuses an object the account stays disabled and deleting it again finishes the job (503).',
          tag: 'admin',
          access: 'bearer',
        }),
        params: userIdParamsSchema,
        response: { 204: z.null().describe('Deleted'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await services.accountDeletion.delete(currentViewer(request), request.params.id);
      request.log.info({ userId: request.params.id }, 'account deleted by an admin');
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/admin/invites',
    {
      ...common,
      schema: {
        ...operation({
          id: 'createInvite',
          summary: 'Invite someone by email: a one-time sign-up code for that address',
          description:
            'The code is shown once (only its hash is kept), works for INVITE_TTL_HOURS (7 days by default), and replaces any earlier unused invite for the email. Refused while SIGNUP_MODE is closed.',
          tag: 'admin',
          access: 'bearer',
        }),
        body: createInviteRequestSchema,
        response: {
          201: inviteResponseSchema,
          ...errorResponses(400, 401, 403, 409, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const invite = await services.people.invite(currentViewer(request).id, request.body);
      request.log.info({ role: invite.role }, 'invite created');
      return reply.status(201).send(invite);
    },
  );
}
