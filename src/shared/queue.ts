// What the renderer and the CLI see of the upload queue: per-file state and batch totals.
import { z } from 'zod';
import { errorCodeSchema } from './errors';

export const QUEUE_STATES = [
  'queued',
  'processing',
  'uploading',
  'registering',
  'done',
  'duplicate',
  'failed',
  'canceled',
] as const;
export const queueStateSchema = z.enum(QUEUE_STATES);
export type QueueState = z.infer<typeof queueStateSchema>;

export const TERMINAL_STATES: readonly QueueState[] = ['done', 'duplicate', 'failed', 'canceled'];
export const isTerminal = (state: QueueState) => TERMINAL_STATES.includes(state);

export const queueItemViewSchema = z.object({
  id: z.string(),
  path: z.string(),
  name: z.string(),
  /** Bytes of the source file on disk. */
  sourceSize: z.number().int(),
  state: queueStateSchema,
  paused: z.boolean(),
  /**
   * Another account is signed in: the email of the account this file was queued under. It
   * waits for that account rather than uploading into the wrong gallery.
   */
  heldFor: z.string().nullable(),
  /** Bytes to upload (original + thumbnail) once processed; 0 before. */
  bytesTotal: z.number().int(),
  bytesSent: z.number().int(),
  albumId: z.string().nullable(),
  imageId: z.string().nullable(),
  key: z.string().nullable(),
  /** For duplicates: the image already in the account. */
  duplicateOf: z.string().nullable(),
  error: z.object({ code: errorCodeSchema, message: z.string() }).nullable(),
  attempts: z.number().int(),
  addedAt: z.string(),
});
export type QueueItemView = z.infer<typeof queueItemViewSchema>;

export const queueTotalsSchema = z.object({
  count: z.number().int(),
  byState: z.record(queueStateSchema, z.number().int()),
  bytesTotal: z.number().int(),
  bytesSent: z.number().int(),
  /** Bytes per second over the last few seconds of transfers. */
  throughput: z.number(),
  /** Seconds until the active files finish at the current pace; null when unknown. */
  etaSeconds: z.number().nullable(),
  paused: z.boolean(),
  /** Unfinished files that wait for another account to sign in (left out of the ETA). */
  heldForAccount: z.number().int(),
});
export type QueueTotals = z.infer<typeof queueTotalsSchema>;

export const queueSnapshotSchema = z.object({
  items: z.array(queueItemViewSchema),
  totals: queueTotalsSchema,
});
export type QueueSnapshot = z.infer<typeof queueSnapshotSchema>;
