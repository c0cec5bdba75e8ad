// Liveness (the process answers) and readiness (the database and the bucket answer).
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorResponses } from '../openapi/error-responses';
import { operation } from '../openapi/operation';
import type { Services } from '../services';

/** A dependency that has not answered by then counts as down, so a probe never hangs. */
const CHECK_TIMEOUT_MS = 5_000;

const readinessSchema = z.object({ ok: z.boolean(), database: z.boolean(), storage: z.boolean() });

async function answers(
  what: string,
  check: () => Promise<void>,
  log: FastifyBaseLogger,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([check(), timeout]);
    return true;
  } catch (err) {
    log.warn({ err }, `${what} not ready`);
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function setupHealthRoutes(app: FastifyInstance, services: Services): void {
  app.get(
    '/healthz',
    {
      schema: {
        ...operation({
          id: 'checkLiveness',
          summary: 'Whether the process answers (liveness)',
          tag: 'health',
          access: 'anonymous',
        }),
        // No client errors: the probe reads nothing from the request.
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses() },
      },
    },
    async () => ({ ok: true as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        ...operation({
          id: 'checkReadiness',
          summary: 'Whether the database and the bucket answer (503 when either does not)',
          tag: 'health',
          access: 'anonymous',
        }),
        response: { ...errorResponses(), 200: readinessSchema, 503: readinessSchema },
      },
    },
    async (request, reply) => {
      const [database, storage] = await Promise.all([
        answers('database', () => services.database.ping(), request.log),
        answers('storage', () => services.storage.store.ping(), request.log),
      ]);
      const ok = database && storage;
      return reply.status(ok ? 200 : 503).send({ ok, database, storage });
    },
  );
}
