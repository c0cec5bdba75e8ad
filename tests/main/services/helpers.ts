// Shared setup for the main-process service tests: an in-memory keychain (keytar itself is
// tested against gnome-keyring in tests/keychain), temp data dirs and small real images.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll } from 'vitest';
import {
  KEYCHAIN_SERVICE,
  TokenStore,
  type SecretBackend,
} from '../../../src/main/services/token-store';

export class MemorySecrets implements SecretBackend {
  /** account → secret, for the app's keychain service only. */
  readonly accounts = new Map<string, string>();
  calls = 0;

  async getPassword(service: string, account: string): Promise<string | null> {
    this.calls += 1;
    return service === KEYCHAIN_SERVICE ? (this.accounts.get(account) ?? null) : null;
  }
  async setPassword(service: string, account: string, password: string): Promise<void> {
    this.calls += 1;
    if (service !== KEYCHAIN_SERVICE) throw new Error(`unexpected keychain service ${service}`);
    this.accounts.set(account, password);
  }
  async deletePassword(service: string, account: string): Promise<boolean> {
    this.calls += 1;
    return service === KEYCHAIN_SERVICE && this.accounts.delete(account);
  }
}

/**
 * A TokenStore over `secrets`. The env token is '' rather than undefined unless given, so an
 * IMAGE_DESK_TOKEN in the developer's shell cannot leak into the tests.
 */
export function memoryTokenStore(secrets: SecretBackend, envToken = ''): TokenStore {
  return new TokenStore(async () => secrets, envToken);
}

/** A fresh temp dir per call, all removed after the test file. */
export function tempDirs(prefix = 'image-desk-main-'): () => Promise<string> {
  const made: string[] = [];
  afterAll(async () => {
    await Promise.all(made.map((dir) => fs.rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

/** A real JPEG on disk, e.g. to use as a profile picture. */
export async function writeJpeg(dir: string, name = 'me.jpg', size = 900): Promise<string> {
  const file = path.join(dir, name);
  await sharp({
    create: { width: size, height: Math.round(size * 0.75), channels: 3, background: '#4a7fc1' },
  })
    .jpeg()
    .toFile(file);
  return file;
}

export const uniqueEmail = (label = 'user') =>
  `${label}-${Math.random().toString(36).slice(2, 10)}@example.com`;
