// `npm run server`: validate config, start everything, print the URL, shut down gracefully.
import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig } from './config';
import { createServer } from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const server = await createServer(config);
  const { app, services, sweeper } = server;
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await server.close();
  });
  const address = await app.listen({ port: config.port, host: config.host });
  sweeper.start();
  const url = config.publicUrl ?? address;
  const storage = services.storage.embedded
    ? `embedded S3 emulator at ${services.storage.embedded.endpoint}`
    : `S3 bucket ${services.storage.store.bucket}`;
  const db = services.database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL';
  console.log(`Image Desk server listening on ${url} (${db}, ${storage})`);
}

main().catch((error: unknown) => {
  console.error(
    'Image Desk server failed to start:',
    error instanceof Error ? error.message : error,
  );
  if (error instanceof Error && error.cause)
    console.error('Cause:', String((error.cause as Error).message ?? error.cause));
  process.exit(1);
});
