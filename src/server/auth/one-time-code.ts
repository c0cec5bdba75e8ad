// One-time codes (invites, password resets, refresh tokens): 256 random bits handed out once; the database keeps
// only their SHA-256, so a copy of the database cannot be used to sign up or take an account
// over. A fast hash is enough for a random 256-bit secret (nothing to brute-force).
import crypto from 'node:crypto';

export function newOneTimeCode(prefix: 'inv' | 'rst' | 'rft'): { code: string; hash: string } {
  const code = `${prefix}_${crypto.randomBytes(32).toString('base64url')}`;
  return { code, hash: hashOneTimeCode(code) };
}

export function hashOneTimeCode(code: string): string {
  return crypto.createHash('sha256').update(code, 'utf8').digest('hex');
}
