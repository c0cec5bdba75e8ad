// Wires repositories and services over one database and one store.
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
import { UploadsService } from './uploads-service';

export function createServices(
  config: ServerConfig,
  database: DatabaseHandle,
  storage: StorageHandle,
  jwtSecret: string,
) {
  const { db } = database;
  const { store } = storage;
  const users = new UsersRepo(db);
  const pending = new PendingUploadsRepo(db);
  const images = new ImagesRepo(db);
  const albums = new AlbumsRepo(db);
  const tokens = new TokenService(jwtSecret);
  return {
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
    ),
    uploads: new UploadsService(config, pending, store),
    imagesService: new ImagesService(db, images, pending, albums, store),
    signedUrls: new SignedUrls(store, images, users, config.signedUrlTtlSeconds),
    serverUploads: new ServerUploadService(db, images, albums, store),
  };
}

export type Services = ReturnType<typeof createServices>;
