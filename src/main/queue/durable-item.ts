// The queue's durable record of one file, as written to the state file. Everything the queue
// needs to resume after a crash lives here; what leaves the queue is the view in shared/queue.ts.
import { z } from 'zod';
import { imageMediaTypeSchema } from '../../shared/media-types';
import { errorCodeSchema } from '../../shared/errors';
import { queueStateSchema } from '../../shared/queue';

const outputSchema = z.object({
  original: z.object({
    sha256: z.string(),
    size: z.number().int().positive(),
    contentType: imageMediaTypeSchema,
    extension: z.string(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    /** Date taken read from the source's EXIF (API form); absent when the file did not say. */
    takenAt: z.string().optional(),
    /** ThumbHash placeholder (base64); absent in items processed by an older version. */
    thumbhash: z.string().optional(),
    /** SHA-256 of the source file's bytes as read; absent in items from an older version. */
    sourceSha256: z.string().optional(),
  }),
  thumbnail: z.object({ sha256: z.string(), size: z.number().int().positive() }),
});

/** Who queued a file: it uploads only into that account (server and email). */
export const itemAccountSchema = z.object({ serverUrl: z.string(), email: z.string() });
export type ItemAccount = z.infer<typeof itemAccountSchema>;

const targetSchema = z.object({
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  /** True once the store accepted this PUT, so a resumed item does not send it again. */
  sent: z.boolean(),
});

export const durableItemSchema = z.object({
  id: z.string(),
  path: z.string(),
  sourceSize: z.number().int().nonnegative(),
  albumId: z.string().nullable(),
  /** null: files queued without an account (tests, tools) or by an older version run anywhere. */
  account: itemAccountSchema.nullable().default(null),
  addedAt: z.string(),
  /** The folder relative to the parent of what was dropped ("shoot/day 1"); null for a file. */
  folder: z.string().nullable().default(null),
  state: queueStateSchema,
  paused: z.boolean(),
  attempts: z.number().int().nonnegative(),
  error: z.object({ code: errorCodeSchema, message: z.string() }).nullable(),
  imageId: z.string().nullable(),
  /** The registered object key once done (kept after the presigned URLs are dropped). */
  key: z.string().nullable(),
  duplicateOf: z.string().nullable(),
  /** Pipeline options the output was made with: re-processing must give the same bytes. */
  options: z
    .object({
      maxEdge: z.number().int(),
      format: z.enum(['original', 'jpeg', 'webp', 'avif']),
      quality: z.number().int(),
      keepMetadata: z.boolean(),
    })
    .nullable(),
  output: outputSchema.nullable(),
  /**
   * Random key parts proposed to the server. Drawn only once the duplicate check passed, so
   * "hints set" also means "this item owns its content within the batch".
   */
  hints: z.object({ original: z.string(), thumbnail: z.string() }).nullable(),
  /** Presigned keys and URLs; written to disk before the first byte is PUT. */
  upload: z
    .object({
      key: z.string(),
      thumbnailKey: z.string(),
      expiresAt: z.string(),
      original: targetSchema,
      thumbnail: targetSchema,
    })
    .nullable(),
});

export type DurableItem = z.infer<typeof durableItemSchema>;
export type ItemOutput = z.infer<typeof outputSchema>;
export type ItemUpload = NonNullable<DurableItem['upload']>;
export type ItemOptions = NonNullable<DurableItem['options']>;

export const queueFileSchema = z.object({
  version: z.literal(1),
  /** Paused by the person (a session-expiry pause is not kept: a restart signs in afresh). */
  paused: z.boolean(),
  /** Written since pauses are kept per file; older files' "paused" meant every file. */
  perFilePause: z.boolean().optional(),
  items: z.array(durableItemSchema),
});
export type QueueFile = z.infer<typeof queueFileSchema>;
