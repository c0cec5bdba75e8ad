// The multipart path for clients that cannot presign: the same pipeline as the desktop, run here.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ImagePool } from '../../imaging/worker/image-pool';
import { CodedError } from '../../shared/errors';
import { storedTakenAt, type Image } from '../../shared/api';
import type { Database } from '../db/schema';
import type { AlbumsRepo } from '../repos/albums-repo';
import { issueKeys } from '../repos/pending-uploads-repo';
import { toImage, type ImagesRepo } from '../repos/images-repo';
import type { ObjectStore } from '../storage/object-store';
import type { QuotaCheck } from './storage-quota';

export class ServerUploadService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly images: ImagesRepo,
    private readonly albums: AlbumsRepo,
    private readonly store: ObjectStore,
    /** Image work runs here, bounded, never on the threads requests need. */
    private readonly pool: ImagePool,
    private readonly maxDecodePixels: number,
    private readonly quota: QuotaCheck,
  ) {}

  /**
   * Processes the file at `path` (already on local disk, size-capped by the caller), stores the
   * result and its thumbnail, and registers them. Nothing stays behind when any step fails.
   */
  async ingest(
    userId: string,
    input: {
      path: string;
      filename: string;
      /** SHA-256 of the received file, hashed as it was written to disk. */
      sourceSha256?: string | undefined;
      albumId?: string | undefined;
      title?: string | undefined;
    },
  ): Promise<Image> {
    if (input.albumId && !(await this.albums.find(input.albumId, userId))) {
      throw new CodedError('NOT_FOUND', 'No album with this id exists in your gallery.');
    }
    const processed = await this.pool.process(input.path, {
      maxInputPixels: this.maxDecodePixels,
    });
    // Checked on what will be stored (the processed image), as a presign checks the promised size.
    await this.quota.assertRoom(userId, [{ size: processed.original.size, purpose: 'image' }]);
    const random = crypto.randomBytes(16).toString('base64url');
    const key = `users/${userId}/${random}.${processed.original.extension}`;
    const thumbnailKey = `users/${userId}/thumbs/${random}.${processed.thumbnail.extension}`;
    // Recorded as issued before anything is written, so no presign can ever target these keys
    // (a presigned PUT would replace the processed image, and its pending row would get it swept).
    if (!(await issueKeys(this.db, [key, thumbnailKey]))) {
      throw new Error('a freshly generated object key was already issued');
    }
    const stored: string[] = [];
    try {
      await this.store.put(key, processed.original.data, processed.original.contentType);
      stored.push(key);
      await this.store.put(thumbnailKey, processed.thumbnail.data, processed.thumbnail.contentType);
      stored.push(thumbnailKey);
      const row = await this.images.insert(this.db, {
        id: crypto.randomUUID(),
        ownerId: userId,
        key,
        thumbnailKey,
        filename: input.filename,
        contentType: processed.original.contentType,
        size: processed.original.size,
        width: processed.original.width,
        height: processed.original.height,
        sha256: processed.original.sha256,
        title: input.title ?? null,
        alt: null,
        albumId: input.albumId ?? null,
        tags: [],
        ...storedTakenAt(processed.takenAt),
        thumbhash: processed.thumbhash,
        sourceSha256: input.sourceSha256 ?? null,
        createdAt: new Date(),
      });
      return toImage(row);
    } catch (error) {
      await this.store.delete(stored).catch(() => undefined);
      throw error;
    }
  }
}
