// Sign-up and login. A sign-up that fails for any reason deletes its uploaded profile image.
import type { Kysely } from 'kysely';
import { CodedError } from '../../shared/errors';
import type { AuthResponse } from '../../shared/api';
import type { Database, PendingUploadRow } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import type { PendingUploadsRepo } from '../repos/pending-uploads-repo';
import { toUser, type UsersRepo } from '../repos/users-repo';
import type { ObjectStore } from '../storage/object-store';
import type { LoginLimiter } from '../auth/login-limiter';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords';
import type { TokenService } from '../auth/tokens';
import { stagingKey } from '../storage/key-layout';
import type { UploadAcceptance } from './upload-acceptance';

export class AuthService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly users: UsersRepo,
    private readonly pending: PendingUploadsRepo,
    private readonly store: ObjectStore,
    private readonly tokens: TokenService,
    private readonly limiter: LoginLimiter,
    private readonly acceptance: UploadAcceptance,
  ) {}

  async signup(input: {
    email: string;
    password: string;
    username: string;
    avatarKey?: string | undefined;
  }): Promise<AuthResponse> {
    const passwordHash = await hashPassword(input.password);
    const avatar = input.avatarKey ? await this.pending.find(input.avatarKey) : undefined;
    if (input.avatarKey) {
      if (!avatar || avatar.ownerId !== null || avatar.purpose !== 'avatar') {
        throw new CodedError(
          'KEY_NOT_PRESIGNED',
          'The profile image was not uploaded for sign-up, or its upload expired. Choose the image again.',
        );
      }
      await this.acceptAvatar(avatar);
    }
    try {
      const row = await this.db.transaction().execute(async (trx) => {
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
        return this.users.create(trx, {
          email: input.email,
          username: input.username,
          passwordHash,
          avatarKey: input.avatarKey ?? null,
        });
      });
      if (avatar) await this.acceptance.clearStaging([avatar]);
      const user = toUser(row);
      return { token: await this.tokens.sign({ userId: user.id, role: user.role }), user };
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) {
        throw new CodedError(
          'EMAIL_TAKEN',
          'An account with this email already exists. Sign in instead, or use another email.',
        );
      }
      throw error;
    }
  }

  /** The profile image as uploaded must be the image it claims to be; then it takes its key. */
  private async acceptAvatar(avatar: PendingUploadRow): Promise<void> {
    try {
      await this.acceptance.check([avatar]);
    } catch (error) {
      if (error instanceof CodedError && error.code === 'OBJECT_MISSING') {
        throw new CodedError(
          'OBJECT_MISSING',
          'The profile image has not finished uploading. Choose the image again.',
        );
      }
      throw error;
    }
    await this.acceptance.promote([avatar]);
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

  async login(ip: string, email: string, password: string): Promise<AuthResponse> {
    await this.limiter.check(ip, email);
    const row = await this.users.findByEmail(email);
    const ok = await verifyPassword(row?.passwordHash ?? (await decoyPasswordHash()), password);
    if (!row || !ok) {
      throw new CodedError('INVALID_CREDENTIALS', 'The email or password is not correct.');
    }
    await this.limiter.recordSuccess(email);
    const user = toUser(row);
    return { token: await this.tokens.sign({ userId: user.id, role: user.role }), user };
  }
}
