// Invites someone by email: the server answers with a one-time code, shown once in a dialog.
import { useState, type FormEvent } from 'react';
import type { Role } from '../../../shared/api';
import { useAppStore } from '../../store/app-store';

export function InviteForm({ closed }: { closed: boolean }) {
  const invitePerson = useAppStore((s) => s.invitePerson);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) {
      setError('Enter the email address of the person to invite.');
      return;
    }
    setBusy(true);
    const failure = await invitePerson(email.trim(), role);
    setBusy(false);
    setError(failure);
    if (!failure) setEmail('');
  };

  return (
    <form className="invite-form" onSubmit={submit} noValidate aria-label="Invite someone">
      <label className="field">
        <span className="field__label">Email to invite</span>
        <input
          className="input"
          type="email"
          value={email}
          disabled={closed}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setEmail(e.target.value)}
        />
      </label>
      <label className="field invite-form__role">
        <span className="field__label">Invite as</span>
        <select
          className="select"
          value={role}
          disabled={closed}
          onChange={(e) => setRole(e.target.value as Role)}
        >
          <option value="member">Member</option>
          <option value="admin">Administrator</option>
        </select>
      </label>
      <button type="submit" className="button button--primary" disabled={busy || closed}>
        Invite
      </button>
      {closed ? (
        <p className="field__hint invite-form__error">
          To invite people, the server&apos;s administrator sets SIGNUP_MODE=invite.
        </p>
      ) : null}
      {error ? (
        <p className="banner banner--error invite-form__error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
