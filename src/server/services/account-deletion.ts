// Deleting an account and everything it holds, storage objects before rows, so nothing is left
// pointing at nothing and no object is left that no row names:
// 1. disable it (its tokens stop at once, so nothing new arrives while it is emptied);
// 2. its images, through ImagesService (objects first, then each row), a page at a time;
// 3. its pending uploads' objects; 4. its profile image; 5. the row (albums go with it).
// A step that fails stops there with the account disabled; deleting it again carries on.
import type { Kysely } from 'kysely';
import { CodedError } from '../../shared/errors';
import type { Database } from '../db/schema';
import type { Viewer } from '../repos/images-repo';
import type { UserStorageRepo } from '../repos/user-storage-repo';
import { lockAccounts, type UsersRepo } from '../repos/users-repo';
import { stagingKey } from '../storage/key-layout';
import type { ObjectStore } from '../storage/object-store';
import type { ImagesService } from './images-service';
import { keepAnAdmin, userNotFound } from './people-service';

/** Images deleted per round (trashed ones too); ImagesService.bulkDeletePermanently runs them 8 at a time. */
const PAGE = 200;

function storageRefused(what: string, cause?: unknown): CodedError {
  return new CodedError(
    'STORAGE_UNAVAILABLE',
    `The account is disabled, but ${what} could not be deleted from storage. Delete the account again to finish.`,
    { cause },
  );
}

export class AccountDeletion {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly users: UsersRepo,
    private readonly storage: UserStorageRepo,
    private readonly images: ImagesService,
    private readonly store: ObjectStore,
  ) {}

  /**
   * Cost: one bulk delete per 200 images (two object deletions and one row deletion per image);
   * an account with 100,000 images takes 500 rounds, about as long as deleting them by hand.
   */
  async delete(admin: Viewer, id: string): Promise<void> {
    await this.disable(id);
    for (;;) {
      const ids = await this.storage.imageIds(id, PAGE);
      if (ids.length === 0) break;
      const { failed } = await this.images.bulkDeletePermanently(admin, ids);
      if (failed.length > 0) throw storageRefused(`${failed.length} of its images`);
    }
    await this.deletePendingUploads(id);
    const row = await this.users.findById(id);
    if (!row) return;
    if (row.avatarKey) {
      try {
        await this.store.delete([row.avatarKey]);
      } catch (error) {
        throw storageRefused('its profile image', error);
      }
    }
    await this.db.transaction().execute(async (trx) => {
      await lockAccounts(trx);
      await this.users.delete(trx, id);
    });
  }

  /** Step 1, with the last-admin rule: an enabled admin is only deleted if another remains. */
  private async disable(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await lockAccounts(trx);
      const target = await this.users.findById(id, trx);
      if (!target) throw userNotFound();
      await keepAnAdmin(this.users, trx, target, 'deleted', 'deleting it');
      if (!target.disabledAt) await this.users.update(trx, id, { disabled: true });
    });
  }

  /** Uploads presigned but never registered: their objects may exist though no image names them. */
  private async deletePendingUploads(id: string): Promise<void> {
    const claimed = await this.storage.claimPending(id);
    if (claimed.length === 0) return;
    try {
      // Their staging copies (sent, not registered) and any final copy a failed registration left.
      await this.store.delete(claimed.flatMap((r) => [stagingKey(r.key), r.key]));
    } catch (error) {
      // Handed to the orphan sweeper as already-expired anonymous uploads: it retries them on
      // its own, and deleting the account again no longer waits for them.
      await this.storage.leaveForSweeper(claimed);
      throw storageRefused('its unfinished uploads', error);
    }
  }
}
