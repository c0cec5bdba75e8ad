// The right column: where files come in (drop zone, pickers), how the batch is doing, and
// the list of queued files.
import { useAppStore } from '../../store/app-store';
import { Icon } from '../common/Icon';
import { DropZone } from './DropZone';
import { QueueControls } from './QueueControls';
import { QueueFilters } from './QueueFilters';
import { QueueList } from './QueueList';
import { QueueSummary } from './QueueSummary';

export function UploadPanel() {
  const open = useAppStore((s) => s.uploadsOpen);
  const setOpen = useAppStore((s) => s.setUploadsOpen);
  return (
    <aside className="uploads" aria-label="Uploads" hidden={!open}>
      <div className="uploads__head">
        <h2 className="uploads__title">Uploads</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Hide uploads"
          title="Hide uploads"
          onClick={() => setOpen(false)}
        >
          <Icon name="panel" />
        </button>
      </div>
      <DropZone />
      <QueueSummary />
      <QueueControls />
      <QueueFilters />
      <QueueList />
    </aside>
  );
}
