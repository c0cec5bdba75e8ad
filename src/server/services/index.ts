// Wires repositories and services over one database and one store.
import type { FastifyBaseLogger } from 'fastify';
import type { ImagePool } from '../../imaging/worker/image-pool';
import type { ServerConfig } from '../config';
import type { DatabaseHandle } from '../db/connect';
import type { StorageHandle } from '../storage/open-storage';
import { LoginLimiter } from '../auth/login-limiter';
import { TokenService } from '../auth/tokens';
import { AlbumsRepo } from '../repos/albums-repo';
import { ImagesRepo } from '../repos/images-repo';
import { PendingUploadsRepo } from '../repos/pending-uploads-repo';
import { UsersRepo } from '../repos/users-repo';
import { ImagesService } from './images-service';
import { ServerUploadService } from './server-upload-service';
import { SignedUrls } from './signed-urls';
import { AuthService } from './signup-service';
import { UploadAcceptance } from './upload-acceptance';
import { UploadsService } from './uploads-service';

export function createServices(
  config: ServerConfig,
  database: DatabaseHandle,
  storage: StorageHandle,
  jwtSecret: string,
  log: FastifyBaseLogger,
  imagePool: ImagePool,
) {
  const { db } = database;
  const { store } = storage;
  const users = new UsersRepo(db);
  const pending = new PendingUploadsRepo(db);
  const images = new ImagesRepo(db);
  const albums = new AlbumsRepo(db);
  const tokens = new TokenService(jwtSecret);
  const acceptance = new UploadAcceptance(store, pending, log.child({ scope: 'uploads' }));
  return {
    log,
    config,
    database,
    storage,
    tokens,
    users,
    pending,
    images,
    albums,
    auth: new AuthService(
      db,
      users,
      pending,
      store,
      tokens,
      new LoginLimiter(config.loginMaxAttempts),
      acceptance,
    ),
    uploads: new UploadsService(config, pending, store),
    acceptance,
    imagesService: new ImagesService(db, images, pending, albums, store, acceptance),
    signedUrls: new SignedUrls(store, images, users, config.signedUrlTtlSeconds),
    imagePool,
    serverUploads: new ServerUploadService(
      db,
      images,
      albums,
      store,
      imagePool,
      config.maxDecodePixels,
    ),
  };
}

export type Services = ReturnType<typeof createServices>;
