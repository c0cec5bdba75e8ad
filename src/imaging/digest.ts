// Content hashes for stored variants and unguessable random parts for object keys.
import { createHash, randomBytes } from 'node:crypto';

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** 128 random bits as base64url (22 chars of [A-Za-z0-9_-]): safe in URLs and S3 keys. */
export function randomKeyPart(): string {
  return randomBytes(16).toString('base64url');
}
