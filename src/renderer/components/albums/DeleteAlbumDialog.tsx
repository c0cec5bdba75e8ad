// Confirms deleting an album; its images are kept and end up in no album.
import { useState } from 'react';
import type { Album } from '../../../shared/api';
import { plural } from '../../lib/format';
import { useAppStore } from '../../store/app-store';
import { Dialog } from '../common/Dialog';

export function DeleteAlbumDialog({
  album,
  open,
  onClose,
}: {
  album: Album;
  open: boolean;
  onClose: () => void;
}) {
  const deleteAlbum = useAppStore((s) => s.deleteAlbum);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    const failure = await deleteAlbum(album.id);
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Delete album ${album.name}`}
      className="dialog--small"
    >
      <h2 className="dialog__title">Delete “{album.name}”?</h2>
      <p className="dialog__text">
        The album goes away; its {plural(album.imageCount, 'image')} stay in your gallery, in no
        album.
      </p>
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog__buttons">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => void confirm()}
          disabled={busy}
        >
          Delete album
        </button>
      </div>
    </Dialog>
  );
}
