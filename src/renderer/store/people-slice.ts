// People (administrators): the accounts on the server, and what an admin does to them. Invite
// and reset codes come back once and are kept here only until the dialog showing them closes.
import type { AdminUser, InviteResponse, Role, SignupMode } from '../../shared/api';
import { errorMessage, invoke } from '../lib/ipc';
import type { SliceCreator } from './app-store';

/** A one-time code to show the admin once: an invite, or a password reset for one account. */
export type OneTimeCode =
  | ({ kind: 'invite' } & InviteResponse)
  | { kind: 'reset'; token: string; expiresAt: string; email: string };

export interface PeopleSlice {
  people: readonly AdminUser[];
  peopleCursor: string | null;
  signupMode: SignupMode | null;
  peopleLoading: boolean;
  peopleError: string | null;
  /** Shown once in a dialog, then forgotten. */
  oneTimeCode: OneTimeCode | null;
  loadPeople(): Promise<void>;
  loadMorePeople(): Promise<void>;
  /** Each of these returns an error sentence, or null when it worked. */
  invitePerson(email: string, role: Role): Promise<string | null>;
  setPersonRole(id: string, role: Role): Promise<string | null>;
  setPersonDisabled(id: string, disabled: boolean): Promise<string | null>;
  resetPersonPassword(id: string): Promise<string | null>;
  deletePerson(id: string): Promise<string | null>;
  dismissOneTimeCode(): void;
}

/** A person as the list shows them, after a change (one row, not the whole list). */
function replacePerson(people: readonly AdminUser[], user: AdminUser): AdminUser[] {
  return people.map((p) => (p.id === user.id ? user : p));
}

export const createPeopleSlice: SliceCreator<PeopleSlice> = (set, get) => {
  const update = async (id: string, changes: { role?: Role; disabled?: boolean }) => {
    try {
      const { user } = await invoke('people:update', { id, changes });
      set((s) => ({ people: replacePerson(s.people, user) }));
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  };

  return {
    people: [],
    peopleCursor: null,
    signupMode: null,
    peopleLoading: false,
    peopleError: null,
    oneTimeCode: null,

    async loadPeople() {
      set({ peopleLoading: true, peopleError: null });
      try {
        const page = await invoke('people:list', {});
        set({ people: page.users, peopleCursor: page.nextCursor, signupMode: page.signupMode });
      } catch (error) {
        set({ peopleError: errorMessage(error) });
      } finally {
        set({ peopleLoading: false });
      }
    },

    async loadMorePeople() {
      const cursor = get().peopleCursor;
      if (!cursor || get().peopleLoading) return;
      set({ peopleLoading: true, peopleError: null });
      try {
        const page = await invoke('people:list', { cursor });
        set((s) => ({ people: [...s.people, ...page.users], peopleCursor: page.nextCursor }));
      } catch (error) {
        set({ peopleError: errorMessage(error) });
      } finally {
        set({ peopleLoading: false });
      }
    },

    async invitePerson(email, role) {
      try {
        const invite = await invoke('people:invite', { email, role });
        set({ oneTimeCode: { kind: 'invite', ...invite } });
        return null;
      } catch (error) {
        return errorMessage(error);
      }
    },

    setPersonRole: (id, role) => update(id, { role }),
    setPersonDisabled: (id, disabled) => update(id, { disabled }),

    async resetPersonPassword(id) {
      try {
        const reset = await invoke('people:reset-password', { id });
        const email = get().people.find((p) => p.id === id)?.email ?? '';
        set({ oneTimeCode: { kind: 'reset', ...reset, email } });
        return null;
      } catch (error) {
        return errorMessage(error);
      }
    },

    async deletePerson(id) {
      try {
        await invoke('people:delete', { id });
        set((s) => ({ people: s.people.filter((p) => p.id !== id) }));
        return null;
      } catch (error) {
        return errorMessage(error);
      }
    },

    dismissOneTimeCode: () => set({ oneTimeCode: null }),
  };
};
