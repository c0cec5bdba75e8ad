// What administrators do to accounts: list them, change a role, disable and enable, invite
// someone by email, and issue a one-time password reset. One enabled admin must always remain.
import type { Kysely } from 'kysely';
import { CodedError } from '../../shared/errors';
import type {
  AdminUser,
  InviteResponse,
  ListUsersResponse,
  PasswordResetResponse,
  Role,
} from '../../shared/api';
import type { SignupMode } from '../config';
import type { Database, UserRow } from '../db/schema';
import type { InvitesRepo } from '../repos/invites-repo';
import type { PasswordResetsRepo } from '../repos/password-resets-repo';
import { lockAccounts, toUser, type UsersRepo } from '../repos/users-repo';
import { newOneTimeCode } from '../auth/one-time-code';

/** Reset codes are for a person waiting for them: a day is plenty. */
const RESET_TTL_MS = 24 * 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function toAdminUser(row: UserRow): AdminUser {
  return {
    ...toUser(row),
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function userNotFound(): CodedError {
  return new CodedError('NOT_FOUND', 'No account with this id exists on this server.');
}

export function lastAdmin(action: string): CodedError {
  return new CodedError(
    'LAST_ADMIN',
    `This is the only enabled administrator: ${action} would leave nobody to manage this server. Make another account an administrator first.`,
  );
}

/**
 * Refuses a change that would leave no enabled admin. Call under lockAccounts(): two admins
 * demoting each other at the same moment must not both see the other one still there.
 */
export async function keepAnAdmin(
  users: UsersRepo,
  trx: Parameters<UsersRepo['otherEnabledAdmins']>[0],
  target: UserRow,
  after: { role: Role; disabled: boolean } | 'deleted',
  action: string,
): Promise<void> {
  const isEnabledAdmin = target.role === 'admin' && target.disabledAt === null;
  const staysEnabledAdmin = after !== 'deleted' && after.role === 'admin' && !after.disabled;
  if (
    isEnabledAdmin &&
    !staysEnabledAdmin &&
    (await users.otherEnabledAdmins(trx, target.id)) === 0
  ) {
    throw lastAdmin(action);
  }
}

function encodeCursor(row: UserRow): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

function decodeCursor(raw: string): { createdAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    const createdAt = new Date(typeof at === 'string' ? at : NaN);
    if (typeof id === 'string' && UUID.test(id) && !Number.isNaN(createdAt.getTime())) {
      return { createdAt, id };
    }
  } catch {
    // fall through to the coded error
  }
  throw new CodedError(
    'VALIDATION_FAILED',
    'cursor: is not a cursor from this listing; start again without it.',
  );
}

export class PeopleService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly settings: { signupMode: SignupMode; inviteTtlHours: number },
    private readonly users: UsersRepo,
    private readonly invites: InvitesRepo,
    private readonly resets: PasswordResetsRepo,
  ) {}

  /** One index range per page (users_created_idx), oldest account first. */
  async list(query: { limit: number; cursor?: string | undefined }): Promise<ListUsersResponse> {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await this.users.listPage(query.limit + 1, after);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      users: page.map(toAdminUser),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
      signupMode: this.settings.signupMode,
    };
  }

  async update(
    id: string,
    changes: { role?: Role | undefined; disabled?: boolean | undefined },
  ): Promise<AdminUser> {
    const row = await this.db.transaction().execute(async (trx) => {
      await lockAccounts(trx);
      const target = await this.users.findById(id, trx);
      if (!target) throw userNotFound();
      const after = {
        role: changes.role ?? target.role,
        disabled: changes.disabled ?? target.disabledAt !== null,
      };
      const action = after.disabled && !target.disabledAt ? 'disabling it' : 'making it a member';
      await keepAnAdmin(this.users, trx, target, after, action);
      return this.users.update(trx, id, changes);
    });
    if (!row) throw userNotFound();
    return toAdminUser(row);
  }

  /**
   * The code is returned once and only its hash is stored. Refused while SIGNUP_MODE is closed
   * (no invite could be used), and for an email that already has an account.
   */
  async invite(adminId: string, input: { email: string; role: Role }): Promise<InviteResponse> {
    if (this.settings.signupMode === 'closed') {
      throw new CodedError(
        'SIGNUP_CLOSED',
        'This server takes no new accounts (SIGNUP_MODE=closed), not even invited ones. Set SIGNUP_MODE=invite to invite people.',
      );
    }
    if (await this.users.findByEmail(input.email)) {
      throw new CodedError('EMAIL_TAKEN', `${input.email} already has an account on this server.`);
    }
    const { code, hash } = newOneTimeCode('inv');
    const expiresAt = new Date(Date.now() + this.settings.inviteTtlHours * 3_600_000);
    await this.invites.create({
      email: input.email,
      role: input.role,
      tokenHash: hash,
      createdBy: adminId,
      expiresAt,
    });
    return {
      token: code,
      expiresAt: expiresAt.toISOString(),
      email: input.email,
      role: input.role,
    };
  }

  /**
   * A one-time code with which the account's owner sets a new password (and which ends every
   * session of theirs when used). The admin never learns or chooses the password.
   */
  async issueReset(adminId: string, id: string): Promise<PasswordResetResponse> {
    if (!(await this.users.findById(id))) throw userNotFound();
    const { code, hash } = newOneTimeCode('rst');
    const expiresAt = new Date(Date.now() + RESET_TTL_MS);
    await this.resets.create({ userId: id, tokenHash: hash, createdBy: adminId, expiresAt });
    return { token: code, expiresAt: expiresAt.toISOString() };
  }
}
