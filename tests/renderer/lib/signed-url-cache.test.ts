// When signed thumbnail URLs are fetched and refreshed, given their expiry and the time now.
import { describe, expect, it } from 'vitest';
import {
  REFRESH_MARGIN_MS,
  chunks,
  idsToSign,
  needsSigning,
  nextRefreshDelay,
  onLoadFailure,
  refreshAt,
  toSignedUrl,
  type SignedUrl,
} from '../../../src/renderer/lib/signed-url-cache';

const NOW = 1_000_000;
const entry = (expiresIn: number, lifetime = 300_000): SignedUrl => ({
  url: `https://s3/x?e=${expiresIn}`,
  expiresAt: NOW + expiresIn,
  signedAt: NOW + expiresIn - lifetime,
});

describe('needsSigning', () => {
  it('signs what has no URL yet', () => {
    expect(needsSigning(undefined, NOW)).toBe(true);
  });

  it('keeps a URL until a minute before it expires, then refreshes it', () => {
    expect(needsSigning(entry(REFRESH_MARGIN_MS + 1), NOW)).toBe(false);
    expect(needsSigning(entry(REFRESH_MARGIN_MS), NOW)).toBe(true);
    expect(needsSigning(entry(-5), NOW)).toBe(true);
  });

  it('for short-lived URLs the margin is a quarter of their lifetime', () => {
    // 20 s lifetime: refreshed 5 s before expiry, not a minute before (which would be always).
    const short = entry(6_000, 20_000);
    expect(refreshAt(short)).toBe(NOW + 1_000);
    expect(needsSigning(short, NOW)).toBe(false);
    expect(needsSigning(short, NOW + 1_000)).toBe(true);
  });
});

describe('idsToSign', () => {
  it('asks for missing and expiring ids once each, skipping those in flight', () => {
    const cache = { fresh: entry(200_000), stale: entry(30_000), flying: entry(1_000) };
    expect(
      idsToSign(
        ['fresh', 'stale', 'new', 'new', 'flying', 'other'],
        cache,
        NOW,
        new Set(['flying', 'other']),
      ),
    ).toEqual(['stale', 'new']);
  });
});

describe('nextRefreshDelay', () => {
  it('is the time until the first visible URL reaches its refresh point', () => {
    const cache = { a: entry(200_000), b: entry(90_000), hidden: entry(61_000) };
    expect(nextRefreshDelay(['a', 'b'], cache, NOW)).toBe(30_000);
  });

  it('is zero when one is already due, and null when nothing visible is cached', () => {
    expect(nextRefreshDelay(['a'], { a: entry(10_000) }, NOW)).toBe(0);
    expect(nextRefreshDelay(['x'], {}, NOW)).toBeNull();
  });
});

describe('toSignedUrl', () => {
  it('reads the server expiry and stamps when it was received', () => {
    const at = Date.parse('2026-01-01T00:00:00Z');
    expect(toSignedUrl({ url: 'u', expiresAt: '2026-01-01T00:05:00.000Z' }, at)).toEqual({
      url: 'u',
      expiresAt: at + 300_000,
      signedAt: at,
    });
  });

  it('treats an unreadable expiry as one minute, not as forever or as already expired', () => {
    expect(toSignedUrl({ url: 'u', expiresAt: 'soon' }, NOW).expiresAt).toBe(NOW + 60_000);
  });
});

describe('batches and load failures', () => {
  it('splits ids into requests of at most 200', () => {
    const ids = Array.from({ length: 450 }, (_, i) => `id${i}`);
    expect(chunks(ids).map((c) => c.length)).toEqual([200, 200, 50]);
  });

  it('re-signs once after a failed load, then gives up and shows the placeholder', () => {
    const first = onLoadFailure(undefined);
    expect(first).toEqual({ next: 'retried', resign: true });
    expect(onLoadFailure(first.next)).toEqual({ next: 'broken', resign: false });
    expect(onLoadFailure('broken')).toEqual({ next: 'broken', resign: false });
  });
});
