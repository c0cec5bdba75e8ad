// The signed-in user's profile image: choose a new one (resized and uploaded by the main
// process; the server deletes the old one) or remove it.
import { useState, type FormEvent } from 'react';
import { useAppStore } from '../../store/app-store';
import { AvatarPicker } from '../auth/AvatarPicker';

export function ProfileImageForm() {
  const hasAvatar = useAppStore((s) => Boolean(s.session?.user?.avatarKey));
  const setAvatar = useAppStore((s) => s.setAvatar);
  const notify = useAppStore((s) => s.notify);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = async (next: File | null) => {
    setBusy(true);
    const failure = await setAvatar(next);
    setBusy(false);
    setError(failure);
    if (failure) return;
    setFile(null);
    notify(next ? 'Profile image changed.' : 'Profile image removed.', 'success');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) void apply(file);
  };

  return (
    <form className="settings" onSubmit={submit} noValidate aria-label="Profile image">
      <fieldset className="settings__group">
        <legend>Profile image</legend>
        <AvatarPicker file={file} note={null} onChange={setFile} optional={false} />
        {error ? (
          <p className="banner banner--error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog__buttons">
          {hasAvatar ? (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void apply(null)}
            >
              Remove profile image
            </button>
          ) : null}
          <button type="submit" className="button" disabled={busy || !file}>
            Use this image
          </button>
        </div>
      </fieldset>
    </form>
  );
}
