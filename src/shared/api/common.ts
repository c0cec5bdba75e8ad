// Building blocks shared by the API contracts.
import { z } from 'zod';
import { safeText } from './safe-text';

export const idSchema = z.uuid({ error: 'must be a UUID' });
export const sha256Schema = z
  .string()
  .regex(/^[a-f0-9]{64}$/, 'must be 64 lowercase hex characters (a SHA-256 digest)');
/** A ThumbHash, base64: 5 to 25 bytes (the format's own bounds), so at most 36 characters. */
export const thumbhashSchema = z
  .string()
  .regex(/^[A-Za-z0-9+/]{7,34}={0,2}$/, 'must be a ThumbHash in base64 (at most 25 bytes)')
  .refine((s) => s.length % 4 === 0, 'must be a ThumbHash in base64 (at most 25 bytes)');
export const isoDateSchema = z.iso.datetime({ offset: true });

/** A client-proposed random key part: URL-safe, long enough to be unguessable, short enough to be sane. */
export const KEY_HINT_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
export const keyHintSchema = z
  .string()
  .regex(KEY_HINT_PATTERN, 'must be 22-64 characters of A-Z, a-z, 0-9, "_" or "-"');

/** Object keys the server hands out; anything else is refused before touching the store. */
export const objectKeySchema = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[A-Za-z0-9_./-]+$/, 'must be an object key returned by the server');

export const filenameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  .refine(
    (s) => ![...s].some((c) => c.charCodeAt(0) < 0x20),
    'must not contain control characters',
  );

export const tagSchema = safeText({ min: 1, max: 64 });
export const tagsSchema = z.array(tagSchema).max(50, 'at most 50 tags');

export const okSchema = z.object({ ok: z.literal(true) });
