// "Delete selected" asks first: how many images, and that storage copies go too.
import { useState } from 'react';
import { plural } from '../../lib/format';
import { selectedInOrder } from '../../lib/selection';
import { useAppStore } from '../../store/app-store';
import { Dialog } from '../common/Dialog';

export function DeleteConfirmDialog() {
  const open = useAppStore((s) => s.deleteConfirmOpen);
  const count = useAppStore((s) => s.selection.selected.size);
  const setOpen = useAppStore((s) => s.setDeleteConfirmOpen);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    const { selection, imageIds, deleteImages } = useAppStore.getState();
    setBusy(true);
    await deleteImages(selectedInOrder(selection, imageIds));
    setBusy(false);
    setOpen(false);
  };

  return (
    <Dialog
      open={open && count > 0}
      onClose={() => setOpen(false)}
      title="Delete images"
      className="dialog--small"
    >
      <h2 className="dialog__title">Delete {plural(count, 'image')}?</h2>
      <p className="dialog__text">
        {count === 1 ? 'It is' : 'They are'} removed from the gallery and from storage, thumbnails
        included. This cannot be undone.
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
          Delete
        </button>
      </div>
    </Dialog>
  );
}
