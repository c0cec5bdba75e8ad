// GET /api/client-config: public facts a client needs before signing in.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { clientConfigSchema, type ClientConfig } from '../../shared/api';
import type { Services } from '../services';
import { errorResponses } from './schemas';

export function setupClientConfigRoute(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // The store's origin cannot change while the server runs: worked out once, on first ask.
  let config: Promise<ClientConfig> | undefined;
  app.get(
    '/api/client-config',
    {
      schema: {
        tags: ['meta'],
        summary: 'Public facts about this server a client needs before signing in',
        security: [],
        response: { 200: clientConfigSchema, ...errorResponses },
      },
    },
    async () => {
      config ??= services.storage.store.presignedOrigin().then((storeOrigin) => ({ storeOrigin }));
      return config;
    },
  );
}
