// Accepting presigned uploads: what arrived in staging must be what was presigned (size and type,
// as the store recorded them) and must really be that kind of image (its first bytes, sniffed);
// only then is it copied to its final key. Registration (images) and sign-up (profile images)
// both go through here, so neither can publish bytes that lie about their type.
import type { FastifyBaseLogger } from 'fastify';
import { sniffImageType, SNIFF_BYTES } from '../../imaging/sniff';
import { CodedError } from '../../shared/errors';
import type { PendingUploadRow } from '../db/schema';
import type { PendingUploadsRepo } from '../repos/pending-uploads-repo';
import { stagingKey } from '../storage/key-layout';
import type { ObjectStore } from '../storage/object-store';

/** Words for the person, per purpose, in the errors below. */
const WHAT: Record<PendingUploadRow['purpose'], string> = {
  image: 'image',
  thumbnail: 'thumbnail',
  avatar: 'profile image',
};

export class UploadAcceptance {
  constructor(
    private readonly store: ObjectStore,
    private readonly pending: PendingUploadsRepo,
    private readonly log: FastifyBaseLogger,
  ) {}

  /**
   * Checks every upload's staging object. A missing one throws OBJECT_MISSING (the client may
   * still send it); a wrong size, type or content voids them all: their staging objects and
   * pending rows are deleted (nothing half-accepted is left) and OBJECT_MISMATCH or
   * CONTENT_MISMATCH is thrown.
   */
  async check(uploads: PendingUploadRow[]): Promise<void> {
    const staged = uploads.map((upload) => stagingKey(upload.key));
    const heads = await Promise.all(staged.map((key) => this.store.head(key)));
    const missing = uploads.filter((_, i) => heads[i] === null);
    if (missing.length > 0) {
      throw new CodedError(
        'OBJECT_MISSING',
        `The ${missing.map((u) => WHAT[u.purpose]).join(' and ')} has not arrived in storage (${missing.map((u) => u.key).join(', ')}). Upload it with its presigned URL, then register it again.`,
      );
    }
    const resized = uploads.find((upload, i) => {
      const head = heads[i]!;
      return head.size !== upload.size || (head.contentType ?? '') !== upload.contentType;
    });
    if (resized) {
      await this.discard(uploads);
      throw new CodedError(
        'OBJECT_MISMATCH',
        `The uploaded ${WHAT[resized.purpose]} does not match the size or type it was presigned for, so it was discarded. Upload it again.`,
      );
    }
    const heads4k = await Promise.all(staged.map((key) => this.store.readStart(key, SNIFF_BYTES)));
    const lying = uploads.find(
      (upload, i) => sniffImageType(heads4k[i]!)?.mime !== upload.contentType,
    );
    if (lying) {
      await this.discard(uploads);
      const found = sniffImageType(heads4k[uploads.indexOf(lying)]!)?.mime;
      throw new CodedError(
        'CONTENT_MISMATCH',
        `The uploaded ${WHAT[lying.purpose]} was declared as ${lying.contentType} but its content is ${found ?? 'not an image this app accepts'}, so it was discarded. Upload the image file itself.`,
      );
    }
  }

  /** Copies each checked staging object to its final key. */
  async promote(uploads: PendingUploadRow[]): Promise<void> {
    await Promise.all(uploads.map((upload) => this.store.copy(stagingKey(upload.key), upload.key)));
  }

  /**
   * Removes the staging copies once their uploads are registered. A failure only leaves a
   * staging object without a pending row, which the reconciler removes: it is logged, not thrown.
   */
  async clearStaging(uploads: PendingUploadRow[]): Promise<void> {
    try {
      await this.store.delete(uploads.map((upload) => stagingKey(upload.key)));
    } catch (err) {
      this.log.warn(
        { err, keys: uploads.map((u) => u.key) },
        'staging copies left for the reconciler',
      );
    }
  }

  /** Deletes everything of a rejected upload: staging and final objects first, then its rows. */
  async discard(uploads: PendingUploadRow[]): Promise<void> {
    await this.store.delete(uploads.flatMap((upload) => [stagingKey(upload.key), upload.key]));
    await Promise.all(uploads.map((upload) => this.pending.delete(upload.key)));
  }
}
