// Editing many images in one request (tags, title, alt, album); each id reported on its own.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bulkUpdateRequestSchema, bulkUpdateResponseSchema } from '../../shared/api';
import { currentViewer } from '../plugins/authenticate';
import type { Services } from '../services';
import { errorResponses } from '../openapi/error-responses';
import { operation } from '../openapi/operation';

export function setupBulkUpdateRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const common = { onRequest: app.requireAuth };

  app.post(
    '/api/images/bulk-update',
    {
      ...common,
      schema: {
        ...operation({
          id: 'bulkUpdateImages',
          summary:
            'Edit many images at once: add or remove tags, set title or alt, move to an album',
          description:
            'Each id is checked on its own and reported as updated (the image after the change) or failed: missing or not yours (NOT_FOUND), in the trash (IN_TRASH), an album not of its owner (NOT_FOUND), more than 50 tags (VALIDATION_FAILED).',
          tag: 'images',
          access: 'bearer',
        }),
        body: bulkUpdateRequestSchema,
        response: { 200: bulkUpdateResponseSchema, ...errorResponses(400, 401, 413, 415) },
      },
    },
    async (request) => services.bulkUpdate.update(currentViewer(request), request.body),
  );
}
