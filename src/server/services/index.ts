// Wires repositories and services over one database and one store.
import type { FastifyBaseLogger } from 'fastify';
import type { ImagePool } from '../../imaging/worker/image-pool';
import type { ServerConfig } from '../config';
import type { DatabaseHandle } from '../db/connect';
import type { StorageHandle } from '../storage/open-storage';
import { LoginLimiter } from '../auth/login-limiter';
import { PresignLimiter } from '../auth/presign-limiter';
import { RateLimits } from '../auth/rate-limits';
import { SessionIssuer } from '../auth/session-issuer';
import { TokenService } from '../auth/tokens';
import { RefreshTokensRepo } from '../repos/refresh-tokens-repo';
import { AlbumsRepo } from '../repos/albums-repo';
import { ImagesRepo } from '../repos/images-repo';
import { TagsRepo } from '../repos/tags-repo';
import { TrashRepo } from '../repos/trash-repo';
import { InvitesRepo } from '../repos/invites-repo';
import { PasswordResetsRepo } from '../repos/password-resets-repo';
import { PendingUploadsRepo } from '../repos/pending-uploads-repo';
import { UserStorageRepo } from '../repos/user-storage-repo';
import { UsersRepo } from '../repos/users-repo';
import { AccountDeletion } from './account-deletion';
import { ImagesService } from './images-service';
import { LoginService } from './login-service';
import { PasswordService } from './password-service';
import { PeopleService } from './people-service';
import { ProfileService } from './profile-service';
import { ServerUploadService } from './server-upload-service';
import { SignedUrls } from './signed-urls';
import { SignupService } from './signup-service';
import { StorageQuota } from './storage-quota';
import { TrashService } from './trash-service';
import { BulkUpdateService } from './bulk-update-service';
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
  const trash = new TrashRepo(db);
  const albums = new AlbumsRepo(db);
  const invites = new InvitesRepo(db);
  const resets = new PasswordResetsRepo(db);
  const userStorage = new UserStorageRepo(db);
  const tokens = new TokenService(jwtSecret);
  const refreshTokens = new RefreshTokensRepo(db);
  const sessions = new SessionIssuer(db, tokens, refreshTokens, users, config.refreshTokenDays);
  const acceptance = new UploadAcceptance(store, pending, log.child({ scope: 'uploads' }));
  // Shared by every server through PostgreSQL when DATABASE_URL is set, else in this process.
  const limits = new RateLimits(database.pool);
  const loginLimiter = new LoginLimiter(limits, config.loginMaxAttempts);
  const signupBudget = limits.budget({
    name: 'signup-ip',
    points: config.signupMaxPerHour,
    durationSeconds: 60 * 60,
  });
  const imagesService = new ImagesService(db, images, pending, albums, store, acceptance);
  const quota = new StorageQuota(userStorage, config.userQuotaBytes);
  return {
    log,
    config,
    database,
    storage,
    tokens,
    sessions,
    refreshTokens,
    limits,
    users,
    pending,
    images,
    albums,
    tags: new TagsRepo(db),
    signup: new SignupService(
      db,
      config.signupMode,
      users,
      invites,
      pending,
      store,
      sessions,
      signupBudget,
      acceptance,
    ),
    acceptance,
    login: new LoginService(users, sessions, loginLimiter),
    passwords: new PasswordService(db, users, resets, sessions, loginLimiter, signupBudget),
    profile: new ProfileService(db, users, pending, userStorage, store, acceptance),
    people: new PeopleService(db, config, users, invites, resets),
    accountDeletion: new AccountDeletion(db, users, userStorage, imagesService, store),
    presignLimiter: new PresignLimiter(limits),
    uploads: new UploadsService(config, pending, store, quota),
    imagesService,
    trash,
    trashService: new TrashService(trash, store),
    bulkUpdate: new BulkUpdateService(db, albums),
    signedUrls: new SignedUrls(store, images, users, config.signedUrlTtlSeconds),
    imagePool,
    serverUploads: new ServerUploadService(
      db,
      images,
      albums,
      store,
      imagePool,
      config.maxDecodePixels,
      quota,
    ),
  };
}

export type Services = ReturnType<typeof createServices>;
