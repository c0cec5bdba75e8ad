// Text that people type and other people read (titles, alt text, tags, album names, usernames,
// search terms). One rule for every side: no control characters and no bidirectional overrides.
// NUL makes PostgreSQL refuse the row (a 500 instead of a 400); ESC, BEL and the C1 range drive
// terminals (the CLI prints these names); U+202A–U+202E and U+2066–U+2069 reorder what is
// displayed, so "gpj.exe" can read as "exe.jpg". Line breaks are control characters too: every
// one of these fields is shown on one line.
import { z } from 'zod';

/**
 * Written as "only allowed characters" so the OpenAPI document carries the rule as a `pattern`
 * (C0 incl. NUL, tab and line breaks; DEL; C1; bidi embeddings, overrides and isolates).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const SAFE_TEXT_PATTERN = /^[^\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/;

export const UNSAFE_TEXT_MESSAGE =
  'must not contain control characters (such as NUL, ESC or a line break) or bidirectional override characters';

export function isSafeText(text: string): boolean {
  return SAFE_TEXT_PATTERN.test(text);
}

/**
 * A trimmed string of `min` to `max` characters without control or bidi-override characters.
 * Messages follow the field name, as the server's validation sentences put them:
 * `"title" must not contain control characters …`.
 */
export function safeText(options: { min?: number; max: number }) {
  let schema = z.string().trim();
  if (options.min !== undefined && options.min > 0) {
    const message =
      options.min === 1 ? 'must not be empty' : `must be at least ${options.min} characters`;
    schema = schema.min(options.min, message);
  }
  return schema
    .max(options.max, `must be at most ${options.max} characters`)
    .regex(SAFE_TEXT_PATTERN, UNSAFE_TEXT_MESSAGE);
}
