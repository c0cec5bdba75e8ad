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
  'REFRESH_RACED',
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
  /** This server takes no new accounts without an invite, or none at all (SIGNUP_MODE). */
  'SIGNUP_CLOSED',
  /** The invite is unknown, expired, used, or for another email. */
  'INVITE_INVALID',
  /** The username is taken (usernames are unique whatever their case). */
  'USERNAME_TAKEN',
  /** An administrator disabled the account: its tokens and password do not work. */
  'ACCOUNT_DISABLED',
  /** The change would leave no enabled administrator. */
  'LAST_ADMIN',
  /** The upload would take the account past USER_QUOTA_BYTES. */
  'QUOTA_EXCEEDED',
  /** The current password given to change it is not correct. */
  'WRONG_PASSWORD',
  /** The password reset code is unknown, expired or used. */
  'RESET_TOKEN_INVALID',
  /** The request's headers are larger than the server reads (HTTP 431). */
  'HEADERS_TOO_LARGE',
  /** A path segment is longer than the server reads (HTTP 414). */
  'URL_TOO_LONG',
  /** The request did not arrive in full in time (HTTP 408). */
  'REQUEST_TIMEOUT',
  /** The image is in the trash: restore it before editing it. */
  'IN_TRASH',
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
