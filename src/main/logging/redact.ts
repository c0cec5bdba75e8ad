// Removes credentials from text before it reaches a log file: bearer and basic credentials,
// authorization headers, JWTs, the signing part of presigned URLs, passwords and tokens in
// JSON, inspected objects, query strings and form bodies. Plain Node, applied to every line.
import { inspect } from 'node:util';

export const REDACTED = '[redacted]';

/** Query parameters that make a URL a credential (S3 presigned URLs). */
const SIGNED_URL_PARAM = /[?&]x-amz-(?:signature|credential|security-token)=/i;

/** Names whose values are secrets wherever they appear as `name: value` or `name=value`. */
const SECRET_NAME = String.raw`(?:(?:proxy-)?authorization|password|passwd|(?:new|current|old)_?password|(?:client_?)?secret|(?:access|refresh|id|session|bridge|auth)?[_-]?token|api[_-]?key|x-amz-(?:signature|credential|security-token))`;

/** A quoted value (JSON, inspect output, escaped JSON inside a string) or a bare one. */
const VALUE = String.raw`(\\"(?:[^\\]|\\[^"])*?\\"|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|(?:(?:Bearer|Basic|Token)\s+)?[^\s,;&}\]"'\\]+)`;

const keyValue = new RegExp(
  String.raw`((?:\\?["'])?\b${SECRET_NAME}(?:\\?["'])?\s*[:=]\s*)${VALUE}`,
  'gi',
);

function quoteOf(value: string): string {
  if (value.startsWith('\\"')) return '\\"';
  return value[0] === '"' || value[0] === "'" ? value[0] : '';
}

type Replacer = (match: string, ...groups: string[]) => string;

const rules: Array<[RegExp, Replacer]> = [
  // A presigned URL keeps its origin and path (which object), never its query (the signature).
  [
    /\bhttps?:\/\/[^\s"'<>`]+/gi,
    (url) => (SIGNED_URL_PARAM.test(url) ? `${url.split('?')[0]}?${REDACTED}` : url),
  ],
  // Cookie headers hold several `name=value;` pairs: the rest of the line goes.
  [/\b((?:set-)?cookie\s*:\s*)(?!["'])[^\r\n]+/gi, (_m, name: string) => `${name}${REDACTED}`],
  [
    keyValue,
    (_m, name: string, value: string) => {
      const quote = quoteOf(value);
      return `${name}${quote}${REDACTED}${quote}`;
    },
  ],
  // JWTs anywhere (header.payload.signature, each base64url), named or not.
  [/\beyJ[\w-]*\.[\w-]+\.[\w-]*/g, () => REDACTED],
  // `Bearer abc…` written without a header name.
  [
    /\b(Bearer|Basic)\s+(?!\[redacted\])[\w.~+/=-]+/gi,
    (_m, scheme: string) => `${scheme} ${REDACTED}`,
  ],
];

export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replace] of rules) result = result.replace(pattern, replace);
  return result;
}

/**
 * A log call's arguments as redacted text. Objects and errors are written out first (as the log
 * file would write them), so a token nested in an error's request config is caught as well.
 */
export function redactLogData(data: readonly unknown[]): string[] {
  return data.map((value) =>
    redactText(typeof value === 'string' ? value : inspect(value, { depth: 5, breakLength: 120 })),
  );
}
