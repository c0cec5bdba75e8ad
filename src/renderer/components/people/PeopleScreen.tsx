// People, for administrators: who has an account, inviting someone, and what can be done to each
// account. Reached from the top bar; takes the place of the albums and the gallery.
import { useEffect, useState } from 'react';
import type { AdminUser, SignupMode } from '../../../shared/api';
import { useAppStore } from '../../store/app-store';
import { Icon } from '../common/Icon';
import { DeletePersonDialog } from './DeletePersonDialog';
import { InviteForm } from './InviteForm';
import { OneTimeCodeDialog } from './OneTimeCodeDialog';
import { PersonRow } from './PersonRow';

const MODE_SENTENCE: Record<SignupMode, string> = {
  open: 'Anyone who reaches this server can create an account; an invite chooses their role.',
  invite: 'New accounts need an invite code from an administrator.',
  closed: 'This server takes no new accounts, not even invited ones (SIGNUP_MODE=closed).',
};

export function PeopleScreen() {
  const people = useAppStore((s) => s.people);
  const signupMode = useAppStore((s) => s.signupMode);
  const error = useAppStore((s) => s.peopleError);
  const loading = useAppStore((s) => s.peopleLoading);
  const more = useAppStore((s) => s.peopleCursor !== null);
  const selfId = useAppStore((s) => s.session?.user?.id);
  const loadPeople = useAppStore((s) => s.loadPeople);
  const loadMore = useAppStore((s) => s.loadMorePeople);
  const setView = useAppStore((s) => s.setView);
  const [deleting, setDeleting] = useState<AdminUser | null>(null);

  useEffect(() => {
    void loadPeople();
  }, [loadPeople]);

  return (
    <main className="people" aria-labelledby="people-title">
      <header className="people__header">
        <div>
          <h1 id="people-title" className="people__title">
            People
          </h1>
          {signupMode ? <p className="people__mode">{MODE_SENTENCE[signupMode]}</p> : null}
        </div>
        <button type="button" className="button" onClick={() => setView('gallery')}>
          <Icon name="left" size={16} />
          Back to the gallery
        </button>
      </header>
      <InviteForm closed={signupMode === 'closed'} />
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}{' '}
          <button type="button" className="link-button" onClick={() => void loadPeople()}>
            Retry
          </button>
        </p>
      ) : null}
      <table className="people-table" aria-label="People" aria-busy={loading}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <PersonRow
              key={person.id}
              person={person}
              isSelf={person.id === selfId}
              onDelete={() => setDeleting(person)}
            />
          ))}
        </tbody>
      </table>
      {more ? (
        <button type="button" className="button" disabled={loading} onClick={() => void loadMore()}>
          Show more people
        </button>
      ) : null}
      <OneTimeCodeDialog />
      <DeletePersonDialog person={deleting} onClose={() => setDeleting(null)} />
    </main>
  );
}
