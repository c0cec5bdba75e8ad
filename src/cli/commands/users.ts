// `users list|invite|role|disable|enable|reset-password|delete`: administrators managing people
// from a script. Accounts are named by id or by email. Exit 0 ok, 1 refused or failed, 2 usage.
import { Argument, type Command, Option } from 'commander';
import type { AdminUser, Role } from '../../shared/api';
import { CodedError } from '../../shared/errors';
import type { ApiClient } from '../../main/services/api-client';
import type { CliContext } from '../cli-context';
import { requireSignedIn } from '../cli-context';
import { UsageError } from '../cli-error';
import { printable } from '../printable';

type Ctx = CliContext & { server: string | undefined };
type Run = (work: () => Promise<number>) => Promise<void>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function adminApi(ctx: Ctx): Promise<ApiClient> {
  await requireSignedIn(ctx);
  return ctx.session.api();
}

/** Every account, page by page (500 a page: 200 round trips for 100,000 accounts). */
async function allUsers(api: ApiClient): Promise<{ users: AdminUser[]; signupMode: string }> {
  const users: AdminUser[] = [];
  let cursor: string | undefined;
  let signupMode: string;
  do {
    const page = await api.listUsers({ limit: 500, ...(cursor ? { cursor } : {}) });
    users.push(...page.users);
    signupMode = page.signupMode;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { users, signupMode };
}

/** An id as is; an email is looked up in the listing (emails are stored lower-case). */
async function accountId(api: ApiClient, who: string): Promise<string> {
  if (UUID.test(who)) return who;
  if (!who.includes('@')) throw new UsageError(`"${who}" is neither an account id nor an email.`);
  const email = who.trim().toLowerCase();
  const found = (await allUsers(api)).users.find((u) => u.email === email);
  if (!found) throw new CodedError('NOT_FOUND', `No account with the email ${email} exists.`);
  return found.id;
}

function describe(user: AdminUser): string {
  const state = user.disabled ? 'disabled' : 'active';
  return `${user.id}  ${user.role.padEnd(6)}  ${state.padEnd(8)}  ${printable(user.email)}  ${printable(user.username)}`;
}

function print(json: boolean | undefined, value: unknown, text: string): number {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${text}\n`);
  return 0;
}

/** Adds `users …` to the program (created from it, so usage errors still exit 2). */
export function addUsersCommands(cli: Command, ctx: () => Promise<Ctx>, run: Run): void {
  const users = cli
    .command('users')
    .description('administrators: manage the accounts on the server');
  const role = () => new Option('--role <role>', 'admin or member').choices(['admin', 'member']);

  users
    .command('list')
    .description('every account: id, role, state, email, username')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) =>
      run(async () => {
        const { users: all, signupMode } = await allUsers(await adminApi(await ctx()));
        const text = [...all.map(describe), `sign-up mode: ${signupMode}`].join('\n');
        return print(opts.json, { users: all, signupMode }, text);
      }),
    );
  users
    .command('invite')
    .description('invite someone by email: prints a one-time sign-up code (shown only now)')
    .argument('<email>')
    .addOption(role().default('member'))
    .option('--json', 'print JSON')
    .action((email: string, opts: { role: Role; json?: boolean }) =>
      run(async () => {
        const invite = await (await adminApi(await ctx())).createInvite({ email, role: opts.role });
        const text = `Invite code for ${invite.email} (${invite.role}), valid until ${invite.expiresAt}:\n${invite.token}`;
        return print(opts.json, invite, text);
      }),
    );
  users
    .command('role')
    .description('make an account an admin or a member')
    .argument('<account>', 'account id or email')
    .addArgument(new Argument('<role>', 'admin or member').choices(['admin', 'member']))
    .action((who: string, newRole: Role) =>
      run(async () => {
        const api = await adminApi(await ctx());
        const { user } = await api.updateUser(await accountId(api, who), { role: newRole });
        return print(
          false,
          user,
          `${user.email} is now ${user.role === 'admin' ? 'an admin' : 'a member'}.`,
        );
      }),
    );
  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    users
      .command(name)
      .description(
        disabled
          ? 'disable an account: its sessions end at once and it cannot sign in'
          : 'enable a disabled account again (its owner signs in anew)',
      )
      .argument('<account>', 'account id or email')
      .action((who: string) =>
        run(async () => {
          const api = await adminApi(await ctx());
          const { user } = await api.updateUser(await accountId(api, who), { disabled });
          return print(false, user, `${user.email} is ${disabled ? 'disabled' : 'enabled'}.`);
        }),
      );
  }
  users
    .command('reset-password')
    .description(
      "print a one-time code (valid a day) with which the account's owner sets a new password",
    )
    .argument('<account>', 'account id or email')
    .option('--json', 'print JSON')
    .action((who: string, opts: { json?: boolean }) =>
      run(async () => {
        const api = await adminApi(await ctx());
        const reset = await api.createPasswordReset(await accountId(api, who));
        const text = `Password reset code, valid until ${reset.expiresAt} (they run: image-desk password --reset-code <code>):\n${reset.token}`;
        return print(opts.json, reset, text);
      }),
    );
  users
    .command('delete')
    .description('delete an account with all of its images and their S3 objects')
    .argument('<account>', 'account id or email')
    .option('--yes', 'confirm: this cannot be undone')
    .action((who: string, opts: { yes?: boolean }) =>
      run(async () => {
        if (!opts.yes) throw new UsageError('users delete cannot be undone: add --yes to confirm.');
        const api = await adminApi(await ctx());
        const id = await accountId(api, who);
        await api.deleteUser(id);
        return print(false, null, `Deleted account ${id} with its images.`);
      }),
    );
}
