// A profile image uploaded through a presigned PUT, checked before an account takes it: the
// staging copy must be the image it was presigned as (size, type, content), then it is copied to
// its key. Sign-up and "change profile image" both use these.
import { CodedError } from '../../shared/errors';
import type { PendingUploadRow } from '../db/schema';
import type { UploadAcceptance } from './upload-acceptance';

export async function acceptAvatar(
  acceptance: UploadAcceptance,
  avatar: PendingUploadRow,
): Promise<void> {
  try {
    await acceptance.check([avatar]);
  } catch (error) {
    if (error instanceof CodedError && error.code === 'OBJECT_MISSING') {
      throw new CodedError(
        'OBJECT_MISSING',
        'The profile image has not finished uploading. Choose the image again.',
        { cause: error },
      );
    }
    throw error;
  }
  await acceptance.promote([avatar]);
}

export function avatarNotPresigned(): CodedError {
  return new CodedError(
    'KEY_NOT_PRESIGNED',
    'The profile image was not uploaded for this account, or its upload expired. Choose the image again.',
  );
}
