// Builds the Fastify application from ready services; main.ts and the tests both call this.
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { setupAuthentication } from './plugins/authenticate';
import { setupErrorHandling } from './plugins/error-handler';
import { clientErrorHandler, frameworkErrors } from './plugins/framework-errors';
import { registerOpenApi } from './plugins/openapi';
import { setupAccountRoutes } from './routes/account';
import { setupAdminRoutes } from './routes/admin';
import { setupAlbumRoutes } from './routes/albums';
import { setupAuthRoutes } from './routes/auth';
import { setupClientConfigRoute } from './routes/client-config';
import { setupHealthRoutes } from './routes/health';
import { setupImageRoutes } from './routes/images';
import { setupTagRoutes } from './routes/tags';
import { setupTrashRoutes } from './routes/trash';
import { setupBulkUpdateRoutes } from './routes/bulk-update';
import { setupOpenApiRoute } from './routes/openapi';
import { setupServerUploadRoute } from './routes/server-upload';
import { setupUploadRoutes } from './routes/uploads';
import type { Services } from './services';
import type { TrustProxy } from './trust-proxy';

/** Fastify's types take a hop count as a function: trust the first `hops` hops from the socket. */
function fastifyTrustProxy(trust: TrustProxy) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

export async function buildApp(services: Services): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: services.log,
    bodyLimit: 1024 * 1024,
    // TRUST_PROXY: off unless the operator names the proxies, so request.ip stays honest.
    trustProxy: fastifyTrustProxy(services.config.trustProxy),
    // Errors Fastify and Node answer before a route runs get the same {"error":{code,message}}.
    frameworkErrors,
    clientErrorHandler,
  });
  // Every body this API reads is JSON (or multipart, on the upload route). Without this, a
  // text/plain body would be parsed as a string and fail validation with a confusing 400.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  setupErrorHandling(app);
  setupAuthentication(app, services.tokens, services.users);
  await registerOpenApi(app, { publicUrl: services.config.publicUrl });

  setupHealthRoutes(app, services);
  setupClientConfigRoute(app, services);
  setupAuthRoutes(app, services);
  setupAccountRoutes(app, services);
  setupAdminRoutes(app, services);
  setupUploadRoutes(app, services);
  setupImageRoutes(app, services);
  setupTrashRoutes(app, services);
  setupBulkUpdateRoutes(app, services);
  setupAlbumRoutes(app, services);
  setupTagRoutes(app, services);
  await setupServerUploadRoute(app, services);
  setupOpenApiRoute(app);
  return app;
}
