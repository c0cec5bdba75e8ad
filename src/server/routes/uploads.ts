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

export function setupUploadRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // Runs after the route's auth hook, so request.viewer is known, and before the body is read
  // (auth/presign-limiter.ts).
  const rateLimit = async (request: FastifyRequest) =>
    services.presignLimiter.take(request.viewer?.id, request.ip);

  app.post(
    '/api/images/presign-upload',
    {
      onRequest: [(request) => optionalAuth(root, request), rateLimit],
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
          ...errorResponses(400, 401, 403, 409, 413, 415, 429),
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
      onRequest: [app.requireAuth, rateLimit],
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
          ...errorResponses(400, 401, 403, 409, 413, 415, 429),
        },
      },
    },
    async (request) => ({
      uploads: await services.uploads.presign(request.viewer!.id, request.body.files),
    }),
  );
}
