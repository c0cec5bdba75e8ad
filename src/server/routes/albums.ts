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
import { errorResponses } from '../openapi/error-responses';
import { operation } from '../openapi/operation';

function albumNotFound(): CodedError {
  return new CodedError('NOT_FOUND', 'No album with this id exists in your gallery.');
}

export function setupAlbumRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const common = { onRequest: app.requireAuth };

  app.get(
    '/api/albums',
    {
      ...common,
      schema: {
        ...operation({
          id: 'listAlbums',
          summary: 'Your albums, each with its image count',
          tag: 'albums',
          access: 'bearer',
        }),
        response: { 200: listAlbumsResponseSchema, ...errorResponses(401) },
      },
    },
    async (request) => ({ albums: await services.albums.list(currentViewer(request).id) }),
  );

  app.post(
    '/api/albums',
    {
      ...common,
      schema: {
        ...operation({
          id: 'createAlbum',
          summary: 'Create an album',
          tag: 'albums',
          access: 'bearer',
        }),
        body: createAlbumRequestSchema,
        response: { 201: albumResponseSchema, ...errorResponses(400, 401, 413, 415) },
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
        ...operation({
          id: 'renameAlbum',
          summary: 'Rename an album',
          tag: 'albums',
          access: 'bearer',
        }),
        params: albumIdParamsSchema,
        body: updateAlbumRequestSchema,
        response: { 200: albumResponseSchema, ...errorResponses(400, 401, 404, 413, 415) },
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
        ...operation({
          id: 'deleteAlbum',
          summary: 'Delete an album; its images stay, in no album',
          tag: 'albums',
          access: 'bearer',
        }),
        params: albumIdParamsSchema,
        response: { 204: z.null().describe('Deleted'), ...errorResponses(400, 401, 404) },
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
