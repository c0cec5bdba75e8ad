// HTTP steps of account administration, for the API tests of sign-up modes and people.
import crypto from 'node:crypto';
import { expect } from 'vitest';
import { errorBodySchema } from '../../src/shared/errors';
import type { TestServer } from './test-server';

export const PASSWORD = 'correct horse battery';

let counter = 0;
/** A new person's details; unique within the run. */
export function person(name = 'pat') {
  counter += 1;
  const id = `${counter}-${crypto.randomUUID().slice(0, 6)}`;
  return { email: `${name}.${id}@example.com`, password: PASSWORD, username: `${name} ${id}` };
}

export function signupRaw(t: TestServer, body: Record<string, unknown>) {
  return t.request('POST', '/api/auth/signup', { json: body });
}

export async function invite(
  t: TestServer,
  adminToken: string,
  email: string,
  role?: 'admin' | 'member',
): Promise<{ token: string; expiresAt: string; email: string; role: string }> {
  const res = await t.request('POST', '/api/admin/invites', {
    token: adminToken,
    json: { email, ...(role ? { role } : {}) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export function login(t: TestServer, email: string, password = PASSWORD) {
  return t.request('POST', '/api/auth/login', { json: { email, password } });
}

export function me(t: TestServer, token: string) {
  return t.request('GET', '/api/auth/me', { token });
}

/** Checks the one error shape and code; returns the message. */
export function expectError(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const body = errorBodySchema.strict().parse(res.body);
  expect(body.error.code).toBe(code);
  return body.error.message;
}
