// Registering, reading and deleting images: the rules that keep S3 and the database in step.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { CodedError } from '../../shared/errors';
import {
  storedTakenAt,
  type BulkDeleteResponse,
  type Image,
  type RegisterImageRequest,
} from '../../shared/api';
import type { Database, ImageRow } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import type { AlbumsRepo } from '../repos/albums-repo';
import { toImage, type ImagesRepo, type Viewer } from '../repos/images-repo';
import type { PendingUploadsRepo } from '../repos/pending-uploads-repo';
import type { ObjectStore } from '../storage/object-store';
import type { UploadAcceptance } from './upload-acceptance';

export function imageNotFound(): CodedError {
  return new CodedError('NOT_FOUND', 'No image with this id exists in your gallery.');
}

export function imageInTrash(): CodedError {
  return new CodedError('IN_TRASH', 'This image is in the trash. Restore it before editing it.');
}

function notPresigned(what: string): CodedError {
  return new CodedError(
    'KEY_NOT_PRESIGNED',
    `The ${what} key was not handed out to your account, or its upload expired. Ask for a new upload URL and upload again.`,
  );
}

type RegisterInput = Omit<RegisterImageRequest, 'tags'> & { tags?: string[] | undefined };

export class ImagesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly images: ImagesRepo,
    private readonly pending: PendingUploadsRepo,
    private readonly albums: AlbumsRepo,
    private readonly store: ObjectStore,
    private readonly acceptance: UploadAcceptance,
  ) {}

  /**
   * Registers an uploaded object. Returns `created: false` with the existing image when the key
   * is already registered to this user, so a client that lost the first answer can safely retry.
   */
  async register(
    userId: string,
    input: RegisterInput,
  ): Promise<{ image: Image; created: boolean }> {
    const keys = input.thumbnailKey ? [input.key, input.thumbnailKey] : [input.key];
    // One query for both rows: registration runs once per uploaded photo, and on the embedded
    // database every statement costs CPU the desktop's image processing shares.
    const rows = await this.pending.findMany(keys);
    const original = rows.find((r) => r.key === input.key);
    if (!original) {
      // No pending row: either never presigned, or already registered (a client retrying after
      // a lost answer gets the same image back).
      const existing = await this.images.findByKey(input.key);
      if (existing && existing.ownerId === userId) {
        return { image: toImage(existing), created: false };
      }
      throw notPresigned('image');
    }
    if (original.ownerId !== userId || original.purpose !== 'image') throw notPresigned('image');
    const thumbnail = input.thumbnailKey
      ? rows.find((r) => r.key === input.thumbnailKey)
      : undefined;
    if (
      input.thumbnailKey &&
      (!thumbnail || thumbnail.ownerId !== userId || thumbnail.purpose !== 'thumbnail')
    ) {
      throw notPresigned('thumbnail');
    }
    if (input.contentType !== original.contentType || input.size !== original.size) {
      throw new CodedError(
        'OBJECT_MISMATCH',
        `The registration says ${input.contentType}, ${input.size} bytes, but the upload was presigned for ${original.contentType}, ${original.size} bytes.`,
      );
    }
    if (input.sha256 && original.sha256 && input.sha256 !== original.sha256) {
      throw new CodedError(
        'OBJECT_MISMATCH',
        'The registration gives a different SHA-256 than the upload was presigned with. Register the file that was uploaded.',
      );
    }
    if (input.albumId && !(await this.albums.find(input.albumId, userId))) {
      throw new CodedError('NOT_FOUND', 'No album with this id exists in your gallery.');
    }
    const uploads = [original, ...(thumbnail ? [thumbnail] : [])];
    try {
      await this.acceptance.check(uploads);
      // The final keys exist before the row does: a row never points at a missing object. If
      // the transaction below loses its claim, whoever claimed the rows (a concurrent
      // registration, or the sweeper) owns these copies.
      await this.acceptance.promote(uploads);
    } catch (error) {
      // The same registration sent twice at once: the first may have finished and cleared the
      // staging copies while this one was reading them.
      const raced = await this.images.findByKey(input.key);
      if (raced && raced.ownerId === userId) return { image: toImage(raced), created: false };
      throw error;
    }

    try {
      const row = await this.db.transaction().execute(async (trx) => {
        // Claimed together; a row another request took meanwhile is missing and voids both.
        const claimed = await this.pending.claimMany(trx, keys, userId);
        const claimedAs = (key: string) => claimed.find((r) => r.key === key)?.purpose;
        if (claimedAs(original.key) !== 'image') throw notPresigned('image');
        if (thumbnail && claimedAs(thumbnail.key) !== 'thumbnail') throw notPresigned('thumbnail');
        return this.images.insert(trx, {
          id: crypto.randomUUID(),
          ownerId: userId,
          key: original.key,
          thumbnailKey: thumbnail?.key ?? null,
          filename: input.filename,
          contentType: original.contentType,
          size: original.size,
          width: input.width ?? null,
          height: input.height ?? null,
          sha256: input.sha256 ?? original.sha256,
          title: input.title ?? null,
          alt: input.alt ?? null,
          albumId: input.albumId ?? null,
          tags: input.tags ?? [],
          ...storedTakenAt(input.takenAt),
          thumbhash: input.thumbhash ?? null,
          sourceSha256: input.sourceSha256 ?? null,
          // Millisecond precision, so the keyset cursor (a JS Date) compares exactly.
          createdAt: new Date(),
        });
      });
      await this.acceptance.clearStaging(uploads);
      return { image: toImage(row), created: true };
    } catch (error) {
      // A concurrent retry registered it first: answer as the idempotent path does.
      const raced = await this.images.findByKey(input.key);
      if (raced && raced.ownerId === userId) return { image: toImage(raced), created: false };
      if (isUniqueViolation(error)) throw notPresigned('image');
      throw error;
    }
  }

  async get(viewer: Viewer, id: string): Promise<ImageRow> {
    const row = await this.images.findVisible(id, viewer);
    if (!row) throw imageNotFound();
    return row;
  }

  /**
   * Deletes for good, at once (the trash is TrashService's): objects first, then the row; if the
   * store refuses, the row stays and the error is returned.
   */
  async deletePermanently(viewer: Viewer, id: string): Promise<void> {
    const row = await this.get(viewer, id);
    await this.store.delete([row.key, ...(row.thumbnailKey ? [row.thumbnailKey] : [])]);
    await this.images.delete(row.id);
  }

  async bulkDeletePermanently(viewer: Viewer, ids: string[]): Promise<BulkDeleteResponse> {
    const result: BulkDeleteResponse = { deleted: [], failed: [] };
    const unique = [...new Set(ids)];
    const CONCURRENCY = 8;
    for (let i = 0; i < unique.length; i += CONCURRENCY) {
      const chunk = unique.slice(i, i + CONCURRENCY);
      const outcomes = await Promise.allSettled(
        chunk.map((id) => this.deletePermanently(viewer, id)),
      );
      outcomes.forEach((outcome, j) => {
        const id = chunk[j]!;
        if (outcome.status === 'fulfilled') result.deleted.push(id);
        else {
          const error =
            outcome.reason instanceof CodedError
              ? outcome.reason
              : new CodedError('INTERNAL', 'The image could not be deleted. Try again.');
          result.failed.push({ id, code: error.code, message: error.message });
        }
      });
    }
    return result;
  }

  async update(
    viewer: Viewer,
    id: string,
    changes: {
      title?: string | null;
      alt?: string | null;
      albumId?: string | null;
      tags?: string[];
    },
  ): Promise<Image> {
    const row = await this.get(viewer, id);
    if (changes.albumId && !(await this.albums.find(changes.albumId, row.ownerId))) {
      throw new CodedError('NOT_FOUND', 'No album with this id exists in this gallery.');
    }
    const updated = await this.images.update(row.id, changes);
    if (!updated) throw row.trashedAt ? imageInTrash() : imageNotFound();
    return toImage(updated);
  }
}
