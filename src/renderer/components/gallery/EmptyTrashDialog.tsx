// "Empty trash" asks first: everything in the Trash is deleted from storage for good.
import { useState } from 'react';
import { useAppStore } from '../../store/app-store';
import { Dialog } from '../common/Dialog';

export function EmptyTrashDialog() {
  const open = useAppStore((s) => s.emptyTrashConfirmOpen);
  const setOpen = useAppStore((s) => s.setEmptyTrashConfirmOpen);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    await useAppStore.getState().emptyTrash();
    setBusy(false);
    setOpen(false);
  };

  return (
    <Dialog
      open={open}
      onClose={() => setOpen(false)}
      title="Empty trash"
      className="dialog--small"
    >
      <h2 className="dialog__title">Empty the Trash?</h2>
      <p className="dialog__text">
        Every image in the Trash is removed from storage, thumbnails included. This cannot be
        undone.
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
          Empty trash
        </button>
      </div>
    </Dialog>
  );
}
