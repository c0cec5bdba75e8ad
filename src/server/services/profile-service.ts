// A signed-in user's own profile image: replace it with one they uploaded (presigned with
// purpose "avatar" under their token), or remove it. The old object is deleted from storage.
import type { Kysely } from 'kysely';
import type { User } from '../../shared/api';
import { CodedError } from '../../shared/errors';
import type { Database } from '../db/schema';
import type { PendingUploadsRepo } from '../repos/pending-uploads-repo';
import type { UserStorageRepo } from '../repos/user-storage-repo';
import { toUser, type UsersRepo } from '../repos/users-repo';
import type { ObjectStore } from '../storage/object-store';
import { acceptAvatar, avatarNotPresigned } from './avatar-upload';
import type { UploadAcceptance } from './upload-acceptance';

function accountGone(): CodedError {
  return new CodedError('AUTH_REQUIRED', 'This account no longer exists. Sign in again.');
}

export class ProfileService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly users: UsersRepo,
    private readonly pending: PendingUploadsRepo,
    private readonly storage: UserStorageRepo,
    private readonly store: ObjectStore,
    private readonly acceptance: UploadAcceptance,
  ) {}

  async setAvatar(userId: string, avatarKey: string): Promise<User> {
    const avatar = await this.pending.find(avatarKey);
    // Only an upload presigned under this user's own token: an anonymous sign-up upload in
    // flight belongs to whoever is signing up.
    if (!avatar || avatar.ownerId !== userId || avatar.purpose !== 'avatar') {
      throw avatarNotPresigned();
    }
    await acceptAvatar(this.acceptance, avatar);
    const changed = await this.db.transaction().execute(async (trx) => {
      const claimed = await this.pending.claim(trx, avatarKey, {
        ownerId: userId,
        purpose: 'avatar',
      });
      if (!claimed) throw avatarNotPresigned();
      return this.users.setAvatar(trx, userId, avatarKey);
    });
    if (!changed) throw accountGone();
    await this.acceptance.clearStaging([avatar]);
    await this.discard(changed.before.avatarKey);
    return toUser(changed.after);
  }

  async removeAvatar(userId: string): Promise<User> {
    const changed = await this.db
      .transaction()
      .execute((trx) => this.users.setAvatar(trx, userId, null));
    if (!changed) throw accountGone();
    await this.discard(changed.before.avatarKey);
    return toUser(changed.after);
  }

  /** The replaced image: deleted now, or handed to the orphan sweeper if the store refuses. */
  private async discard(key: string | null): Promise<void> {
    if (!key) return;
    try {
      await this.store.delete([key]);
    } catch {
      // Not the user's problem: their profile already shows the new image. The sweeper deletes
      // the old object on its next pass (and logs if it cannot).
      await this.storage.leaveForSweeper([
        { key, purpose: 'avatar', contentType: 'image/webp', size: 1, sha256: null },
      ]);
    }
  }
}
