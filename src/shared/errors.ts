// Stable error codes shared by the server, the desktop main process, the CLI and the renderer.
// A code never changes meaning once shipped; the message is a sentence a person can act on.
import { z } from 'zod';

export const ERROR_CODES = [
  // Request shape and routing
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  // Auth
  'AUTH_REQUIRED',
  'AUTH_EXPIRED',
  'INVALID_CREDENTIALS',
  'EMAIL_TAKEN',
  'FORBIDDEN',
  // Uploads and storage
  'KEY_NOT_PRESIGNED',
  'KEY_ALREADY_USED',
  'OBJECT_MISSING',
  'OBJECT_MISMATCH',
  'CONTENT_MISMATCH',
  'STORAGE_UNAVAILABLE',
  'SERVER_BUSY',
  // Images on disk or in a request
  'UNSUPPORTED_TYPE',
  'CORRUPT_IMAGE',
  'IMAGE_TOO_LARGE',
  'FILE_TOO_LARGE',
  'FILE_NOT_FOUND',
  'NOT_A_FILE',
  // Client-side transport
  'NETWORK_ERROR',
  'DUPLICATE',
  'CANCELED',
  'INTERNAL',
  'KEYCHAIN_UNAVAILABLE',
  // Appended codes (a code's position never matters; its meaning never changes)
  /** The request's Content-Type is not one this endpoint reads (HTTP 415). */
  'UNSUPPORTED_MEDIA_TYPE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorCodeSchema = z.enum(ERROR_CODES);

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** An error that carries a stable code and a human sentence; safe to show to a user. */
export class CodedError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CodedError';
    this.code = code;
  }
}

export function isCodedError(value: unknown): value is CodedError {
  return value instanceof CodedError;
}
