// `npm run server`: validate config, start everything, print the URL, shut down gracefully.
import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig, type ServerConfig } from './config';
import { createServer, type RunningServer } from './server';

function describeStorage(server: RunningServer, config: ServerConfig): string {
  const { storage, database } = server.services;
  const store = storage.embedded
    ? `embedded S3 emulator at ${storage.embedded.endpoint}`
    : `S3 bucket ${storage.store.bucket}`;
  const db = database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL';
  return `${db}, ${store}`;
}

async function main(): Promise<void> {
  let config: ServerConfig;
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
  const { app } = server;
  const grace = closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await server.close();
  });
  let address: string;
  try {
    address = await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // Close the database and the store cleanly before reporting (e.g. the port is taken).
    grace.uninstall();
    await server.close().catch(() => undefined);
    throw error;
  }
  server.startUpkeep();
  const publicUrl =
    config.publicUrl && config.publicUrl !== address ? `, public URL ${config.publicUrl}` : '';
  console.log(
    `Image Desk server listening on ${address}${publicUrl} (${describeStorage(server, config)})`,
  );
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
