// The trash: restore one or many images, and Empty trash. (Moving images there is DELETE
// /api/images/:id and POST /api/images/bulk-delete; listing it is GET /api/images?trash=true.)
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  bulkRestoreRequestSchema,
  bulkRestoreResponseSchema,
  emptyTrashResponseSchema,
  imageIdParamsSchema,
  imageResponseSchema,
} from '../../shared/api';
import { currentViewer } from '../plugins/authenticate';
import type { Services } from '../services';
import { errorResponses } from '../openapi/error-responses';
import { operation } from '../openapi/operation';

export function setupTrashRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const common = { onRequest: app.requireAuth };

  app.post(
    '/api/images/:id/restore',
    {
      ...common,
      schema: {
        ...operation({
          id: 'restoreImage',
          summary: 'Bring an image back from the trash (one in the gallery stays as it is)',
          tag: 'images',
          access: 'bearer',
        }),
        params: imageIdParamsSchema,
        response: { 200: imageResponseSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      image: await services.trashService.restore(currentViewer(request), request.params.id),
    }),
  );

  app.post(
    '/api/images/bulk-restore',
    {
      ...common,
      schema: {
        ...operation({
          id: 'bulkRestoreImages',
          summary: 'Bring many images back from the trash; each is reported as restored or failed',
          tag: 'images',
          access: 'bearer',
        }),
        body: bulkRestoreRequestSchema,
        response: { 200: bulkRestoreResponseSchema, ...errorResponses(400, 401, 413, 415) },
      },
    },
    async (request) => services.trashService.bulkRestore(currentViewer(request), request.body.ids),
  );

  app.post(
    '/api/images/empty-trash',
    {
      ...common,
      schema: {
        ...operation({
          id: 'emptyTrash',
          summary: "Delete the images in the caller's trash for good, objects first",
          description:
            'Works through at most 500 images per request; while `remaining` is above 0, ask again. If the store refuses, the images stay in the trash (503).',
          tag: 'images',
          access: 'bearer',
        }),
        response: { 200: emptyTrashResponseSchema, ...errorResponses(401) },
      },
    },
    async (request) => {
      const viewer = currentViewer(request);
      const result = await services.trashService.empty(viewer.id);
      request.log.info({ deleted: result.deleted }, 'trash emptied');
      return result;
    },
  );
}
