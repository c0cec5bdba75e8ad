// Runs one file from wherever its record says it got to, until it is registered, found to be
// a duplicate, or must wait for an identical file of the same batch. Errors propagate.
import type { ProcessedImage } from '../../imaging';
import { ApiError } from '../services/api-error';
import type { Slot } from './buffer-slots';
import type { DurableItem } from './durable-item';
import { checkDuplicate } from './duplicates';
import { readSourceFile } from './source-file';
import {
  drawHints,
  dropUpload,
  presignStep,
  processStep,
  putStep,
  registerStep,
  urlStillValid,
  type RegisterResult,
} from './upload-steps';
import type { RunOutcome, WorkerContext } from './worker-context';

/** Upload rounds per run before giving up: each one is a fresh presign or a re-sent object. */
const MAX_ROUNDS = 4;

function refused(): ApiError {
  return new ApiError(
    'AUTH_EXPIRED',
    'The image store kept refusing the upload URLs. Check the server clock and try again.',
  );
}

/** After a registration that did not find what it expected, set up the next round. */
function prepareNextRound(item: DurableItem, result: Exclude<RegisterResult, { type: 'done' }>) {
  if (result.type === 'missing' && urlStillValid(item)) {
    // Same keys: re-sending overwrites whatever half arrived, so nothing is stored twice.
    item.upload!.original.sent = false;
    item.upload!.thumbnail.sent = false;
  } else {
    dropUpload(item);
  }
}

export async function runItem(
  ctx: WorkerContext,
  item: DurableItem,
  slot: Slot,
  signals: { abort: AbortSignal; wrapUp: AbortSignal },
  /** pending: loaded from disk with keys, so whether its objects arrived is unknown. */
  recovery: { pending: boolean },
): Promise<RunOutcome> {
  const signal = signals.abort;
  let lastError: ApiError = refused();
  try {
    const sentBoth = item.upload?.original.sent && item.upload.thumbnail.sent;
    if (item.upload && item.output && (recovery.pending || sentBoth)) {
      // Registration is idempotent per key, so after a crash the cheapest exact answer to
      // "did this arrive?" is to register it: no processing, no upload if it did.
      slot.release();
      ctx.setState(item, 'registering');
      const first = await registerStep(ctx, item, signals);
      recovery.pending = false;
      if (first.type === 'done') return first;
      signals.wrapUp.throwIfAborted();
      lastError = first.error;
      prepareNextRound(item, first);
      ctx.persist(item);
    }

    for (let round = 1; round <= MAX_ROUNDS; round++) {
      await slot.acquire(signal);
      let processed: ProcessedImage | undefined;
      try {
        const source = await readSourceFile(item.path, ctx.maxFileBytes, signal);
        if (!item.hints && ctx.settings().duplicatePolicy === 'skip') {
          // Source first: a file already in the gallery is known from its bytes' hash, before
          // any image work and whatever max edge, format or quality are set now.
          const known = await ctx.sources.lookup(source.sha256, signal);
          if (known) return { type: 'duplicate', of: known.imageId };
        }
        processed = await processStep(ctx, item, source, signal);
        ctx.slots.holdBuffers(1);
        ctx.setState(item, 'uploading');
        if (!item.hints) {
          if (ctx.settings().duplicatePolicy === 'skip') {
            const verdict = await checkDuplicate({
              api: ctx.api(),
              claims: ctx.claims,
              item,
              sha: item.output!.original.sha256,
              retry: ctx.retry,
              signal,
            });
            if (verdict.type === 'own') {
              return { type: 'done', imageId: verdict.imageId, key: verdict.key };
            }
            if (verdict.type !== 'unique') return verdict;
          }
          item.hints = drawHints();
          ctx.persist(item);
        }
        let put: 'ok' | 'resign' = 'resign';
        for (let sign = 0; sign < MAX_ROUNDS && put === 'resign'; sign++) {
          if (!item.upload) await presignStep(ctx, item, signal);
          put = await putStep(ctx, item, processed, signal);
          if (put === 'resign') dropUpload(item);
        }
        if (put === 'resign') throw refused();
      } finally {
        // The buffers go out of scope here; registration needs only the metadata.
        if (processed) ctx.slots.holdBuffers(-1);
        slot.release();
      }

      ctx.setState(item, 'registering');
      const result = await registerStep(ctx, item, signals);
      if (result.type === 'done') return result;
      signals.wrapUp.throwIfAborted();
      lastError = result.error;
      prepareNextRound(item, result);
      ctx.persist(item);
    }
    throw lastError;
  } finally {
    slot.release();
  }
}
