// When signed image URLs need fetching: missing ones, and those about to expire (a minute
// before, or a quarter of their lifetime for short-lived ones), so a shown image never 403s.

export interface SignedUrl {
  url: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Epoch milliseconds when it was received; tells how long the server lets URLs live. */
  signedAt: number;
}

export type SignedUrlCache = Readonly<Record<string, SignedUrl>>;

export const REFRESH_MARGIN_MS = 60_000;
export const MAX_IDS_PER_REQUEST = 200;

/** How long before expiry an entry is re-signed. */
export function refreshMargin(entry: SignedUrl): number {
  const lifetime = entry.expiresAt - entry.signedAt;
  return Math.max(0, Math.min(REFRESH_MARGIN_MS, lifetime / 4));
}

export function refreshAt(entry: SignedUrl): number {
  return entry.expiresAt - refreshMargin(entry);
}

export function needsSigning(entry: SignedUrl | undefined, now: number): boolean {
  return !entry || refreshAt(entry) <= now;
}

/** Of the visible ids, those to sign now (each once, skipping ones already being fetched). */
export function idsToSign(
  visible: readonly string[],
  cache: SignedUrlCache,
  now: number,
  inFlight: ReadonlySet<string> = new Set(),
): string[] {
  const out = new Set<string>();
  for (const id of visible) {
    if (!inFlight.has(id) && needsSigning(cache[id], now)) out.add(id);
  }
  return [...out];
}

/** Milliseconds until the first visible URL needs refreshing; null when nothing is cached. */
export function nextRefreshDelay(
  visible: readonly string[],
  cache: SignedUrlCache,
  now: number,
): number | null {
  let earliest = Infinity;
  for (const id of visible) {
    const entry = cache[id];
    if (entry) earliest = Math.min(earliest, refreshAt(entry));
  }
  return earliest === Infinity ? null : Math.max(0, earliest - now);
}

export function toSignedUrl(answer: { url: string; expiresAt: string }, now: number): SignedUrl {
  const expiresAt = Date.parse(answer.expiresAt);
  // An unparsable date: treat the URL as good for one minute rather than refetching forever.
  return {
    url: answer.url,
    expiresAt: Number.isNaN(expiresAt) ? now + 60_000 : expiresAt,
    signedAt: now,
  };
}

export function chunks<T>(items: readonly T[], size = MAX_IDS_PER_REQUEST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type LoadFailure = 'retried' | 'broken';

/**
 * An <img> failed to load: the first time, re-sign that id (its URL may have expired or been
 * refused with 403); a second failure in a row shows the broken-image placeholder.
 */
export function onLoadFailure(previous: LoadFailure | undefined): {
  next: LoadFailure;
  resign: boolean;
} {
  return previous ? { next: 'broken', resign: false } : { next: 'retried', resign: true };
}
