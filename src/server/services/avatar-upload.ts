// A profile image uploaded through a presigned PUT, checked before an account takes it.
import { CodedError } from '../../shared/errors';
import type { PendingUploadRow } from '../db/schema';
import type { ObjectStore } from '../storage/object-store';

/** HeadObject: the object must be there with the size and type it was presigned for. */
export async function verifyAvatarArrived(
  store: ObjectStore,
  avatar: PendingUploadRow,
): Promise<void> {
  const head = await store.head(avatar.key);
  if (!head) {
    throw new CodedError(
      'OBJECT_MISSING',
      'The profile image has not finished uploading. Choose the image again.',
    );
  }
  if (head.size !== avatar.size || head.contentType !== avatar.contentType) {
    throw new CodedError(
      'OBJECT_MISMATCH',
      'The uploaded profile image does not match what was presigned. Choose the image again.',
    );
  }
}

export function avatarNotPresigned(): CodedError {
  return new CodedError(
    'KEY_NOT_PRESIGNED',
    'The profile image was not uploaded for this account, or its upload expired. Choose the image again.',
  );
}
