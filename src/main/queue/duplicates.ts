// Duplicate detection: the account's images by processed SHA-256 (asked of the server), and
// files of this queue that have the same content and are already on their way (local claims).
import type { ApiClient } from '../services/api-client';
import type { DurableItem } from './durable-item';
import { accountKey } from './item-account';
import { abortable, withRetry, type RetryOptions } from './retry';

export type DuplicateVerdict =
  | { type: 'unique' }
  | { type: 'duplicate'; of: string }
  /** The image the server has is this item's own earlier registration (crash recovery). */
  | { type: 'own'; imageId: string; key: string }
  /** Another item of this queue with the same content is uploading: decide after it does. */
  | { type: 'wait'; on: string };

interface Claim {
  holder: string;
  /** When the holder finished; the server is the authority for finished images. */
  doneAt: number | undefined;
}

/** Content claimed by the queue's items: the first item past the check owns its SHA-256. */
export class ContentClaims {
  private bySha = new Map<string, Claim>();

  constructor(private readonly find: (id: string) => DurableItem | undefined) {}

  claim(sha: string, id: string): void {
    const holder = this.find(id);
    if (holder) this.bySha.set(scoped(holder, sha), { holder: id, doneAt: undefined });
  }

  /** The holder registered its image: later copies are duplicates of it. */
  finished(id: string): void {
    for (const claim of this.bySha.values()) if (claim.holder === id) claim.doneAt = Date.now();
  }

  /** The holder failed, was canceled or changed content: the next copy may take over. */
  release(id: string): void {
    for (const [sha, claim] of this.bySha) if (claim.holder === id) this.bySha.delete(sha);
  }

  /**
   * The verdict from this queue alone. `since` is when the server lookup started: a holder
   * that finished after it registered too late to be seen there, so it still counts.
   */
  local(item: DurableItem, sha: string, since?: number): DuplicateVerdict | undefined {
    const key = scoped(item, sha);
    const claim = this.bySha.get(key);
    if (!claim || claim.holder === item.id) return undefined;
    const holder = this.find(claim.holder);
    if (!holder || isOver(holder)) {
      this.bySha.delete(key);
      return undefined;
    }
    if (holder.state !== 'done') return { type: 'wait', on: holder.id };
    if (since !== undefined && (claim.doneAt ?? 0) >= since && holder.imageId) {
      return { type: 'duplicate', of: holder.imageId };
    }
    return undefined;
  }
}

/** Copies count within one account: another account's file is not a copy in this gallery. */
function scoped(item: DurableItem, sha: string): string {
  return `${accountKey(item.account)}\n${sha}`;
}

function isOver(item: DurableItem): boolean {
  return item.state === 'failed' || item.state === 'canceled' || item.state === 'duplicate';
}

export async function checkDuplicate(input: {
  api: ApiClient;
  claims: ContentClaims;
  item: DurableItem;
  sha: string;
  retry: RetryOptions;
  signal: AbortSignal;
}): Promise<DuplicateVerdict> {
  const { api, claims, item, sha, retry, signal } = input;
  const early = claims.local(item, sha);
  if (early) return early;
  const since = Date.now();
  const { images } = await withRetry(
    () => abortable(api.listImages({ sha256: sha, limit: 1 }), signal),
    retry,
    signal,
  );
  const found = images[0];
  if (found) {
    // Defensive: keys are written to disk before any byte is PUT and such an item registers
    // before it ever gets here, but if its own image shows up, it must not call itself a copy.
    const own =
      found.key === item.upload?.key ||
      (item.hints !== null && found.key.split('/').pop()?.startsWith(`${item.hints.original}.`));
    return own
      ? { type: 'own', imageId: found.id, key: found.key }
      : { type: 'duplicate', of: found.id };
  }
  // The lookup took a round trip: another item may have claimed or finished meanwhile.
  const late = claims.local(item, sha, since);
  if (late) return late;
  claims.claim(sha, item.id);
  return { type: 'unique' };
}

/**
 * After a cancel cut a registration off: did the server commit it anyway? Then the file is in
 * the gallery and must be reported done. Undefined when it is not, or cannot be told now.
 */
export async function findOwnImage(
  api: ApiClient,
  item: DurableItem,
): Promise<{ type: 'done'; imageId: string; key: string } | undefined> {
  const key = item.upload?.key;
  const sha256 = item.output?.original.sha256;
  if (!key || !sha256) return undefined;
  try {
    const lookup = api.listImages({ sha256, limit: 50 });
    const { images } = await abortable(lookup, AbortSignal.timeout(5_000));
    const mine = images.find((i) => i.key === key);
    return mine ? { type: 'done', imageId: mine.id, key: mine.key } : undefined;
  } catch {
    return undefined; // a retry registers first and finds out then
  }
}
