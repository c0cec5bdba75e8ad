// The tag list: the caller's tags with counts (admins: anyone's, like the image listing).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listTagsQuerySchema, listTagsResponseSchema } from '../../shared/api';
import { CodedError } from '../../shared/errors';
import { currentViewer } from '../plugins/authenticate';
import type { Services } from '../services';
import { errorResponses } from '../openapi/error-responses';
import { operation } from '../openapi/operation';

export function setupTagRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/tags',
    {
      onRequest: app.requireAuth,
      schema: {
        ...operation({
          id: 'listTags',
          summary: 'Tags on your images, each with how many images carry it, most used first',
          tag: 'images',
          access: 'bearer',
        }),
        querystring: listTagsQuerySchema,
        response: { 200: listTagsResponseSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const viewer = currentViewer(request);
      const asked = request.query.owner;
      const owner = asked === undefined || asked === 'me' ? viewer.id : asked;
      if (owner !== viewer.id && viewer.role !== 'admin') {
        throw new CodedError('FORBIDDEN', "Only administrators can list other users' tags.");
      }
      return { tags: await services.tags.counts(owner) };
    },
  );
}
