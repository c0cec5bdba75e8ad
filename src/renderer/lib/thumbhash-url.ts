// Turns an image's ThumbHash into a tiny PNG data URL the tile paints at once, before its
// thumbnail's signed URL is fetched and loaded. The CSP's img-src already allows data: URLs.
import { thumbHashToDataURL } from 'thumbhash';

/** Decoded URLs by hash: a tile scrolled back into view does not decode again. Bounded, since a
 * long scroll through 100,000 images would otherwise keep every one (~1–2 KB each). */
const cache = new Map<string, string>();
const MAX_CACHED = 2000;

export function thumbHashUrl(thumbhash: string | null | undefined): string | undefined {
  if (!thumbhash) return undefined;
  const hit = cache.get(thumbhash);
  if (hit) return hit;
  let url: string;
  try {
    const bytes = Uint8Array.from(atob(thumbhash), (c) => c.charCodeAt(0));
    url = thumbHashToDataURL(bytes);
  } catch (error) {
    // The server validates hashes; one that still fails to decode just means no placeholder.
    console.warn('Unreadable image placeholder', error);
    return undefined;
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(thumbhash, url);
  return url;
}
