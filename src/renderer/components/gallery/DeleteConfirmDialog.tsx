// "Delete selected" asks first: in the gallery the images move to the Trash (Undo is offered
// afterwards); in the Trash they are deleted for good, which cannot be undone.
import { useState } from 'react';
import { plural } from '../../lib/format';
import { selectedInOrder } from '../../lib/selection';
import { useAppStore } from '../../store/app-store';
import { Dialog } from '../common/Dialog';

export function DeleteConfirmDialog() {
  const open = useAppStore((s) => s.deleteConfirmOpen);
  const count = useAppStore((s) => s.selection.selected.size);
  const forever = useAppStore((s) => s.galleryQuery.trash);
  const setOpen = useAppStore((s) => s.setDeleteConfirmOpen);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    const { selection, imageIds, deleteImages, deleteImagesForever } = useAppStore.getState();
    setBusy(true);
    const ids = selectedInOrder(selection, imageIds);
    await (forever ? deleteImagesForever(ids) : deleteImages(ids));
    setBusy(false);
    setOpen(false);
  };

  const they = count === 1 ? 'It is' : 'They are';
  return (
    <Dialog
      open={open && count > 0}
      onClose={() => setOpen(false)}
      title={forever ? 'Delete forever' : 'Delete images'}
      className="dialog--small"
    >
      <h2 className="dialog__title">
        {forever
          ? `Delete ${plural(count, 'image')} forever?`
          : `Delete ${plural(count, 'image')}?`}
      </h2>
      <p className="dialog__text">
        {forever
          ? `${they} removed from storage, thumbnails included. This cannot be undone.`
          : `${they} moved to the Trash. You can restore ${count === 1 ? 'it' : 'them'} from there until the Trash is emptied.`}
      </p>
      <div className="dialog__buttons">
        <button type="button" className="button" onClick={() => setOpen(false)} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={() => void confirm()}
        >
          {busy ? <span className="spinner spinner--on-accent" aria-hidden="true" /> : null}
          {forever ? 'Delete forever' : 'Delete'}
        </button>
      </div>
    </Dialog>
  );
}
