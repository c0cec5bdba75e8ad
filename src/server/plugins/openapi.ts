// The OpenAPI document, generated from the same zod schemas that validate requests; route
// metadata comes from src/server/openapi/*, document-wide parts are set here.
import swagger, { type SwaggerTransformObject } from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';
import { componentRegistry, componentSchemas } from '../openapi/components';
import { TAGS } from '../openapi/operation';

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

const zodTransform = createJsonSchemaTransform({ schemaRegistry: componentRegistry });

const transform: typeof zodTransform = (input) => {
  const result = zodTransform(input);
  const form = MULTIPART_BODIES[input.url];
  if (!form || !result.schema || (result.schema as { hide?: boolean }).hide) return result;
  return { ...result, schema: { ...result.schema, body: form } };
};

/** Adds the named components (this plugin only ever builds an OpenAPI 3 document). */
const transformObject: SwaggerTransformObject = (document) => {
  if (!('openapiObject' in document)) return document.swaggerObject;
  const { openapiObject } = document;
  const components = {
    ...openapiObject.components,
    schemas: { ...openapiObject.components?.schemas, ...componentSchemas() },
  };
  // The 3.0 | 3.1 | 3.2 document union does not survive a spread; the shape is unchanged.
  return { ...openapiObject, components } as ReturnType<SwaggerTransformObject>;
};

const DESCRIPTION = [
  'Presigned uploads to S3, image metadata, albums and short-lived signed URLs.',
  '',
  'Every error is `{"error":{"code","message"}}`: `code` is stable and documented per status,',
  '`message` is a sentence a person can act on. Send the token from signup or login as',
  '`Authorization: Bearer <token>`.',
].join('\n');

/**
 * A relative server URL resolves against where the document was fetched, which is this server;
 * PUBLIC_URL, when set, is the address clients behind a proxy should use instead.
 */
function servers(publicUrl: string | undefined) {
  if (!publicUrl) return [{ url: '/', description: 'The server that serves this document' }];
  return [{ url: publicUrl.replace(/\/+$/, ''), description: 'Public address (PUBLIC_URL)' }];
}

export async function registerOpenApi(
  app: FastifyInstance,
  options: { publicUrl: string | undefined },
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Image Desk API',
        version: '0.1.0',
        description: DESCRIPTION,
        // The project is private and grants no licence; say so rather than leave it unstated.
        license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
      },
      servers: servers(options.publicUrl),
      tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'The token from POST /api/auth/signup or POST /api/auth/login',
          },
        },
      },
    },
    transform,
    transformObject,
  });
}
