// What a worker needs from the queue, passed in so the steps stay plain functions over one item.
import PQueue from 'p-queue';
import type { QueueState } from '../../shared/queue';
import type { Settings } from '../../shared/settings';
import type { ApiClient } from '../services/api-client';
import type { BufferSlots } from './buffer-slots';
import type { DurableItem } from './durable-item';
import type { ContentClaims } from './duplicates';
import { PresignBatcher } from './presign-batcher';
import { SourceLookupBatcher } from './source-lookup';
import { withRetry, type RetryOptions } from './retry';

export type Variant = 'original' | 'thumbnail';

export interface WorkerContext {
  api(): ApiClient;
  settings(): Settings;
  retry: RetryOptions;
  maxFileBytes: number;
  /** sharp jobs: at most one per core (or cpuConcurrency). */
  cpu: PQueue;
  /** PUTs: at most settings().concurrency at once. */
  network(): PQueue;
  slots: BufferSlots;
  presigner: PresignBatcher;
  /** Source files already in the gallery, asked in batches before any image work. */
  sources: SourceLookupBatcher;
  claims: ContentClaims;
  setState(item: DurableItem, state: QueueState): void;
  /** Bytes of one PUT acknowledged so far; 0 restarts the count (a retried PUT). */
  progress(item: DurableItem, variant: Variant, loaded: number): void;
  /** Saves the item's row (a crash of the process keeps it). */
  persist(item: DurableItem): void;
  /** Saves the item's row so that even a power cut keeps it; throws when it could not. */
  flush(item: DurableItem): void;
}

export type RunOutcome =
  | { type: 'done'; imageId: string; key: string }
  | { type: 'duplicate'; of: string }
  | { type: 'wait'; on: string };

/** Wires the limits the queue owns into a context: the network limit follows the setting. */
export function createWorkerContext(parts: {
  api: () => ApiClient;
  settings: () => Settings;
  retry: RetryOptions;
  maxFileBytes: number;
  cpuConcurrency: number;
  slots: BufferSlots;
  claims: ContentClaims;
  hooks: Pick<WorkerContext, 'setState' | 'progress' | 'persist' | 'flush'>;
}): WorkerContext {
  const net = new PQueue({ concurrency: parts.settings().concurrency });
  return {
    api: parts.api,
    settings: parts.settings,
    retry: parts.retry,
    maxFileBytes: parts.maxFileBytes,
    cpu: new PQueue({ concurrency: parts.cpuConcurrency }),
    network: () => {
      const wanted = parts.settings().concurrency;
      if (net.concurrency !== wanted) net.concurrency = wanted;
      return net;
    },
    slots: parts.slots,
    presigner: new PresignBatcher(async (files, signal) => {
      const { uploads } = await withRetry(
        () => parts.api().presignBatch(files, signal),
        parts.retry,
        signal,
      );
      return uploads;
    }),
    sources: new SourceLookupBatcher(async (sha256s, signal) => {
      const { found } = await withRetry(
        () => parts.api().lookUpSources({ sha256s }, signal),
        parts.retry,
        signal,
      );
      return found;
    }),
    claims: parts.claims,
    ...parts.hooks,
  };
}
