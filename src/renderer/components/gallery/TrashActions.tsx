// The Trash's toolbar buttons: restore or delete forever what is selected, or empty it all.
import { selectedInOrder } from '../../lib/selection';
import { useAppStore } from '../../store/app-store';
import { Icon } from '../common/Icon';

export function TrashActions() {
  const selected = useAppStore((s) => s.selection.selected.size);
  const empty = useAppStore((s) => s.imageIds.length === 0);
  const setDeleteConfirmOpen = useAppStore((s) => s.setDeleteConfirmOpen);
  const setEmptyTrashConfirmOpen = useAppStore((s) => s.setEmptyTrashConfirmOpen);

  const restore = () => {
    const { selection, imageIds, restoreImages } = useAppStore.getState();
    void restoreImages(selectedInOrder(selection, imageIds));
  };

  return (
    <>
      <button
        type="button"
        className="button button--small"
        disabled={selected === 0}
        onClick={restore}
      >
        Restore
      </button>
      <button
        type="button"
        className="button button--danger-soft button--small"
        disabled={selected === 0}
        onClick={() => setDeleteConfirmOpen(true)}
      >
        <Icon name="trash" size={16} />
        Delete forever
      </button>
      <button
        type="button"
        className="button button--danger button--small"
        disabled={empty}
        onClick={() => setEmptyTrashConfirmOpen(true)}
      >
        Empty trash
      </button>
    </>
  );
}
