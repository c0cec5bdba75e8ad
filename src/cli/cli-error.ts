// Errors the CLI reports: usage errors exit 2, everything else 1.
import { CodedError } from '../shared/errors';

export class UsageError extends Error {
  override name = 'UsageError';
}

export function describeError(error: unknown): string {
  if (error instanceof CodedError) return `${error.message} (${error.code})`;
  if (error instanceof Error) return error.message;
  return String(error);
}
