// Small local previews of queued files for the queue list, made on demand from the source file.
// Only files that are in the queue can be previewed, so the renderer cannot read arbitrary paths.
import fs from 'node:fs/promises';
import { sharp } from '../../imaging/sharp-instance';

const PREVIEW_EDGE = 160;
const CACHE_SIZE = 300;
/** A preview is cosmetic: refuse anything huge rather than decode it twice. */
const MAX_PREVIEW_PIXELS = 100_000_000;

export type PreviewSource = (itemId: string) => string | undefined;

export function createPreviewer(sourcePath: PreviewSource) {
  const cache = new Map<string, Promise<Buffer | undefined>>();
  return (itemId: string): Promise<Buffer | undefined> => {
    const hit = cache.get(itemId);
    if (hit) {
      // Refresh recency: Map keeps insertion order, so re-inserting makes this entry the newest.
      cache.delete(itemId);
      cache.set(itemId, hit);
      return hit;
    }
    const file = sourcePath(itemId);
    if (!file) return Promise.resolve(undefined);
    const made = preview(file);
    cache.set(itemId, made);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return made;
  };
}

async function preview(file: string): Promise<Buffer | undefined> {
  // Only regular files: sharp would open a named pipe dropped onto the window and wait on it
  // forever, holding one of libuv's few threads.
  const info = await fs.stat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  return sharp(file, { limitInputPixels: MAX_PREVIEW_PIXELS, failOn: 'error', pages: 1 })
    .rotate()
    .resize(PREVIEW_EDGE, PREVIEW_EDGE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 70 })
    .toBuffer()
    .catch(() => undefined);
}
