// Trash operations that take more than one request, shared by the desktop's IPC and the CLI:
// deleting many images for good (one request each) and emptying a trash of any size.
import type { BulkDeleteResponse } from '../../shared/api';
import { CodedError } from '../../shared/errors';
import type { ApiClient } from './api-client';
import { ApiError } from './api-error';

/**
 * Deletes each image for good, in order; a refusal for one (missing, store unavailable) is
 * reported and the rest go on. A 401 stops everything: the session is over for all of them.
 * Cost: one request per image (at most 500 per call).
 */
export async function deleteForever(
  api: Pick<ApiClient, 'deleteImage'>,
  ids: readonly string[],
): Promise<BulkDeleteResponse> {
  const result: BulkDeleteResponse = { deleted: [], failed: [] };
  for (const id of new Set(ids)) {
    try {
      await api.deleteImage(id, { permanent: true });
      result.deleted.push(id);
    } catch (error) {
      if (!(error instanceof CodedError) || (error instanceof ApiError && error.status === 401)) {
        throw error;
      }
      result.failed.push({ id, code: error.code, message: error.message });
    }
  }
  return result;
}

/** Asks the server to empty the trash until nothing remains or a round makes no progress. */
export async function emptyTrash(api: Pick<ApiClient, 'emptyTrash'>): Promise<{ deleted: number }> {
  let deleted = 0;
  for (;;) {
    const round = await api.emptyTrash();
    deleted += round.deleted;
    if (round.remaining === 0 || round.deleted === 0) return { deleted };
  }
}
