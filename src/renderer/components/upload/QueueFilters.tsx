// The filter chips over the queue: All, Active, Failed, Duplicates, Done, each with its count
// (the signed-in account's files only, as the main process counts them). A chip with nothing
// to show is left out, unless it is the one chosen.
import { QUEUE_FILTERS, type QueueFilter } from '../../../shared/queue';
import { useAppStore } from '../../store/app-store';

const LABELS: Record<QueueFilter, string> = {
  all: 'All',
  active: 'Active',
  failed: 'Failed',
  duplicates: 'Duplicates',
  done: 'Done',
};

export function QueueFilters() {
  const counts = useAppStore((s) => s.queueTotals?.counts);
  const current = useAppStore((s) => s.queueFilter);
  const setFilter = useAppStore((s) => s.setQueueFilter);
  if (!counts || counts.all === 0) return null;
  return (
    <div className="queue-filters" role="group" aria-label="Show files">
      {QUEUE_FILTERS.filter((f) => f === 'all' || f === current || counts[f] > 0).map((filter) => (
        <button
          key={filter}
          type="button"
          className={`chip${filter === current ? ' chip--on' : ''}`}
          aria-pressed={filter === current}
          onClick={() => setFilter(filter)}
        >
          {LABELS[filter]} <span className="chip__count">{counts[filter].toLocaleString()}</span>
        </button>
      ))}
    </div>
  );
}
