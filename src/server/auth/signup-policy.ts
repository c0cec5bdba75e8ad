// Who may create an account (SIGNUP_MODE), decided in one place:
// - the first account on an empty database is always allowed and becomes admin;
// - open: anyone; invite: only with a valid invite; closed: nobody, not even with an invite.
// "closed" is the kill switch a demanding admin expects: when they close the server, an invite
// that leaked last week must not open it again. Invites cannot be created while closed, and any
// still pending work again once the mode is back to invite (until they expire).
import type { SignupMode } from '../config';
import { CodedError } from '../../shared/errors';

export function signupClosed(mode: SignupMode): CodedError {
  return new CodedError(
    'SIGNUP_CLOSED',
    mode === 'closed'
      ? 'This server does not take new accounts. Ask its administrator.'
      : 'This server takes new accounts by invitation only. Ask an administrator for an invite code.',
  );
}

export function inviteInvalid(): CodedError {
  return new CodedError(
    'INVITE_INVALID',
    'This invite code does not work: it may have expired, been used already, or be meant for another email address. Ask an administrator for a new one.',
  );
}

/**
 * The role a new account gets, or the coded refusal. `usersExist` and `invite` must have been
 * read under lockAccounts() in the transaction that creates the account.
 */
export function roleForSignup(input: {
  mode: SignupMode;
  usersExist: boolean;
  inviteGiven: boolean;
  invite: { role: 'admin' | 'member' } | undefined;
}): 'admin' | 'member' {
  if (!input.usersExist) return 'admin';
  if (input.mode === 'closed') throw signupClosed('closed');
  // A code that was given is always checked, in every mode: its holder expects its role.
  if (input.inviteGiven) {
    if (!input.invite) throw inviteInvalid();
    return input.invite.role;
  }
  if (input.mode === 'open') return 'member';
  throw signupClosed(input.mode);
}
