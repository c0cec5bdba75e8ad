// Row types as Kysely sees them (camelCase; the CamelCasePlugin maps to snake_case columns).
import type { ColumnType, Generated, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;

export interface UsersTable {
  id: string;
  email: string;
  username: string;
  passwordHash: string;
  role: 'admin' | 'member';
  avatarKey: string | null;
  createdAt: CreatedAt;
  /** Set while an admin has disabled the account: its tokens and password stop working. */
  disabledAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Raised to end every session at once (password change, reset, disable); tokens carry it. */
  tokenVersion: ColumnType<number, number | undefined, number>;
}

export interface AlbumsTable {
  id: string;
  ownerId: string;
  name: string;
  createdAt: CreatedAt;
}

export interface ImagesTable {
  id: string;
  ownerId: string;
  key: string;
  thumbnailKey: string | null;
  filename: string;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
  sha256: string | null;
  title: string | null;
  alt: string | null;
  albumId: string | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  createdAt: CreatedAt;
  /** Folded filename, title, alt, tags and album name; written by a trigger (migration 0008). */
  searchText: ColumnType<string, never, never>;
  /** Folded title a person sees, else the filename; written by the same trigger. */
  sortName: ColumnType<string, never, never>;
  /** When the photo was taken: the instant, or the wall clock read as UTC when the offset is
   * unknown (shared/api/taken-at.ts); null when the file did not say. */
  takenAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The zone offset the camera recorded, in minutes; null when unknown. */
  takenOffsetMinutes: ColumnType<number | null, number | null | undefined, number | null>;
  /** ThumbHash (base64) of the image: the gallery's placeholder; null when none was sent. */
  thumbhash: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set while the image is in the trash: hidden from listings, objects kept until purged. */
  trashedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** SHA-256 of the source file as dropped (before processing); null when not sent. */
  sourceSha256: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PendingUploadsTable {
  key: string;
  /** null for anonymous avatar uploads made before the account exists */
  ownerId: string | null;
  purpose: 'image' | 'thumbnail' | 'avatar';
  contentType: string;
  size: number;
  sha256: string | null;
  createdAt: CreatedAt;
  expiresAt: Date;
}

/** Every key ever presigned or written by the server; a key is never handed out twice. */
export interface IssuedKeysTable {
  key: string;
  issuedAt: CreatedAt;
}

/** The bucket reconciler's position and lease (one row, id 1). */
export interface ReconcilerStateTable {
  id: number;
  prefixIndex: number;
  startAfter: string | null;
  leaseUntil: Date | null;
}

/** An admin's invitation: only the hash of its token is kept; used once, by that email. */
export interface InvitesTable {
  id: string;
  email: string;
  role: 'admin' | 'member';
  tokenHash: string;
  createdBy: string | null;
  createdAt: CreatedAt;
  expiresAt: Date;
  usedAt: Date | null;
  usedBy: string | null;
}

/** A one-time password reset an admin issued for an account (hash of the token only). */
export interface PasswordResetsTable {
  tokenHash: string;
  userId: string;
  createdBy: string | null;
  createdAt: CreatedAt;
  expiresAt: Date;
  usedAt: Date | null;
}

/** rate-limiter-flexible's Postgres store (written by the library, created by a migration). */
export interface RateLimitsTable {
  key: string;
  points: number;
  expire: string | null;
}

/** One refresh token (its hash); the tokens of one sign-in share a family. */
export interface RefreshTokensTable {
  tokenHash: string;
  userId: string;
  familyId: string;
  tokenVersion: number;
  createdAt: CreatedAt;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export interface Database {
  users: UsersTable;
  albums: AlbumsTable;
  images: ImagesTable;
  pendingUploads: PendingUploadsTable;
  issuedKeys: IssuedKeysTable;
  reconcilerState: ReconcilerStateTable;
  invites: InvitesTable;
  passwordResets: PasswordResetsTable;
  rateLimits: RateLimitsTable;
  refreshTokens: RefreshTokensTable;
  // Kysely's migrator keeps its own tables; declared so the type stays honest.
  kyselyMigration: { name: string; timestamp: Generated<string> };
}

export type UserRow = Selectable<UsersTable>;
export type AlbumRow = Selectable<AlbumsTable>;
export type ImageRow = Selectable<ImagesTable>;
export type PendingUploadRow = Selectable<PendingUploadsTable>;
export type InviteRow = Selectable<InvitesTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
