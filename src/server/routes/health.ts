// Liveness (the process answers) and readiness (the database and the bucket answer).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../services';

export function setupHealthRoutes(app: FastifyInstance, services: Services): void {
  app.get(
    '/healthz',
    { schema: { tags: ['health'], response: { 200: z.object({ ok: z.literal(true) }) } } },
    async () => ({ ok: true as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        response: {
          200: z.object({ ok: z.boolean(), database: z.boolean(), storage: z.boolean() }),
          503: z.object({ ok: z.boolean(), database: z.boolean(), storage: z.boolean() }),
        },
      },
    },
    async (request, reply) => {
      const [database, storage] = await Promise.all([
        services.database.ping().then(
          () => true,
          (err: unknown) => (request.log.warn({ err }, 'database not ready'), false),
        ),
        services.storage.store.ping().then(
          () => true,
          (err: unknown) => (request.log.warn({ err }, 'storage not ready'), false),
        ),
      ]);
      const ok = database && storage;
      return reply.status(ok ? 200 : 503).send({ ok, database, storage });
    },
  );
}
