// Editing many images in one request: add or remove tags, set the title or alt text, move to an
// album. Each id is checked on its own (ownership, trash, album, tag limit) and reported.
import type { Kysely } from 'kysely';
import type { BulkFailure, BulkUpdateInput, BulkUpdateResponse } from '../../shared/api';
import { CodedError } from '../../shared/errors';
import type { Database, ImageRow } from '../db/schema';
import type { AlbumsRepo } from '../repos/albums-repo';
import { toImage, type Viewer } from '../repos/images-repo';
import { imageInTrash, imageNotFound } from './images-service';

const MAX_TAGS = 50;

function failure(id: string, error: CodedError): BulkFailure {
  return { id, code: error.code, message: error.message };
}

/** The row's tags with `add` appended and `remove` taken out; repeats dropped, order kept. */
export function editTags(
  tags: readonly string[],
  add: readonly string[],
  remove: readonly string[],
) {
  const removed = new Set(remove);
  return [...new Set([...tags, ...add])].filter((tag) => !removed.has(tag));
}

export class BulkUpdateService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly albums: AlbumsRepo,
  ) {}

  /**
   * One transaction: the visible rows are locked (so a concurrent edit of their tags is not
   * lost), then each is updated. Cost: one lookup for all ids, one album check per owner, and
   * one small UPDATE per image (its tags differ from the others'): ≤ 500 per request.
   */
  async update(viewer: Viewer, input: BulkUpdateInput): Promise<BulkUpdateResponse> {
    const ids = [...new Set(input.ids)];
    const result: BulkUpdateResponse = { updated: [], failed: [] };
    const albumOwners = await this.albumOwners(input.albumId, viewer);
    await this.db.transaction().execute(async (trx) => {
      let query = trx.selectFrom('images').selectAll().where('id', 'in', ids);
      if (viewer.role !== 'admin') query = query.where('ownerId', '=', viewer.id);
      const rows = new Map((await query.forUpdate().execute()).map((row) => [row.id, row]));
      for (const id of ids) {
        const row = rows.get(id);
        const problem = this.problem(row, input, albumOwners);
        if (problem) {
          result.failed.push(failure(id, problem));
          continue;
        }
        const updated = await trx
          .updateTable('images')
          .set(this.changes(row!, input))
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        result.updated.push(toImage(updated));
      }
    });
    return result;
  }

  /** The owner of the target album, if it is the viewer's or (for admins) anyone's. */
  private async albumOwners(
    albumId: string | null | undefined,
    viewer: Viewer,
  ): Promise<Set<string>> {
    if (!albumId) return new Set();
    const owner = await this.albums.ownerOf(albumId);
    if (!owner || (viewer.role !== 'admin' && owner !== viewer.id)) return new Set();
    return new Set([owner]);
  }

  private problem(
    row: ImageRow | undefined,
    input: BulkUpdateInput,
    albumOwners: Set<string>,
  ): CodedError | undefined {
    if (!row) return imageNotFound();
    if (row.trashedAt) return imageInTrash();
    // An image only goes into an album of its own owner's.
    if (input.albumId && !albumOwners.has(row.ownerId)) {
      return new CodedError('NOT_FOUND', 'No album with this id exists in this gallery.');
    }
    const tags = editTags(row.tags, input.addTags ?? [], input.removeTags ?? []);
    if (tags.length > MAX_TAGS) {
      return new CodedError(
        'VALIDATION_FAILED',
        `addTags: this image would have ${tags.length} tags; an image has at most ${MAX_TAGS}. Remove some first.`,
      );
    }
    return undefined;
  }

  private changes(row: ImageRow, input: BulkUpdateInput) {
    return {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.alt !== undefined ? { alt: input.alt } : {}),
      ...(input.albumId !== undefined ? { albumId: input.albumId } : {}),
      ...(input.addTags || input.removeTags
        ? { tags: editTags(row.tags, input.addTags ?? [], input.removeTags ?? []) }
        : {}),
    };
  }
}
