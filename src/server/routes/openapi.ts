// The OpenAPI document, generated from the same zod schemas that validate requests.
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * Multipart routes read their parts in the handler (a body schema would validate an empty
 * request.body), so the document describes their form here.
 */
const MULTIPART_BODIES: Record<string, Record<string, unknown>> = {
  '/api/images/upload': {
    type: 'object',
    required: ['image'],
    properties: {
      image: { type: 'string', format: 'binary', description: 'The image file' },
      albumId: { type: 'string', format: 'uuid', description: 'An album of yours to add it to' },
      title: { type: 'string', maxLength: 200 },
    },
  },
};

const transform: typeof jsonSchemaTransform = (input) => {
  const result = jsonSchemaTransform(input);
  const form = MULTIPART_BODIES[input.url];
  if (!form || !result.schema || (result.schema as { hide?: boolean }).hide) return result;
  return { ...result, schema: { ...result.schema, body: form } };
};

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Image Desk API',
        version: '0.1.0',
        description: 'Presigned uploads to S3, image metadata, albums and short-lived signed URLs.',
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform,
  });
}

export function setupOpenApiRoute(app: FastifyInstance): void {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
