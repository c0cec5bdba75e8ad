// Serves the OpenAPI document built by plugins/openapi.ts.
import type { FastifyInstance } from 'fastify';

export function setupOpenApiRoute(app: FastifyInstance): void {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
