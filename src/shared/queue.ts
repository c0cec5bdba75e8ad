// What the renderer and the CLI see of the upload queue: per-file state and batch totals.
import { z } from 'zod';
import { errorCodeSchema, type ErrorCode } from './errors';

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

/** The upload panel's filter chips. "failed" is failed only: canceled files are in "all". */
export const QUEUE_FILTERS = ['all', 'active', 'failed', 'duplicates', 'done'] as const;
export const queueFilterSchema = z.enum(QUEUE_FILTERS);
export type QueueFilter = z.infer<typeof queueFilterSchema>;
export type QueueFilterCounts = Record<QueueFilter, number>;

export function matchesFilter(state: QueueState, filter: QueueFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'active':
      return !isTerminal(state);
    case 'failed':
      return state === 'failed';
    case 'duplicates':
      return state === 'duplicate';
    case 'done':
      return state === 'done';
  }
}

/**
 * Failures that trying again cannot fix: the file itself is the problem. "Retry failed" leaves
 * them and says why; the reason completes "N files cannot be retried: …".
 */
export const NOT_RETRYABLE: Partial<Record<ErrorCode, string>> = {
  UNSUPPORTED_TYPE: 'not a supported image type',
  CORRUPT_IMAGE: 'damaged',
  IMAGE_TOO_LARGE: 'too many pixels',
  FILE_TOO_LARGE: 'too large',
  NOT_A_FILE: 'not a file',
  FILE_NOT_FOUND: 'no longer where it was added from',
};

/** May "Retry" help? Canceled files and failures of the network, server or session may. */
export function isRetryable(item: { state: QueueState; error: { code: ErrorCode } | null }) {
  if (item.state === 'canceled') return true;
  return item.state === 'failed' && !(item.error && item.error.code in NOT_RETRYABLE);
}

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
  /** The file's folder relative to the parent of the folder that was dropped; null for a file dropped on its own. */
  folder: z.string().nullable(),
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
  /** The signed-in account's files per filter chip (another account's are never counted). */
  counts: z.record(queueFilterSchema, z.number().int()),
});
export type QueueTotals = z.infer<typeof queueTotalsSchema>;

export const queueSnapshotSchema = z.object({
  items: z.array(queueItemViewSchema),
  totals: queueTotalsSchema,
});
export type QueueSnapshot = z.infer<typeof queueSnapshotSchema>;

/** One window of the list: rows offset … offset+limit of a filter, for a virtualized list. */
export const queueViewQuerySchema = z
  .object({
    filter: queueFilterSchema,
    offset: z.number().int().min(0).max(10_000_000),
    limit: z.number().int().min(1).max(500),
  })
  .strict();
export type QueueViewQuery = z.infer<typeof queueViewQuerySchema>;

export const queueViewSchema = z.object({
  filter: queueFilterSchema,
  offset: z.number().int(),
  /** Rows matching the filter in all. */
  total: z.number().int(),
  rows: z.array(queueItemViewSchema),
  totals: queueTotalsSchema,
});
export type QueueView = z.infer<typeof queueViewSchema>;

/** What "Retry" did: files put back in line, and those left with the reason. */
export const queueRetryResultSchema = z.object({
  retried: z.number().int(),
  notRetried: z.array(
    z.object({ code: errorCodeSchema, reason: z.string(), count: z.number().int() }),
  ),
});
export type QueueRetryResult = z.infer<typeof queueRetryResultSchema>;
