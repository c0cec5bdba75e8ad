// The trash's rules: deleting moves images there (objects kept, still counted in the quota),
// restoring brings them back, and Empty trash or the purge deletes them for good, objects first.
import type {
  BulkDeleteResponse,
  BulkRestoreResponse,
  EmptyTrashResponse,
  Image,
} from '../../shared/api';
import type { ImageRow } from '../db/schema';
import { toImage, type Viewer } from '../repos/images-repo';
import type { TrashRepo } from '../repos/trash-repo';
import type { ObjectStore } from '../storage/object-store';
import { imageNotFound } from './images-service';

/** Rows deleted per purge transaction: at most 2 × this many objects per store round. */
export const PURGE_BATCH = 100;
/** Batches one Empty trash request works through; the answer says how many remain. */
const EMPTY_BATCHES_PER_REQUEST = 5;

export function objectKeysOf(rows: ImageRow[]): string[] {
  return rows.flatMap((row) => [row.key, ...(row.thumbnailKey ? [row.thumbnailKey] : [])]);
}

function notFoundFailure(id: string) {
  const error = imageNotFound();
  return { id, code: error.code, message: error.message };
}

export class TrashService {
  constructor(
    private readonly trash: TrashRepo,
    private readonly store: ObjectStore,
  ) {}

  /** Moves one image to the trash; one already there stays as it is. */
  async moveToTrash(viewer: Viewer, id: string): Promise<void> {
    const moved = await this.trash.trash([id], viewer, new Date());
    if (moved.length === 0) throw imageNotFound();
  }

  /** One statement for the whole list; ids that are missing or not the viewer's fail. */
  async bulkMoveToTrash(viewer: Viewer, ids: string[]): Promise<BulkDeleteResponse> {
    const unique = [...new Set(ids)];
    const moved = new Set(await this.trash.trash(unique, viewer, new Date()));
    return {
      deleted: unique.filter((id) => moved.has(id)),
      failed: unique.filter((id) => !moved.has(id)).map(notFoundFailure),
    };
  }

  async restore(viewer: Viewer, id: string): Promise<Image> {
    const [row] = await this.trash.restore([id], viewer);
    if (!row) throw imageNotFound();
    return toImage(row);
  }

  async bulkRestore(viewer: Viewer, ids: string[]): Promise<BulkRestoreResponse> {
    const unique = [...new Set(ids)];
    const restored = new Set((await this.trash.restore(unique, viewer)).map((row) => row.id));
    return {
      restored: unique.filter((id) => restored.has(id)),
      failed: unique.filter((id) => !restored.has(id)).map(notFoundFailure),
    };
  }

  /**
   * Deletes the owner's trash for good, a bounded number of batches per request; `remaining`
   * tells the client to ask again. If the store refuses, the rows stay and the error is returned.
   */
  async empty(ownerId: string): Promise<EmptyTrashResponse> {
    let deleted = 0;
    for (let batch = 0; batch < EMPTY_BATCHES_PER_REQUEST; batch++) {
      const n = await this.trash.purge({ ownerId, limit: PURGE_BATCH }, (rows) =>
        this.removeObjects(rows),
      );
      deleted += n;
      if (n < PURGE_BATCH) break;
    }
    return { deleted, remaining: await this.trash.count(ownerId) };
  }

  /** The store's deletes are idempotent: a batch retried after a failure deletes nothing twice. */
  removeObjects(rows: ImageRow[]): Promise<void> {
    return this.store.delete(objectKeysOf(rows));
  }
}
