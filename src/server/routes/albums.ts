// Albums: list, create, rename, delete (their images stay, unassigned).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  albumIdParamsSchema,
  albumResponseSchema,
  createAlbumRequestSchema,
  listAlbumsResponseSchema,
  updateAlbumRequestSchema,
} from '../../shared/api';
import { CodedError } from '../../shared/errors';
import { currentViewer } from '../plugins/authenticate';
import type { Services } from '../services';
import { bearerAuth, errorResponses } from './schemas';

function albumNotFound(): CodedError {
  return new CodedError('NOT_FOUND', 'No album with this id exists in your gallery.');
}

export function setupAlbumRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const common = { onRequest: app.requireAuth };
  const tags = ['albums'];

  app.get(
    '/api/albums',
    {
      ...common,
      schema: {
        tags,
        security: bearerAuth,
        response: { 200: listAlbumsResponseSchema, ...errorResponses },
      },
    },
    async (request) => ({ albums: await services.albums.list(currentViewer(request).id) }),
  );

  app.post(
    '/api/albums',
    {
      ...common,
      schema: {
        tags,
        security: bearerAuth,
        body: createAlbumRequestSchema,
        response: { 201: albumResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const album = await services.albums.create(currentViewer(request).id, request.body.name);
      return reply.status(201).send({ album });
    },
  );

  app.patch(
    '/api/albums/:id',
    {
      ...common,
      schema: {
        tags,
        security: bearerAuth,
        params: albumIdParamsSchema,
        body: updateAlbumRequestSchema,
        response: { 200: albumResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const ownerId = currentViewer(request).id;
      if (!(await services.albums.rename(request.params.id, ownerId, request.body.name))) {
        throw albumNotFound();
      }
      return { album: (await services.albums.find(request.params.id, ownerId))! };
    },
  );

  app.delete(
    '/api/albums/:id',
    {
      ...common,
      schema: {
        tags,
        security: bearerAuth,
        params: albumIdParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!(await services.albums.delete(request.params.id, currentViewer(request).id))) {
        throw albumNotFound();
      }
      return reply.status(204).send(null);
    },
  );
}
