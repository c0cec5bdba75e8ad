// Opaque keyset cursors: the last row's sort value and id, so pages stay stable under inserts.
import { CodedError } from '../../shared/errors';
import type { ImageSort } from '../../shared/api';

/** The trash has one order of its own (newest trashed first). */
export type CursorSort = ImageSort | 'trashed';

export interface Cursor {
  sort: CursorSort;
  /** null only for the date-taken sorts, once the page reached the images without a date. */
  value: string | number | null;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function isoInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * A cursor is client input that ends up in SQL parameters, so each field must have the type its
 * column needs; otherwise a hand-made cursor turns into a database error (a 500) instead of a 400.
 */
function valueFits(sort: CursorSort, value: unknown): value is string | number | null {
  switch (sort) {
    case 'taken':
    case 'taken-oldest':
      return value === null || isoInstant(value);
    case 'newest':
    case 'oldest':
    case 'trashed':
      return isoInstant(value);
    case 'name':
    case 'name-desc':
      // PostgreSQL text cannot hold NUL: such a value would fail in the query, not here.
      return typeof value === 'string' && value.length <= 1000 && !value.includes('\u0000');
    case 'size':
    case 'smallest':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  }
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');
}

export function decodeCursor(raw: string, sort: CursorSort): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      parsed[0] === sort &&
      valueFits(sort, parsed[1]) &&
      typeof parsed[2] === 'string' &&
      UUID.test(parsed[2])
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
