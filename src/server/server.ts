// Opens the database and the store, builds the app, starts the sweeper; one close() undoes it all.
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { resolveJwtSecret } from './auth/jwt-secret';
import type { ServerConfig } from './config';
import { openDatabase } from './db/connect';
import { createServices, type Services } from './services';
import { OrphanSweeper } from './services/orphan-sweeper';
import { openStorage } from './storage/open-storage';

export interface RunningServer {
  app: FastifyInstance;
  services: Services;
  sweeper: OrphanSweeper;
  close(): Promise<void>;
}

export async function createServer(config: ServerConfig): Promise<RunningServer> {
  // The secret first: a damaged secret file should stop the boot before anything is opened.
  const jwtSecret = await resolveJwtSecret({
    configured: config.jwtSecret,
    dataDir: config.dataDir,
  });
  const storage = await openStorage(config);
  let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
  let services: ReturnType<typeof createServices>;
  let app: FastifyInstance;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    services = createServices(config, database, storage, jwtSecret);
    app = await buildApp(services);
  } catch (error) {
    await database?.close().catch(() => undefined);
    await storage.close().catch(() => undefined);
    throw error;
  }
  const openedDatabase = database;
  const limitsLog = app.log.child({ scope: 'limits' });
  services.limits.onSweepError = (err) => limitsLog.warn({ err }, 'rate limit cleanup failed');
  const sweeper = new OrphanSweeper(
    services.pending,
    storage.store,
    { graceSeconds: config.pendingGraceSeconds, intervalSeconds: config.sweepIntervalSeconds },
    app.log.child({ scope: 'sweeper' }),
  );
  let closed = false;
  return {
    app,
    services,
    sweeper,
    close: async () => {
      if (closed) return;
      closed = true;
      await sweeper.stop();
      services.limits.close();
      await app.close();
      await openedDatabase.close();
      await storage.close();
    },
  };
}
