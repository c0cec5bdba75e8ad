// `users …` and `password` from a script: the real CLI (compiled), the real keychain
// (gnome-keyring), a real backend that takes invited people only. Exit codes: 0 done,
// 1 refused or failed (with the server's sentence and code), 2 usage error.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test-server';
import { cliSignIn, runCli } from './run-cli';

const PASSWORD = 'cli password 123';
const ADMIN = 'root.cli@example.com';
const BO = 'bo.cli@example.com';

let t: TestServer;
let work: string;
let admin: Record<string, string>;
let bo: Record<string, string>;

/** The CLI as the admin (their own data dir and keychain entry). */
const asAdmin = (...args: string[]) => runCli(args, { env: admin });
const asBo = (args: string[], stdin?: string) => runCli(args, { env: bo, stdin });

beforeAll(async () => {
  t = await startTestServer({ SIGNUP_MODE: 'invite' });
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'image-desk-cli-users-'));
  admin = { IMAGE_DESK_DATA_DIR: path.join(work, 'admin'), IMAGE_DESK_SERVER: t.baseUrl };
  bo = { IMAGE_DESK_DATA_DIR: path.join(work, 'bo'), IMAGE_DESK_SERVER: t.baseUrl };
  const first = await cliSignIn(
    'signup',
    { serverUrl: t.baseUrl, email: ADMIN, password: PASSWORD, username: 'root' },
    admin,
  );
  expect(first.code, first.stderr).toBe(0);
  expect(first.stdout).toContain('(admin)');
}, 120_000);

afterAll(async () => {
  await runCli(['logout'], { env: admin });
  await runCli(['logout'], { env: bo });
  await t.close();
  await fs.rm(work, { recursive: true, force: true });
});

describe('users', () => {
  it('invites someone, who signs up with the code', async () => {
    const refused = await cliSignIn(
      'signup',
      { serverUrl: t.baseUrl, email: BO, password: PASSWORD, username: 'bo' },
      bo,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('(SIGNUP_CLOSED)');

    const invite = await asAdmin('users', 'invite', BO, '--json');
    expect(invite.code, invite.stderr).toBe(0);
    const { token, role } = JSON.parse(invite.stdout);
    expect(role).toBe('member');
    const signup = await asBo(
      ['signup', '--email', BO, '--username', 'bo', '--invite', token, '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(signup.code, signup.stderr).toBe(0);
    expect(signup.stdout).toContain(`Created ${BO} (member)`);
  });

  it('lists accounts, and only for administrators', async () => {
    const list = await asAdmin('users', 'list', '--json');
    expect(list.code, list.stderr).toBe(0);
    const { users, signupMode } = JSON.parse(list.stdout);
    expect(signupMode).toBe('invite');
    expect(users.map((u: { email: string }) => u.email)).toEqual([ADMIN, BO]);
    const text = await asAdmin('users', 'list');
    expect(text.stdout).toMatch(new RegExp(`member\\s+active\\s+${BO}`));

    const byMember = await asBo(['users', 'list']);
    expect(byMember.code).toBe(1);
    expect(byMember.stderr).toContain('Only administrators can manage people. (FORBIDDEN)');
  });

  it('changes a role, and refuses to demote the last administrator', async () => {
    expect((await asAdmin('users', 'role', BO, 'admin')).stdout).toContain('is now an admin');
    expect((await asAdmin('users', 'role', BO, 'member')).code).toBe(0);
    const last = await asAdmin('users', 'role', ADMIN, 'member');
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/only enabled administrator.*\(LAST_ADMIN\)/);
    const usage = await asAdmin('users', 'role', BO, 'superuser');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Allowed choices are admin, member');
    const unknown = await asAdmin('users', 'disable', 'nobody@example.com');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('(NOT_FOUND)');
  });

  it('disables an account (its session ends at once) and enables it again', async () => {
    expect((await asBo(['whoami'])).code).toBe(0);
    expect((await asAdmin('users', 'disable', BO)).stdout).toContain(`${BO} is disabled.`);
    const refused = await asBo(['whoami']);
    expect(refused.code).toBe(1);
    expect((await asAdmin('users', 'enable', BO)).code).toBe(0);
    const back = await cliSignIn(
      'login',
      { serverUrl: t.baseUrl, email: BO, password: PASSWORD },
      bo,
    );
    expect(back.code, back.stderr).toBe(0);
  });

  it('hands out a reset code, with which the owner sets a new password', async () => {
    const reset = await asAdmin('users', 'reset-password', BO, '--json');
    expect(reset.code, reset.stderr).toBe(0);
    const { token } = JSON.parse(reset.stdout);
    const redeemed = await asBo(
      ['password', '--reset-code', token, '--password-stdin'],
      'reset by bo 456\n',
    );
    expect(redeemed.code, redeemed.stderr).toBe(0);
    expect(redeemed.stdout).toContain(`New password set for ${BO}`);
    expect((await asBo(['whoami'])).code).toBe(0);
  });

  it('changes your own password from stdin (current, then new)', async () => {
    const wrong = await asBo(['password', '--password-stdin'], 'not it\nwhatever 789\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('(WRONG_PASSWORD)');
    const changed = await asBo(['password', '--password-stdin'], 'reset by bo 456\nmy own 789\n');
    expect(changed.code, changed.stderr).toBe(0);
    expect((await asBo(['whoami'])).code).toBe(0);
    const oneLine = await asBo(['password', '--password-stdin'], 'only one line\n');
    expect(oneLine.code).toBe(2);
  });

  it('changes and removes your own profile image', async () => {
    const file = path.join(work, 'face.png');
    await sharp({ create: { width: 300, height: 200, channels: 3, background: '#3565d4' } })
      .png()
      .toFile(file);
    const set = await asBo(['avatar', file]);
    expect(set.code, set.stderr).toBe(0);
    expect(await t.objectKeys('avatars/')).toHaveLength(1);
    expect((await asBo(['avatar', '--remove'])).stdout).toContain('Profile image removed.');
    expect(await t.objectKeys('avatars/')).toEqual([]);
    expect((await asBo(['avatar'])).code).toBe(2);
  });

  it('deletes an account only with --yes', async () => {
    const unconfirmed = await asAdmin('users', 'delete', BO);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('--yes');
    const deleted = await asAdmin('users', 'delete', BO, '--yes');
    expect(deleted.code, deleted.stderr).toBe(0);
    const list = JSON.parse((await asAdmin('users', 'list', '--json')).stdout);
    expect(list.users.map((u: { email: string }) => u.email)).toEqual([ADMIN]);
    expect((await asBo(['whoami'])).code).toBe(1);
  });
});
