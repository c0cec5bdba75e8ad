// Changes the signed-in user's password (the current one is required). The main process keeps
// the new session token; every other device signed in to the account is signed out.
import { useState, type FormEvent } from 'react';
import { useAppStore } from '../../store/app-store';
import { TextField } from '../auth/TextField';

function problem(current: string, next: string, repeat: string): string | null {
  if (!current) return 'Enter your current password.';
  if (next.length < 8) return 'The new password must be at least 8 characters.';
  if (next !== repeat) return 'The two new passwords are not the same.';
  return null;
}

export function ChangePasswordForm() {
  const changePassword = useAppStore((s) => s.changePassword);
  const notify = useAppStore((s) => s.notify);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = problem(current, next, repeat);
    setError(local);
    if (local) return;
    setBusy(true);
    const failure = await changePassword(current, next);
    setBusy(false);
    setError(failure);
    if (failure) return;
    setCurrent('');
    setNext('');
    setRepeat('');
    notify('Password changed. Your other devices were signed out.', 'success');
  };

  return (
    <form className="settings" onSubmit={submit} noValidate aria-label="Change password">
      <fieldset className="settings__group">
        <legend>Password</legend>
        <TextField
          label="Current password"
          type="password"
          value={current}
          onChange={setCurrent}
          autoComplete="current-password"
        />
        <TextField
          label="New password"
          type="password"
          value={next}
          onChange={setNext}
          autoComplete="new-password"
          hint="At least 8 characters. Other devices signed in to your account are signed out."
        />
        <TextField
          label="Repeat new password"
          type="password"
          value={repeat}
          onChange={setRepeat}
          autoComplete="new-password"
        />
        {error ? (
          <p className="banner banner--error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog__buttons">
          <button type="submit" className="button" disabled={busy}>
            Change password
          </button>
        </div>
      </fieldset>
    </form>
  );
}
