// What the renderer is sent of the queue: a window of one filter's rows and the count of every
// filter, never the whole list (a desktop may hold 100,000 files).
import {
  QUEUE_FILTERS,
  matchesFilter,
  type QueueFilter,
  type QueueFilterCounts,
  type QueueItemView,
} from '../../shared/queue';
import type { DurableItem } from './durable-item';

export function emptyCounts(): QueueFilterCounts {
  return Object.fromEntries(QUEUE_FILTERS.map((f) => [f, 0])) as QueueFilterCounts;
}

export function countFilters(items: Iterable<DurableItem>): QueueFilterCounts {
  const counts = emptyCounts();
  for (const item of items) {
    for (const filter of QUEUE_FILTERS) if (matchesFilter(item.state, filter)) counts[filter] += 1;
  }
  return counts;
}

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
