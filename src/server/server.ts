// Opens the database and the store, builds the app, sets up the background upkeep (orphan sweeper
// and bucket reconciler); one close() undoes it all.
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { resolveJwtSecret } from './auth/jwt-secret';
import type { ServerConfig } from './config';
import { openDatabase } from './db/connect';
import { createImagePool } from '../imaging/worker/image-pool';
import { createLogger } from './logger';
import { createServices, type Services } from './services';
import { ObjectRefsRepo } from './repos/object-refs-repo';
import { ObjectReconciler } from './services/object-reconciler';
import { OrphanSweeper } from './services/orphan-sweeper';
import { TrashPurger } from './services/trash-purger';
import { openStorage } from './storage/open-storage';

export interface RunningServer {
  app: FastifyInstance;
  services: Services;
  sweeper: OrphanSweeper;
  reconciler: ObjectReconciler;
  trashPurger: TrashPurger;
  /** Starts the sweeper, the reconciler and the trash purge on SWEEP_INTERVAL_SECONDS (and once now). */
  startUpkeep(): void;
  close(): Promise<void>;
}

export async function createServer(config: ServerConfig): Promise<RunningServer> {
  // The secret first: a damaged secret file should stop the boot before anything is opened.
  const jwtSecret = await resolveJwtSecret({
    configured: config.jwtSecret,
    dataDir: config.dataDir,
  });
  const storage = await openStorage(config);
  const log = createLogger(config.logLevel);
  const imagePool = createImagePool({
    threads: config.imageWorkers,
    onWorkerError: (err) => log.error({ err, scope: 'images' }, 'an image worker failed'),
  });
  let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
  let services: ReturnType<typeof createServices>;
  let app: FastifyInstance;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    services = createServices(config, database, storage, jwtSecret, log, imagePool);
    app = await buildApp(services);
  } catch (error) {
    await database?.close().catch(() => undefined);
    await storage.close().catch(() => undefined);
    await imagePool.close();
    throw error;
  }
  const openedDatabase = database;
  const limitsLog = app.log.child({ scope: 'limits' });
  services.limits.onSweepError = (err) => limitsLog.warn({ err }, 'rate limit cleanup failed');
  const sweeper = new OrphanSweeper(
    services.pending,
    storage.store,
    {
      graceSeconds: config.pendingGraceSeconds,
      intervalSeconds: config.sweepIntervalSeconds,
      // Bounded per pass; what is left goes on the next one.
      purgeExpired: (now) => services.refreshTokens.deleteExpired(now, 1000),
    },
    app.log.child({ scope: 'sweeper' }),
  );
  const reconciler = new ObjectReconciler(
    new ObjectRefsRepo(openedDatabase.db),
    storage.store,
    { graceSeconds: config.pendingGraceSeconds, intervalSeconds: config.sweepIntervalSeconds },
    app.log.child({ scope: 'reconciler' }),
  );
  const trashPurger = new TrashPurger(
    services.trash,
    services.trashService,
    { trashDays: config.trashDays, intervalSeconds: config.sweepIntervalSeconds },
    app.log.child({ scope: 'trash' }),
  );
  let closed = false;
  return {
    app,
    services,
    sweeper,
    reconciler,
    trashPurger,
    startUpkeep: () => {
      sweeper.start();
      reconciler.start();
      trashPurger.start();
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([sweeper.stop(), reconciler.stop(), trashPurger.stop()]);
      services.limits.close();
      await app.close();
      await openedDatabase.close();
      await storage.close();
      await imagePool.close();
    },
  };
}
