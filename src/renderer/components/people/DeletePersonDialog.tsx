// Deleting an account asks first, and says what goes with it.
import { useState } from 'react';
import type { AdminUser } from '../../../shared/api';
import { useAppStore } from '../../store/app-store';
import { Dialog } from '../common/Dialog';

export function DeletePersonDialog({
  person,
  onClose,
}: {
  person: AdminUser | null;
  onClose: () => void;
}) {
  const deletePerson = useAppStore((s) => s.deletePerson);
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (!person) return;
    setBusy(true);
    const failure = await deletePerson(person.id);
    setBusy(false);
    if (failure) notify(failure, 'error');
    else notify(`${person.username}'s account was deleted.`, 'success');
    onClose();
  };

  return (
    <Dialog
      open={person !== null}
      onClose={onClose}
      title="Delete account"
      className="dialog--small"
    >
      {person ? (
        <>
          <h2 className="dialog__title">Delete {person.username}?</h2>
          <p className="dialog__text">
            The account of {person.email} is deleted with all of its images, thumbnails, albums and
            profile image, from the gallery and from storage. This cannot be undone.
          </p>
          <div className="dialog__buttons">
            <button type="button" className="button" onClick={onClose} autoFocus>
              Cancel
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => void confirm()}
            >
              {busy ? <span className="spinner spinner--on-accent" aria-hidden="true" /> : null}
              Delete account
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
