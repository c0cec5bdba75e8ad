// Undo for a bulk edit: the requests that put each edited image back as it was. Images whose
// old values match are grouped, so the common case (tags added to a selection) is one request.
import type { BulkUpdateRequest, Image } from '../../shared/api';

/** The fields a bulk edit may change. */
export interface BulkChanges {
  addTags?: string[];
  removeTags?: string[];
  title?: string | null;
  alt?: string | null;
  albumId?: string | null;
}

export function undoRequests(
  before: readonly Image[],
  after: readonly Image[],
  changes: BulkChanges,
): BulkUpdateRequest[] {
  const previous = new Map(before.map((image) => [image.id, image]));
  const groups = new Map<string, BulkUpdateRequest>();
  for (const now of after) {
    const was = previous.get(now.id);
    if (!was) continue;
    const wasTags = new Set(was.tags);
    const nowTags = new Set(now.tags);
    const revert: Omit<BulkUpdateRequest, 'ids'> = {};
    const added = now.tags.filter((tag) => !wasTags.has(tag));
    const removed = was.tags.filter((tag) => !nowTags.has(tag));
    if (added.length > 0) revert.removeTags = added;
    if (removed.length > 0) revert.addTags = removed;
    if (changes.title !== undefined) revert.title = was.title;
    if (changes.alt !== undefined) revert.alt = was.alt;
    if (changes.albumId !== undefined) revert.albumId = was.albumId;
    if (Object.keys(revert).length === 0) continue;
    const key = JSON.stringify(revert);
    const group = groups.get(key);
    if (group) group.ids.push(now.id);
    else groups.set(key, { ids: [now.id], ...revert });
  }
  return [...groups.values()];
}
