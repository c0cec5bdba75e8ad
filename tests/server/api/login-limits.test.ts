// Sign-in limits as a person meets them: a stranger's wrong guesses lock out the stranger's
// address, not the account's owner; successful sign-ins cost an address nothing; guessing spread
// over many addresses meets a slower account-wide back-off that still lets the owner's own
// devices in. Two servers sharing one budget: tests/server/multi-server/shared-limits.test.ts.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../src/shared/errors';
import { freshClientIp, requestFrom } from '../auth-http';
import { startTestServer, type TestServer } from '../test-server';

const MAX = 3;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ LOGIN_MAX_ATTEMPTS: String(MAX) });
});
afterAll(() => t?.close());

const newEmail = () => `user-${crypto.randomUUID().slice(0, 8)}@example.com`;

function login(server: TestServer, email: string, password: string, ip: string) {
  return requestFrom(server, ip, 'POST', '/api/auth/login', { json: { email, password } });
}

function expectError(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const body = errorBodySchema.parse(res.body);
  expect(body.error.code).toBe(code);
  return body.error.message;
}

describe('wrong passwords', () => {
  it(`lock out the address that guessed after ${MAX}, not the owner elsewhere`, async () => {
    const { user, password } = await t.signup();
    const owner = freshClientIp();
    const stranger = freshClientIp();
    for (let i = 0; i < MAX; i += 1) {
      expectError(await login(t, user.email, 'wrong guess', stranger), 401, 'INVALID_CREDENTIALS');
    }
    // The stranger is stopped, even with the right password...
    const locked = await login(t, user.email, password, stranger);
    expect(expectError(locked, 429, 'RATE_LIMITED')).toMatch(/wait \d+ minutes?/i);
    // ...while the owner signs in from their own address as usual.
    expect((await login(t, user.email, password, owner)).status).toBe(200);
  });

  it('count parallel guesses from one address before any of them is checked', async () => {
    const { user } = await t.signup();
    const ip = freshClientIp();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => login(t, user.email, `guess ${i}`, ip)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10 - MAX);
  });

  it('are forgiven once the right password is given', async () => {
    const { user, password } = await t.signup();
    const ip = freshClientIp();
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < MAX - 1; i += 1) {
        expectError(await login(t, user.email, 'typo', ip), 401, 'INVALID_CREDENTIALS');
      }
      expect((await login(t, user.email, password, ip)).status).toBe(200);
    }
  });
});

describe('one address', () => {
  it(`gets ${MAX * 3} failed attempts across many emails`, async () => {
    const ip = freshClientIp();
    for (let i = 0; i < MAX * 3; i += 1) {
      expectError(await login(t, newEmail(), 'whatever it is', ip), 401, 'INVALID_CREDENTIALS');
    }
    const { user, password } = await t.signup();
    expectError(await login(t, user.email, password, ip), 429, 'RATE_LIMITED');
    expect((await login(t, user.email, password, freshClientIp())).status).toBe(200);
  });

  it('is not charged for successful sign-ins (an office behind one NAT)', async () => {
    const ip = freshClientIp();
    const people = await Promise.all([t.signup(), t.signup()]);
    for (let i = 0; i < MAX * 3 + 3; i += 1) {
      const person = people[i % 2]!;
      const res = await login(t, person.user.email, person.password, ip);
      expect(res.status, `sign-in ${i + 1}`).toBe(200);
    }
    // Failures still count in full afterwards.
    for (let i = 0; i < MAX * 3; i += 1) {
      expectError(await login(t, newEmail(), 'not it', ip), 401, 'INVALID_CREDENTIALS');
    }
    expectError(
      await login(t, people[0]!.user.email, people[0]!.password, ip),
      429,
      'RATE_LIMITED',
    );
  });
});

describe('guessing spread over many addresses', () => {
  it(`meets an account-wide back-off after ${MAX * 10} failures that spares the owner's devices`, async () => {
    const { user, password } = await t.signup();
    const owner = freshClientIp();
    expect((await login(t, user.email, password, owner)).status).toBe(200);
    // Ten addresses, each stopping at its own limit: 10 × MAX failures for the account.
    for (let a = 0; a < 10; a += 1) {
      const ip = freshClientIp();
      for (let i = 0; i < MAX; i += 1) {
        expectError(await login(t, user.email, `guess ${a}.${i}`, ip), 401, 'INVALID_CREDENTIALS');
      }
    }
    const elsewhere = await login(t, user.email, password, freshClientIp());
    expect(expectError(elsewhere, 429, 'RATE_LIMITED')).toMatch(/several places/);
    // The address the owner signed in from before still works.
    expect((await login(t, user.email, password, owner)).status).toBe(200);
  });
});
