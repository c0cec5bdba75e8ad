// Sign-up under the server's SIGNUP_MODE, throttled per client address. A sign-up that fails for
// any reason deletes its uploaded profile image.
import type { Kysely } from 'kysely';
import { CodedError } from '../../shared/errors';
import type { AuthResponse } from '../../shared/api';
import type { SignupMode } from '../config';
import type { Database } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import type { InvitesRepo } from '../repos/invites-repo';
import type { PendingUploadsRepo } from '../repos/pending-uploads-repo';
import { lockAccounts, type UsersRepo } from '../repos/users-repo';
import type { ObjectStore } from '../storage/object-store';
import { hashOneTimeCode } from '../auth/one-time-code';
import { hashPassword } from '../auth/passwords';
import type { Budget } from '../auth/rate-limits';
import { inviteInvalid, roleForSignup, signupClosed } from '../auth/signup-policy';
import type { SessionIssuer } from '../auth/session-issuer';
import { stagingKey } from '../storage/key-layout';
import type { UploadAcceptance } from './upload-acceptance';
import { acceptAvatar, avatarNotPresigned } from './avatar-upload';

export interface SignupInput {
  email: string;
  password: string;
  username: string;
  avatarKey?: string | undefined;
  inviteToken?: string | undefined;
}

export class SignupService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly mode: SignupMode,
    private readonly users: UsersRepo,
    private readonly invites: InvitesRepo,
    private readonly pending: PendingUploadsRepo,
    private readonly store: ObjectStore,
    private readonly sessions: SessionIssuer,
    /** Sign-ups per client address (shared by every server with DATABASE_URL). */
    private readonly perIp: Budget,
    private readonly acceptance: UploadAcceptance,
  ) {}

  async signup(ip: string, input: SignupInput): Promise<AuthResponse> {
    await this.perIp.take(
      ip,
      (n) =>
        `Too many accounts were requested from your network. Wait ${n} minute${n === 1 ? '' : 's'} and try again.`,
    );
    await this.refuseEarly(input);
    const passwordHash = await hashPassword(input.password);
    const avatar = input.avatarKey ? await this.pending.find(input.avatarKey) : undefined;
    if (input.avatarKey) {
      if (!avatar || avatar.ownerId !== null || avatar.purpose !== 'avatar') {
        throw avatarNotPresigned();
      }
      await acceptAvatar(this.acceptance, avatar);
    }
    const inviteHash = input.inviteToken ? hashOneTimeCode(input.inviteToken) : undefined;
    try {
      const row = await this.db.transaction().execute(async (trx) => {
        await lockAccounts(trx);
        const usersExist = await this.users.anyExists(trx);
        const invite =
          inviteHash && usersExist
            ? await this.invites.findUsable(inviteHash, input.email, trx)
            : undefined;
        const role = roleForSignup({
          mode: this.mode,
          usersExist,
          inviteGiven: inviteHash !== undefined,
          invite,
        });
        if (input.avatarKey) {
          const claimed = await this.pending.claim(trx, input.avatarKey, {
            ownerId: null,
            purpose: 'avatar',
          });
          if (!claimed)
            throw new CodedError(
              'KEY_NOT_PRESIGNED',
              'The profile image upload expired. Choose the image again.',
            );
        }
        const created = await this.users.create(trx, {
          email: input.email,
          username: input.username,
          passwordHash,
          avatarKey: input.avatarKey ?? null,
          role,
        });
        if (invite && !(await this.invites.markUsed(trx, invite.id, created.id))) {
          throw inviteInvalid();
        }
        return created;
      });
      if (avatar) await this.acceptance.clearStaging([avatar]);
      return await this.sessions.issue(row);
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) {
        throw new CodedError(
          'EMAIL_TAKEN',
          'An account with this email already exists. Sign in instead, or use another email.',
        );
      }
      if (isUniqueViolation(error, 'users_username_lower_key')) {
        throw new CodedError(
          'USERNAME_TAKEN',
          `The username "${input.username}" is taken (usernames are unique whatever their case). Choose another.`,
        );
      }
      throw error;
    }
  }

  /**
   * The refusals that need no password hash: a server that takes no sign-up without an invite
   * answers them at once, the same way for a taken and a free email (nothing about the email is
   * looked up), and before any work that a flood of requests could make expensive. The decision
   * that counts is taken again under the lock when the account is created.
   */
  private async refuseEarly(input: SignupInput): Promise<void> {
    if (this.mode === 'open' && !input.inviteToken) return;
    if (!(await this.users.anyExists())) return;
    if (this.mode === 'closed') throw signupClosed('closed');
    if (!input.inviteToken) throw signupClosed(this.mode);
    if (!(await this.invites.findUsable(hashOneTimeCode(input.inviteToken), input.email))) {
      throw inviteInvalid();
    }
  }

  /**
   * Called on every failed sign-up. Claims the anonymous pending row first, so an avatar that a
   * successful sign-up already owns is never touched; if the store refuses, the row is put back
   * (already expired) for the orphan sweeper to retry.
   */
  async discardSignupAvatar(key: unknown): Promise<void> {
    if (typeof key !== 'string' || !key.startsWith('avatars/')) return;
    const claimed = await this.pending.claim(this.db, key, { ownerId: null, purpose: 'avatar' });
    if (!claimed) return;
    try {
      await this.store.delete([stagingKey(key), key]);
    } catch (error) {
      await this.pending.restore({ ...claimed, expiresAt: new Date(0) });
      throw error;
    }
  }
}
