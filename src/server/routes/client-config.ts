// GET /api/client-config: public facts a client needs before signing in.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { clientConfigSchema, type ClientConfig } from '../../shared/api';
import { errorResponses } from '../openapi/error-responses';
import { operation } from '../openapi/operation';
import type { Services } from '../services';

export function setupClientConfigRoute(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // The store's origin cannot change while the server runs: worked out once, on first ask.
  let config: Promise<ClientConfig> | undefined;
  app.get(
    '/api/client-config',
    {
      schema: {
        ...operation({
          id: 'getClientConfig',
          summary: 'Public facts about this server a client needs before signing in',
          description:
            'storeOrigin is the origin signed image URLs point at; the desktop app allows images from it alone.',
          tag: 'meta',
          access: 'anonymous',
        }),
        // No client errors: it reads nothing from the request.
        response: { 200: clientConfigSchema, ...errorResponses() },
      },
    },
    async () => {
      config ??= services.storage.store.presignedOrigin().then((storeOrigin) => ({ storeOrigin }));
      return config;
    },
  );
}
