// One account in the People table: role, whether it is enabled, and the admin's actions on it.
// A refused change (the last administrator, say) is shown as a notice with the server's sentence.
import { useState } from 'react';
import type { AdminUser, Role } from '../../../shared/api';
import { useAppStore } from '../../store/app-store';

export function PersonRow({
  person,
  isSelf,
  onDelete,
}: {
  person: AdminUser;
  isSelf: boolean;
  onDelete: () => void;
}) {
  const setRole = useAppStore((s) => s.setPersonRole);
  const setDisabled = useAppStore((s) => s.setPersonDisabled);
  const resetPassword = useAppStore((s) => s.resetPersonPassword);
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<string | null>, done?: string) => {
    setBusy(true);
    const failure = await work();
    setBusy(false);
    if (failure) notify(failure, 'error');
    else if (done) notify(done, 'success');
  };

  const name = person.username;
  return (
    <tr aria-label={name}>
      <td className="people-table__name">
        {name}
        {isSelf ? <span className="pill">You</span> : null}
      </td>
      <td className="people-table__email">{person.email}</td>
      <td>
        {person.disabled ? (
          <span className="pill pill--error">Disabled</span>
        ) : (
          <span className="pill pill--ok">Active</span>
        )}
      </td>
      <td>
        <div className="people-table__actions">
          <select
            className="select"
            aria-label={`Role of ${name}`}
            value={person.role}
            disabled={busy}
            onChange={(e) => void run(() => setRole(person.id, e.target.value as Role))}
          >
            <option value="member">Member</option>
            <option value="admin">Administrator</option>
          </select>
          <button
            type="button"
            className="button button--small"
            aria-label={`${person.disabled ? 'Enable' : 'Disable'} ${name}`}
            disabled={busy}
            onClick={() =>
              void run(
                () => setDisabled(person.id, !person.disabled),
                person.disabled
                  ? `${name} can sign in again.`
                  : `${name} is disabled and was signed out everywhere.`,
              )
            }
          >
            {person.disabled ? 'Enable' : 'Disable'}
          </button>
          <button
            type="button"
            className="button button--small"
            aria-label={`Reset password of ${name}`}
            disabled={busy}
            onClick={() => void run(() => resetPassword(person.id))}
          >
            Reset password
          </button>
          <button
            type="button"
            className="button button--small button--danger-soft"
            aria-label={`Delete ${name}`}
            disabled={busy}
            onClick={onDelete}
          >
            Delete
          </button>
        </div>
      </td>
    </tr>
  );
}
