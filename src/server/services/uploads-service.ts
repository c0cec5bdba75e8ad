// Presigning: the server picks each key's namespace, records what was promised, signs the PUT.
import { randomBytes } from 'node:crypto';
import { CodedError } from '../../shared/errors';
import { extensionFor, type ImageMediaType } from '../../shared/media-types';
import type { PresignResponse, UploadPurpose } from '../../shared/api';
import type { ServerConfig } from '../config';
import type { PendingUploadsRepo } from '../repos/pending-uploads-repo';
import { stagingKey } from '../storage/key-layout';
import type { ObjectStore } from '../storage/object-store';
import type { QuotaCheck } from './storage-quota';

export interface PresignInput {
  filename: string;
  contentType: ImageMediaType;
  size: number;
  sha256?: string | undefined;
  purpose: UploadPurpose;
  keyHint?: string | undefined;
}

/** Anonymous avatar URLs live shorter than the rest: they are handed to anyone who asks. */
const AVATAR_TTL_SECONDS = 120;

export function objectKeyFor(ownerId: string | null, input: PresignInput): string {
  const random = input.keyHint ?? randomBytes(16).toString('base64url');
  const ext = input.purpose === 'thumbnail' ? 'webp' : extensionFor(input.contentType);
  if (input.purpose === 'avatar') return `avatars/${random}.${ext}`;
  if (!ownerId) throw new Error('image and thumbnail keys need an owner');
  const folder = input.purpose === 'thumbnail' ? 'thumbs/' : '';
  return `users/${ownerId}/${folder}${random}.${ext}`;
}

export class UploadsService {
  constructor(
    private readonly config: ServerConfig,
    private readonly pending: PendingUploadsRepo,
    private readonly store: ObjectStore,
    private readonly quota?: QuotaCheck,
  ) {}

  /** All files are presigned or none: one reused key fails the whole batch with KEY_ALREADY_USED. */
  async presign(ownerId: string | null, files: PresignInput[]): Promise<PresignResponse[]> {
    for (const file of files) this.checkLimits(ownerId, file);
    await this.quota?.assertRoom(ownerId, files);
    const keys = files.map((file) => objectKeyFor(ownerId, file));
    if (new Set(keys).size !== keys.length) throw keyUsed();
    const ttl = files.some((f) => f.purpose === 'avatar')
      ? Math.min(AVATAR_TTL_SECONDS, this.config.presignTtlSeconds)
      : this.config.presignTtlSeconds;
    const expiresAt = new Date(Date.now() + ttl * 1000);
    const inserted = await this.pending.insertMany(
      files.map((file, i) => ({
        key: keys[i]!,
        ownerId,
        purpose: file.purpose,
        contentType: file.purpose === 'thumbnail' ? 'image/webp' : file.contentType,
        size: file.size,
        sha256: file.sha256 ?? null,
        expiresAt,
      })),
    );
    if (!inserted) throw keyUsed();
    return Promise.all(
      files.map(async (file, i) => {
        // The URL writes the staging copy; registration moves it to `key` (key-layout.ts).
        const signed = await this.store.presignPut({
          key: stagingKey(keys[i]!),
          contentType: file.purpose === 'thumbnail' ? 'image/webp' : file.contentType,
          size: file.size,
          sha256Hex: file.sha256,
          expiresInSeconds: ttl,
        });
        return {
          key: keys[i]!,
          url: signed.url,
          method: 'PUT' as const,
          headers: signed.headers,
          expiresAt: signed.expiresAt.toISOString(),
        };
      }),
    );
  }

  private checkLimits(ownerId: string | null, file: PresignInput): void {
    if (file.purpose !== 'avatar' && !ownerId) {
      throw new CodedError('AUTH_REQUIRED', 'Sign in to upload images.');
    }
    if (file.purpose === 'thumbnail' && file.contentType !== 'image/webp') {
      throw new CodedError('UNSUPPORTED_TYPE', 'Thumbnails must be WebP images (image/webp).');
    }
    const cap = file.purpose === 'avatar' ? this.config.maxAvatarBytes : this.config.maxUploadBytes;
    if (file.size > cap) {
      throw new CodedError(
        'FILE_TOO_LARGE',
        `"${file.filename}" is ${formatMiB(file.size)}; the limit for ${file.purpose === 'avatar' ? 'a profile image' : 'an image'} is ${formatMiB(cap)}.`,
      );
    }
  }
}

function keyUsed(): CodedError {
  return new CodedError(
    'KEY_ALREADY_USED',
    'This upload key was already handed out. Ask for a new upload URL without a key hint.',
  );
}

function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
