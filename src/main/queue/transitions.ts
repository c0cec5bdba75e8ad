// The per-file state machine: which state may follow which, and what a state change resets.
// An illegal transition is a bug in the queue, so it throws instead of corrupting the record.
import { isTerminal, type QueueItemView, type QueueState } from '../../shared/queue';
import type { DurableItem } from './durable-item';

const NEXT: Record<QueueState, readonly QueueState[]> = {
  // queued → registering: a recovered item whose objects may already be stored tries that first.
  // queued → duplicate: the source lookup found the file's bytes in the gallery before any work.
  queued: ['processing', 'registering', 'duplicate', 'failed', 'canceled'],
  processing: ['uploading', 'queued', 'failed', 'canceled'],
  uploading: ['registering', 'duplicate', 'done', 'queued', 'failed', 'canceled'],
  // registering → processing: the store lost the object (or the URL expired), so upload again.
  registering: ['done', 'processing', 'queued', 'failed', 'canceled'],
  done: [],
  duplicate: [],
  failed: ['queued'],
  canceled: ['queued'],
};

export function canTransition(from: QueueState, to: QueueState): boolean {
  return from === to || NEXT[from].includes(to);
}

export function transition(item: DurableItem, to: QueueState): void {
  if (!canTransition(item.state, to)) {
    throw new Error(`Upload queue bug: ${item.state} → ${to} is not a valid transition`);
  }
  item.state = to;
  if (to === 'queued') item.error = null;
  if (isTerminal(to)) {
    // Signed URLs are credentials until they expire: a finished item no longer needs them,
    // except a failed one, whose retry first tries to register what it already uploaded.
    if (to !== 'failed') item.upload = null;
  }
}

export function outputBytes(item: DurableItem): number {
  return item.output ? item.output.original.size + item.output.thumbnail.size : 0;
}

/** Bytes to upload once processed, and how many of them are sent (with those in flight). */
export function bytesOf(
  item: DurableItem,
  bytesInFlight: number,
): { bytesTotal: number; bytesSent: number } {
  const bytesTotal = outputBytes(item);
  let bytesSent = 0;
  if (item.state === 'done') bytesSent = bytesTotal;
  else if (item.upload && item.output) {
    if (item.upload.original.sent) bytesSent += item.output.original.size;
    if (item.upload.thumbnail.sent) bytesSent += item.output.thumbnail.size;
    bytesSent = Math.min(bytesTotal, bytesSent + bytesInFlight);
  }
  return { bytesTotal, bytesSent };
}

/** What the renderer and the CLI see: no URLs, no headers, no hints. */
export function toView(
  item: DurableItem,
  extra: { bytesInFlight: number; queuePaused: boolean; heldFor: string | null },
): QueueItemView {
  const { bytesTotal, bytesSent } = bytesOf(item, extra.bytesInFlight);
  return {
    id: item.id,
    path: item.path,
    name: item.path.split(/[\\/]/).pop() ?? item.path,
    sourceSize: item.sourceSize,
    state: item.state,
    paused: !isTerminal(item.state) && (item.paused || extra.queuePaused),
    heldFor: isTerminal(item.state) ? null : extra.heldFor,
    bytesTotal,
    bytesSent,
    albumId: item.albumId,
    imageId: item.imageId,
    key: item.upload?.key ?? item.key,
    duplicateOf: item.duplicateOf,
    error: item.error,
    attempts: item.attempts,
    addedAt: item.addedAt,
    folder: item.folder,
  };
}
