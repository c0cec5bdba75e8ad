// Presigned PUT URLs, one at a time or in batches; avatars may be presigned without a token.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  presignBatchRequestSchema,
  presignBatchResponseSchema,
  presignRequestSchema,
  presignResponseSchema,
} from '../../shared/api';
import { optionalAuth } from '../plugins/authenticate';
import type { Services } from '../services';
import { errorResponses } from '../openapi/error-responses';
import { operation } from '../openapi/operation';

/** Anonymous callers can only presign avatars, and only a few a minute per IP. */
const ANONYMOUS_PER_MINUTE = 20;
const SIGNED_IN_PER_MINUTE = 600;

export function setupUploadRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // The limiter runs after the route's auth hook, so request.viewer is known: signed-in users
  // get their own budget, and anonymous callers share one per IP that signed-in traffic from
  // the same address (an office behind one NAT) does not use up.
  const rateLimit = {
    keyGenerator: (request: FastifyRequest) =>
      request.viewer ? `user:${request.viewer.id}` : `ip:${request.ip}`,
    max: (request: FastifyRequest) =>
      request.viewer ? SIGNED_IN_PER_MINUTE : ANONYMOUS_PER_MINUTE,
    timeWindow: '1 minute',
  };

  app.post(
    '/api/images/presign-upload',
    {
      config: { rateLimit },
      onRequest: (request) => optionalAuth(root, request),
      schema: {
        ...operation({
          id: 'presignUpload',
          summary: 'Presign one PUT; purpose "avatar" works without a token',
          tag: 'uploads',
          access: 'bearerOrAnonymous',
        }),
        body: presignRequestSchema,
        response: {
          200: presignResponseSchema,
          ...errorResponses(400, 401, 409, 413, 415, 429),
        },
      },
    },
    async (request) => {
      const [upload] = await services.uploads.presign(request.viewer?.id ?? null, [request.body]);
      return upload!;
    },
  );

  app.post(
    '/api/images/presign-batch',
    {
      config: { rateLimit },
      onRequest: app.requireAuth,
      schema: {
        ...operation({
          id: 'presignUploadBatch',
          summary: 'Presign up to 100 PUTs in one round trip (all or none)',
          tag: 'uploads',
          access: 'bearer',
        }),
        body: presignBatchRequestSchema,
        response: {
          200: presignBatchResponseSchema,
          ...errorResponses(400, 401, 409, 413, 415, 429),
        },
      },
    },
    async (request) => ({
      uploads: await services.uploads.presign(request.viewer!.id, request.body.files),
    }),
  );
}
