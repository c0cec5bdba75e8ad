// Opaque keyset cursors: the last row's sort value and id, so pages stay stable under inserts.
import { CodedError } from '../../shared/errors';
import type { ImageSort } from '../../shared/api';

export interface Cursor {
  sort: ImageSort;
  value: string | number;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');
}

export function decodeCursor(raw: string, sort: ImageSort): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      parsed[0] === sort &&
      (typeof parsed[1] === 'string' || typeof parsed[1] === 'number') &&
      typeof parsed[2] === 'string' &&
      /^[0-9a-f-]{36}$/.test(parsed[2])
    ) {
      return { sort, value: parsed[1], id: parsed[2] };
    }
  } catch {
    // fall through to the coded error
  }
  throw new CodedError(
    'VALIDATION_FAILED',
    'cursor: is not a cursor from this listing; start again without it.',
  );
}
