// Signed URLs for thumbnails and originals: fetched in batches for what is visible, kept with
// their expiry, refreshed before it, and re-signed once when an image fails to load.
import { IpcError, errorMessage, invoke } from '../lib/ipc';
import {
  chunks,
  idsToSign,
  needsSigning,
  onLoadFailure,
  toSignedUrl,
  type LoadFailure,
  type SignedUrl,
  type SignedUrlCache,
} from '../lib/signed-url-cache';
import type { SliceCreator } from './app-store';

export interface ThumbsSlice {
  thumbUrls: SignedUrlCache;
  thumbFailures: Readonly<Record<string, LoadFailure>>;
  originalUrls: SignedUrlCache;
  /** Signs the ids that have no URL or one about to expire; `force` re-signs regardless. */
  signThumbs(ids: readonly string[], force?: boolean): Promise<void>;
  thumbLoaded(id: string): void;
  thumbFailed(id: string): void;
  /** A signed URL of the original, from the cache while it is still good. */
  originalUrl(id: string, force?: boolean): Promise<string>;
  forgetThumbs(ids: readonly string[]): void;
  resetThumbs(): void;
}

export const createThumbsSlice: SliceCreator<ThumbsSlice> = (set, get) => {
  const inFlight = new Set<string>();
  let epoch = 0;

  function store(
    field: 'thumbUrls' | 'originalUrls',
    answers: Record<string, { url: string; expiresAt: string }>,
  ) {
    const at = Date.now();
    const fresh: Record<string, SignedUrl> = {};
    for (const [id, answer] of Object.entries(answers)) fresh[id] = toSignedUrl(answer, at);
    set((s) => ({ [field]: { ...s[field], ...fresh } }));
  }

  return {
    thumbUrls: {},
    thumbFailures: {},
    originalUrls: {},

    async signThumbs(ids, force = false) {
      const todo = force
        ? ids.filter((id) => !inFlight.has(id))
        : idsToSign(ids, get().thumbUrls, Date.now(), inFlight);
      if (todo.length === 0) return;
      const mine = epoch;
      for (const id of todo) inFlight.add(id);
      try {
        await Promise.all(
          chunks(todo).map(async (batch) => {
            const { urls } = await invoke('gallery:signed-urls', {
              ids: batch,
              variant: 'thumbnail',
            });
            if (mine !== epoch) return;
            store('thumbUrls', urls);
            // Ids the server left out are gone or not ours: show them as broken, not loading.
            const missing = batch.filter((id) => !urls[id]);
            if (missing.length > 0) {
              set((s) => ({
                thumbFailures: {
                  ...s.thumbFailures,
                  ...Object.fromEntries(missing.map((id) => [id, 'broken' as const])),
                },
              }));
            }
          }),
        );
      } catch (error) {
        if (mine === epoch) get().notify(errorMessage(error), 'error');
      } finally {
        for (const id of todo) inFlight.delete(id);
      }
    },

    thumbLoaded(id) {
      if (!get().thumbFailures[id]) return;
      set((s) => {
        const { [id]: _cleared, ...rest } = s.thumbFailures;
        return { thumbFailures: rest };
      });
    },

    thumbFailed(id) {
      const { next, resign } = onLoadFailure(get().thumbFailures[id]);
      set((s) => ({ thumbFailures: { ...s.thumbFailures, [id]: next } }));
      if (resign) void get().signThumbs([id], true);
    },

    async originalUrl(id, force = false) {
      const cached = get().originalUrls[id];
      if (!force && cached && !needsSigning(cached, Date.now())) return cached.url;
      const { urls } = await invoke('gallery:signed-urls', { ids: [id], variant: 'original' });
      const answer = urls[id];
      if (!answer) throw new IpcError('NOT_FOUND', 'This image is no longer in the gallery.');
      store('originalUrls', urls);
      return answer.url;
    },

    forgetThumbs(ids) {
      const gone = new Set(ids);
      const keep = (cache: SignedUrlCache) =>
        Object.fromEntries(Object.entries(cache).filter(([id]) => !gone.has(id)));
      set((s) => ({ thumbUrls: keep(s.thumbUrls), originalUrls: keep(s.originalUrls) }));
    },

    resetThumbs() {
      epoch += 1;
      inFlight.clear();
      set({ thumbUrls: {}, thumbFailures: {}, originalUrls: {} });
    },
  };
};
