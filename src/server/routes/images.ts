// Registered images: register, list, gallery with signed URLs, read, edit, delete.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IMAGE_TYPE_FAMILIES,
  bulkDeleteRequestSchema,
  bulkDeleteResponseSchema,
  deleteImageQuerySchema,
  galleryResponseSchema,
  imageIdParamsSchema,
  imageResponseSchema,
  listImagesQuerySchema,
  listImagesResponseSchema,
  registerImageRequestSchema,
  signedUrlByKeyQuerySchema,
  signedUrlQuerySchema,
  signedUrlResponseSchema,
  signedUrlsRequestSchema,
  signedUrlsResponseSchema,
  sourceLookupRequestSchema,
  sourceLookupResponseSchema,
  takenBoundInstant,
  updateImageRequestSchema,
  type ListImagesQuery,
} from '../../shared/api';
import { CodedError } from '../../shared/errors';
import { currentViewer } from '../plugins/authenticate';
import { toImage, type ListImagesFilter, type Viewer } from '../repos/images-repo';
import type { Services } from '../services';
import { errorResponses } from '../openapi/error-responses';
import { operation } from '../openapi/operation';

function listFilter(
  viewer: Viewer,
  query: z.output<typeof listImagesQuerySchema>,
): ListImagesFilter {
  const owner = query.owner === 'me' || query.owner === undefined ? undefined : query.owner;
  if (owner !== undefined && owner !== viewer.id && viewer.role !== 'admin') {
    throw new CodedError('FORBIDDEN', "Only administrators can list other users' images.");
  }
  const { type, takenFrom, takenTo, ...rest } = query;
  return {
    ...rest,
    owner,
    contentTypes: type?.map((family) => IMAGE_TYPE_FAMILIES[family]!),
    takenFrom: takenFrom === undefined ? undefined : takenBoundInstant(takenFrom, 'from'),
    takenTo: takenTo === undefined ? undefined : takenBoundInstant(takenTo, 'to'),
  };
}

/** One listing for the gallery and the trash: `trash=true` reads the trash's own index. */
function listRows(
  services: Services,
  viewer: Viewer,
  query: z.output<typeof listImagesQuerySchema>,
) {
  const filter = listFilter(viewer, query);
  return query.trash === 'true'
    ? services.trash.list(viewer, filter)
    : services.images.list(viewer, filter);
}

export type { ListImagesQuery };

export function setupImageRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const common = { onRequest: app.requireAuth };

  app.post(
    '/api/images',
    {
      ...common,
      schema: {
        ...operation({
          id: 'registerImage',
          summary: 'Register an uploaded object (idempotent per key)',
          tag: 'images',
          access: 'bearer',
        }),
        body: registerImageRequestSchema,
        response: {
          200: imageResponseSchema,
          201: imageResponseSchema,
          ...errorResponses(400, 401, 404, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const viewer = currentViewer(request);
      const { image, created } = await services.imagesService.register(viewer.id, request.body);
      if (created) request.log.info({ imageId: image.id }, 'image registered');
      return reply.status(created ? 201 : 200).send({ image });
    },
  );

  app.get(
    '/api/images',
    {
      ...common,
      schema: {
        ...operation({
          id: 'listImages',
          summary: 'List images, newest first by default, with keyset pagination',
          description:
            'With `trash=true`, the images in the trash instead, newest trashed first (`sort`, `q`, `albumId` and `sha256` do not apply).',
          tag: 'images',
          access: 'bearer',
        }),
        querystring: listImagesQuerySchema,
        response: { 200: listImagesResponseSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const viewer = currentViewer(request);
      const { rows, nextCursor } = await listRows(services, viewer, request.query);
      return { images: rows.map(toImage), nextCursor };
    },
  );

  app.get(
    '/api/images/gallery',
    {
      ...common,
      schema: {
        ...operation({
          id: 'listGallery',
          summary: 'List images with fresh signed URLs for the original and the thumbnail',
          tag: 'images',
          access: 'bearer',
        }),
        querystring: listImagesQuerySchema,
        response: { 200: galleryResponseSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const viewer = currentViewer(request);
      const { rows, nextCursor } = await listRows(services, viewer, request.query);
      return { images: await services.signedUrls.gallery(rows), nextCursor };
    },
  );

  app.get(
    '/api/images/signed-url',
    {
      ...common,
      schema: {
        ...operation({
          id: 'getSignedUrlByKey',
          summary: 'Sign a GET for an object key the caller may read',
          tag: 'images',
          access: 'bearer',
        }),
        querystring: signedUrlByKeyQuerySchema,
        response: { 200: signedUrlResponseSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => services.signedUrls.forViewerKey(currentViewer(request), request.query.key),
  );

  app.post(
    '/api/images/signed-urls',
    {
      ...common,
      schema: {
        ...operation({
          id: 'getSignedUrls',
          summary: 'Sign GETs for many images at once (what a gallery screen shows)',
          tag: 'images',
          access: 'bearer',
        }),
        body: signedUrlsRequestSchema,
        response: { 200: signedUrlsResponseSchema, ...errorResponses(400, 401, 413, 415) },
      },
    },
    async (request) => ({
      urls: await services.signedUrls.forImages(
        currentViewer(request),
        request.body.ids,
        request.body.variant,
        { expiresIn: request.body.expiresIn, disposition: request.body.disposition },
      ),
    }),
  );

  app.post(
    '/api/images/bulk-delete',
    {
      ...common,
      schema: {
        ...operation({
          id: 'bulkDeleteImages',
          summary: 'Move many images to the trash; each is reported as deleted or failed',
          tag: 'images',
          access: 'bearer',
        }),
        body: bulkDeleteRequestSchema,
        response: { 200: bulkDeleteResponseSchema, ...errorResponses(400, 401, 413, 415) },
      },
    },
    async (request) =>
      services.trashService.bulkMoveToTrash(currentViewer(request), request.body.ids),
  );

  app.post(
    '/api/images/source-lookup',
    {
      ...common,
      schema: {
        ...operation({
          id: 'lookUpSources',
          summary: 'Which source files (by SHA-256) are already in your gallery',
          tag: 'images',
          access: 'bearer',
        }),
        body: sourceLookupRequestSchema,
        response: { 200: sourceLookupResponseSchema, ...errorResponses(400, 401, 413, 415) },
      },
    },
    async (request) => {
      // The caller's own gallery only, admins included: it answers "is this file already
      // mine?", and must not tell anyone what other accounts hold.
      const rows = await services.images.findBySourceSha256(
        currentViewer(request).id,
        request.body.sha256s,
      );
      return {
        found: rows.map((r) => ({ sha256: r.sourceSha256, imageId: r.id, filename: r.filename })),
      };
    },
  );

  app.get(
    '/api/images/:id',
    {
      ...common,
      schema: {
        ...operation({
          id: 'getImage',
          summary: 'One image',
          tag: 'images',
          access: 'bearer',
        }),
        params: imageIdParamsSchema,
        response: { 200: imageResponseSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      image: toImage(await services.imagesService.get(currentViewer(request), request.params.id)),
    }),
  );

  app.get(
    '/api/images/:id/signed-url',
    {
      ...common,
      schema: {
        ...operation({
          id: 'getImageSignedUrl',
          summary: 'A signed GET URL for an image or its thumbnail',
          tag: 'images',
          access: 'bearer',
        }),
        params: imageIdParamsSchema,
        querystring: signedUrlQuerySchema,
        response: { 200: signedUrlResponseSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const row = await services.imagesService.get(currentViewer(request), request.params.id);
      return services.signedUrls.forImage(row, request.query.variant);
    },
  );

  app.patch(
    '/api/images/:id',
    {
      ...common,
      schema: {
        ...operation({
          id: 'updateImage',
          summary: 'Edit the title, alt text, album or tags of an image',
          tag: 'images',
          access: 'bearer',
        }),
        params: imageIdParamsSchema,
        body: updateImageRequestSchema,
        response: { 200: imageResponseSchema, ...errorResponses(400, 401, 404, 409, 413, 415) },
      },
    },
    async (request) => ({
      image: await services.imagesService.update(
        currentViewer(request),
        request.params.id,
        request.body,
      ),
    }),
  );

  app.delete(
    '/api/images/:id',
    {
      ...common,
      schema: {
        ...operation({
          id: 'deleteImage',
          summary: 'Move an image to the trash, or with permanent=true delete it now',
          description:
            'With `permanent=true` the S3 objects go first, then the row (the row stays if the store refuses). An image already in the trash stays there.',
          tag: 'images',
          access: 'bearer',
        }),
        params: imageIdParamsSchema,
        querystring: deleteImageQuerySchema,
        response: {
          204: z.null().describe('In the trash, or deleted'),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const viewer = currentViewer(request);
      if (request.query.permanent === 'true') {
        await services.imagesService.deletePermanently(viewer, request.params.id);
        request.log.info({ imageId: request.params.id }, 'image deleted for good');
      } else {
        await services.trashService.moveToTrash(viewer, request.params.id);
      }
      return reply.status(204).send(null);
    },
  );
}
