// Which server URLs the desktop app and CLI send a password and token to: https anywhere, plain
// http only to this computer.
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/main/services/api-client';
import { isLoopbackHost, serverUrlProblem } from '../../src/shared/server-url';

describe('serverUrlProblem', () => {
  it.each([
    'https://images.example.com',
    'https://10.0.0.5:8443/desk',
    'http://127.0.0.1:8787',
    'http://127.10.20.30',
    'http://localhost:8787',
    'http://LOCALHOST',
    'http://[::1]:8787',
  ])('accepts %s', (url) => {
    expect(serverUrlProblem(url)).toBeUndefined();
  });

  it.each([
    ['http://images.example.com', 'Use https:// for images.example.com'],
    ['http://192.168.1.20:8787', 'Use https:// for 192.168.1.20:8787'],
    ['http://127.0.0.1.evil.example', 'Use https:// for 127.0.0.1.evil.example'],
    ['http://[::ffff:127.0.0.1]', 'Use https://'],
    ['ftp://files.example.com', 'must start with https://'],
    ['images.example.com', 'is not a URL'],
  ])('refuses %s with a sentence', (url, expected) => {
    expect(serverUrlProblem(url)).toContain(expected);
  });

  it('knows the loopback names and only those', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('localhost.example.com')).toBe(false);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
  });
});

describe('ApiClient', () => {
  it('will not be made for a remote http:// server (a token would travel in clear)', () => {
    expect(() => new ApiClient({ serverUrl: 'http://images.example.com' })).toThrow(
      /would cross the network unencrypted/,
    );
    expect(new ApiClient({ serverUrl: 'http://127.0.0.1:8787/' }).serverUrl).toBe(
      'http://127.0.0.1:8787',
    );
  });
});
