// Who may create an account (SIGNUP_MODE), invites, and the sign-up throttle. Each server here
// sets SIGNUP_MODE itself (the test helper's default is open).
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashOneTimeCode } from '../../../src/server/auth/one-time-code';
import { expectError, invite, login, person, signupRaw } from '../accounts-http';
import { freshClientIp, requestFrom } from '../auth-http';
import { dbOf } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';

/** A well-formed code nobody was given. */
const strangerCode = () => `inv_${crypto.randomBytes(32).toString('base64url')}`;

describe.each(['open', 'invite', 'closed'] as const)('SIGNUP_MODE=%s', (mode) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ SIGNUP_MODE: mode });
  });
  afterAll(() => t?.close());

  it('lets the first account on an empty server in, as admin', async () => {
    const res = await signupRaw(t, person('first'));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.user.role).toBe('admin');
  });

  it(
    mode === 'open' ? 'lets anyone else in as a member' : 'refuses anyone else without an invite',
    async () => {
      const res = await signupRaw(t, person());
      if (mode === 'open') {
        expect(res.status).toBe(201);
        expect(res.body.user.role).toBe('member');
      } else {
        const message = expectError(res, 403, 'SIGNUP_CLOSED');
        expect(message).toMatch(mode === 'invite' ? /invit/ : /does not take new accounts/);
      }
    },
  );
});

describe('SIGNUP_MODE=invite', () => {
  let t: TestServer;
  let admin: { token: string; user: { id: string; email: string } };
  beforeAll(async () => {
    t = await startTestServer({ SIGNUP_MODE: 'invite' });
    admin = await t.signup();
  });
  afterAll(() => t?.close());

  it('lets an invited person in with the role they were invited as, once', async () => {
    const member = person('mia');
    const code = await invite(t, admin.token, member.email);
    expect(code).toMatchObject({ email: member.email, role: 'member' });
    const days = (Date.parse(code.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
    const res = await signupRaw(t, { ...member, inviteToken: code.token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.user).toMatchObject({ email: member.email, role: 'member' });
    expect((await login(t, member.email)).status).toBe(200);

    const again = await signupRaw(t, { ...person(), email: member.email, inviteToken: code.token });
    expectError(again, 403, 'INVITE_INVALID');

    const boss = person('ada');
    const adminCode = await invite(t, admin.token, boss.email, 'admin');
    const promoted = await signupRaw(t, { ...boss, inviteToken: adminCode.token });
    expect(promoted.body.user.role).toBe('admin');
  });

  it('refuses an unknown code, a code for another email, and an expired code alike', async () => {
    const invited = person('ivy');
    const code = await invite(t, admin.token, invited.email);
    const unknown = await signupRaw(t, { ...invited, inviteToken: strangerCode() });
    const otherEmail = await signupRaw(t, { ...person('eve'), inviteToken: code.token });
    const message = expectError(unknown, 403, 'INVITE_INVALID');
    expect(message).toMatch(/Ask an administrator for a new one/);
    expect(otherEmail.body).toEqual(unknown.body);

    await dbOf(t)
      .updateTable('invites')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('tokenHash', '=', hashOneTimeCode(code.token))
      .execute();
    const expired = await signupRaw(t, { ...invited, inviteToken: code.token });
    expect(expired.body).toEqual(unknown.body);
  });

  it('keeps only the latest invite for an email, and only its hash', async () => {
    const invited = person('olu');
    const first = await invite(t, admin.token, invited.email);
    const second = await invite(t, admin.token, invited.email);
    expectError(
      await signupRaw(t, { ...invited, inviteToken: first.token }),
      403,
      'INVITE_INVALID',
    );
    const rows = await dbOf(t)
      .selectFrom('invites')
      .selectAll()
      .where('email', '=', invited.email)
      .execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(second.token);
    expect(rows[0]!.tokenHash).toBe(hashOneTimeCode(second.token));
    expect((await signupRaw(t, { ...invited, inviteToken: second.token })).status).toBe(201);
  });

  it('answers a sign-up without a code the same for a taken and a free email', async () => {
    const taken = await signupRaw(t, { ...person(), email: admin.user.email });
    const free = await signupRaw(t, person());
    expectError(taken, 403, 'SIGNUP_CLOSED');
    expect(taken.body).toEqual(free.body);
    const takenWithCode = await signupRaw(t, {
      ...person(),
      email: admin.user.email,
      inviteToken: strangerCode(),
    });
    const freeWithCode = await signupRaw(t, { ...person(), inviteToken: strangerCode() });
    expect(takenWithCode.body).toEqual(freeWithCode.body);
  });

  it('invites only people without an account, and only on an admin’s word', async () => {
    const res = await t.request('POST', '/api/admin/invites', {
      token: admin.token,
      json: { email: admin.user.email.toUpperCase() },
    });
    expect(expectError(res, 409, 'EMAIL_TAKEN')).toContain(admin.user.email);

    const member = person('mo');
    const code = await invite(t, admin.token, member.email);
    const { token } = (await signupRaw(t, { ...member, inviteToken: code.token })).body;
    const byMember = await t.request('POST', '/api/admin/invites', {
      token,
      json: { email: person().email },
    });
    expectError(byMember, 403, 'FORBIDDEN');
  });

  it('does not let an invite made before the server was closed open it again', async () => {
    const invited = person('late');
    const code = await invite(t, admin.token, invited.email);
    await t.server.close();
    const closed = await startTestServer({ SIGNUP_MODE: 'closed' }, { reuse: t });
    try {
      expectError(
        await signupRaw(closed, { ...invited, inviteToken: code.token }),
        403,
        'SIGNUP_CLOSED',
      );
      const { token } = (await login(closed, admin.user.email, 'correct horse battery')).body;
      const res = await closed.request('POST', '/api/admin/invites', {
        token,
        json: { email: person().email },
      });
      expect(expectError(res, 403, 'SIGNUP_CLOSED')).toMatch(/SIGNUP_MODE=invite/);
    } finally {
      await closed.close();
    }
  });
});

describe('SIGNUP_MODE=open', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ SIGNUP_MODE: 'open' });
    await t.signup();
  });
  afterAll(() => t?.close());

  it('still checks a code that is given', async () => {
    expectError(
      await signupRaw(t, { ...person(), inviteToken: strangerCode() }),
      403,
      'INVITE_INVALID',
    );
  });

  it('keeps usernames unique whatever their case', async () => {
    const first = person();
    expect((await signupRaw(t, { ...first, username: 'Grace Hopper' })).status).toBe(201);
    const res = await signupRaw(t, { ...person(), username: 'grace HOPPER' });
    expect(expectError(res, 409, 'USERNAME_TAKEN')).toMatch(/"grace HOPPER" is taken/);
  });
});

describe('the sign-up throttle', () => {
  const BUDGET = 3;
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ SIGNUP_MODE: 'open', SIGNUP_MAX_PER_HOUR: String(BUDGET) });
  });
  afterAll(() => t?.close());

  it(`takes ${BUDGET} sign-ups an hour from one address, failed ones included`, async () => {
    const ip = freshClientIp();
    const taken = person();
    const statuses: number[] = [];
    for (const body of [taken, person(), { ...person(), email: taken.email }]) {
      statuses.push((await requestFrom(t, ip, 'POST', '/api/auth/signup', { json: body })).status);
    }
    expect(statuses).toEqual([201, 201, 409]);
    const next = await requestFrom(t, ip, 'POST', '/api/auth/signup', { json: person() });
    expect(expectError(next, 429, 'RATE_LIMITED')).toMatch(/wait \d+ minutes?/i);
    const elsewhere = await requestFrom(t, freshClientIp(), 'POST', '/api/auth/signup', {
      json: person(),
    });
    expect(elsewhere.status).toBe(201);
  });
});
