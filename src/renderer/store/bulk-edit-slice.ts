// Editing the selection at once (tags, title, alt, album) as one step the notice can undo.
import type { Image } from '../../shared/api';
import { undoRequests, type BulkChanges } from '../lib/bulk-edit-undo';
import { plural } from '../lib/format';
import { errorMessage, invoke } from '../lib/ipc';
import type { SliceCreator } from './app-store';

/** The server takes at most 500 ids per request. */
const BATCH = 500;

export interface BulkEditSlice {
  bulkEditOpen: boolean;
  setBulkEditOpen(open: boolean): void;
  /** Applies `changes` to every image in `ids`; null when all went, else the first error. */
  bulkEditImages(ids: readonly string[], changes: BulkChanges): Promise<string | null>;
}

export const createBulkEditSlice: SliceCreator<BulkEditSlice> = (set, get) => {
  /** Sends the requests, shows what came back, and returns the images as they were and are. */
  async function apply(requests: Array<{ ids: string[] } & BulkChanges>) {
    const before: Image[] = [];
    const after: Image[] = [];
    const failures: string[] = [];
    for (const request of requests) {
      before.push(...request.ids.flatMap((id) => get().images[id] ?? []));
      const answer = await invoke('images:bulk-update', request);
      after.push(...answer.updated);
      failures.push(...answer.failed.map((f) => f.message));
    }
    get().replaceImages(after);
    if (requests.some((r) => r.albumId !== undefined)) void get().loadAlbums();
    return { before, after, failures };
  }

  return {
    bulkEditOpen: false,
    setBulkEditOpen: (bulkEditOpen) => set({ bulkEditOpen }),

    async bulkEditImages(ids, changes) {
      const requests = [];
      for (let i = 0; i < ids.length; i += BATCH) {
        requests.push({ ids: ids.slice(i, i + BATCH), ...changes });
      }
      try {
        const { before, after, failures } = await apply(requests);
        if (after.length > 0) {
          const undo = undoRequests(before, after, changes);
          get().notify(`Updated ${plural(after.length, 'image')}.`, 'success', {
            label: 'Undo',
            run: () =>
              void apply(undo).then(
                () => get().notify(`Undid the edit of ${plural(after.length, 'image')}.`),
                (error: unknown) => get().notify(errorMessage(error), 'error'),
              ),
          });
        }
        if (failures.length === 0) return null;
        const more = failures.length > 1 ? ` (and ${failures.length - 1} more)` : '';
        return `${failures[0]}${more}`;
      } catch (error) {
        return errorMessage(error);
      }
    },
  };
};
