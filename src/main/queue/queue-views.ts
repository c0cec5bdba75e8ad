// What the renderer is sent of the queue: a window of one filter's rows, never the whole list
// (a desktop may hold 100,000 files); the counts per filter come with the totals.
import { matchesFilter, type QueueFilter, type QueueItemView } from '../../shared/queue';
import type { DurableItem } from './durable-item';

/** Rows offset … offset+limit of those matching `filter`, in the order they were added. */
export function windowOf(
  items: Iterable<DurableItem>,
  filter: QueueFilter,
  offset: number,
  limit: number,
  view: (item: DurableItem) => QueueItemView,
): QueueItemView[] {
  const rows: QueueItemView[] = [];
  let index = 0;
  for (const item of items) {
    if (!matchesFilter(item.state, filter)) continue;
    if (index >= offset) rows.push(view(item));
    index += 1;
    if (rows.length >= limit) break;
  }
  return rows;
}
