// Moves the image shown in the preview to the Trash, after asking; the preview then moves on to the next
// image (or the previous one at the end), and closes when none is left.
import { useState } from 'react';
import type { Image } from '../../../shared/api';
import { useAppStore } from '../../store/app-store';
import { Dialog } from '../common/Dialog';
import { Icon } from '../common/Icon';

export function PreviewDeleteButton({ image }: { image: Image }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const name = image.title || image.filename;

  const confirm = async () => {
    const { imageIds, deleteImages, setPreviewId } = useAppStore.getState();
    const at = imageIds.indexOf(image.id);
    const neighbour = imageIds[at + 1] ?? imageIds[at - 1] ?? null;
    setBusy(true);
    await deleteImages([image.id]);
    setBusy(false);
    setAsking(false);
    // Still listed: the delete failed (deleteImages has said why); stay on it.
    if (!useAppStore.getState().images[image.id]) setPreviewId(neighbour);
  };

  return (
    <>
      <button type="button" className="button button--danger-soft" onClick={() => setAsking(true)}>
        <Icon name="trash" size={16} />
        Delete
      </button>
      <Dialog
        open={asking}
        onClose={() => setAsking(false)}
        title="Delete image"
        className="dialog--small"
      >
        <h2 className="dialog__title">Delete “{name}”?</h2>
        <p className="dialog__text">
          It moves to the Trash, where you can restore it until the Trash is emptied.
        </p>
        <div className="dialog__buttons">
          <button type="button" className="button" onClick={() => setAsking(false)} autoFocus>
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
    </>
  );
}
