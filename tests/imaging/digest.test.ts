// Content hashes and random key parts used to name stored objects.
import { describe, expect, it } from 'vitest';
import { randomKeyPart, sha256Hex } from '../../src/imaging';

describe('sha256Hex', () => {
  it('matches the published SHA-256 of "abc"', () => {
    expect(sha256Hex(Buffer.from('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('randomKeyPart', () => {
  it('is URL-safe and carries at least 128 bits', () => {
    const part = randomKeyPart();
    expect(part).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(Buffer.from(part, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('does not repeat', () => {
    const parts = new Set(Array.from({ length: 1000 }, () => randomKeyPart()));
    expect(parts.size).toBe(1000);
  });
});
