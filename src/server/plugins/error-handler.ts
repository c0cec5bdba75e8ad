// One error shape for every failure: {"error":{"code","message"}}. 4xx messages pass through,
// 5xx answers are generic and the details go only to the log, with the request's context.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { CodedError, ERROR_CODES, type ErrorCode } from '../../shared/errors';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  AUTH_REQUIRED: 401,
  AUTH_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  EMAIL_TAKEN: 409,
  FORBIDDEN: 403,
  KEY_NOT_PRESIGNED: 400,
  KEY_ALREADY_USED: 409,
  OBJECT_MISSING: 409,
  OBJECT_MISMATCH: 422,
  CONTENT_MISMATCH: 422,
  REFRESH_RACED: 409,
  STORAGE_UNAVAILABLE: 503,
  SERVER_BUSY: 503,
  UNSUPPORTED_TYPE: 415,
  CORRUPT_IMAGE: 422,
  IMAGE_TOO_LARGE: 422,
  FILE_TOO_LARGE: 413,
  FILE_NOT_FOUND: 400,
  NOT_A_FILE: 400,
  NETWORK_ERROR: 502,
  DUPLICATE: 409,
  CANCELED: 400,
  INTERNAL: 500,
  KEYCHAIN_UNAVAILABLE: 500,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SIGNUP_CLOSED: 403,
  INVITE_INVALID: 403,
  USERNAME_TAKEN: 409,
  ACCOUNT_DISABLED: 401,
  LAST_ADMIN: 409,
  QUOTA_EXCEEDED: 403,
  WRONG_PASSWORD: 403,
  RESET_TOKEN_INVALID: 403,
  HEADERS_TOO_LARGE: 431,
  URL_TOO_LONG: 414,
  REQUEST_TIMEOUT: 408,
  IN_TRASH: 409,
};

const CLIENT_ERROR_CODES: Partial<Record<number, ErrorCode>> = {
  401: 'AUTH_REQUIRED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  // toHttpError answers 429s with their own message first; listed so codesForStatus knows it.
  429: 'RATE_LIMITED',
};

export function statusForCode(code: ErrorCode): number {
  return STATUS[code];
}

/**
 * Every code that toHttpError can put in an answer with this status (or any 5xx status): the
 * codes STATUS gives it, plus the code a plain Fastify or plugin error of that status gets. The
 * OpenAPI document narrows each error response to these, and the response serializer checks
 * them, so this must never leave out a code that toHttpError can send.
 */
export function codesForStatus(status: number | '5xx'): ErrorCode[] {
  const matches = (s: number) => (status === '5xx' ? s >= 500 : s === status);
  const codes = ERROR_CODES.filter((code) => matches(STATUS[code]));
  const fallback =
    status === '5xx' || status >= 500
      ? 'INTERNAL'
      : (CLIENT_ERROR_CODES[status] ?? 'VALIDATION_FAILED');
  return codes.includes(fallback) ? codes : [...codes, fallback];
}

const GENERIC_5XX =
  'Something went wrong on the server. Try again; if it keeps failing, tell your administrator.';

const PLACES: Record<string, string> = {
  body: 'request body',
  querystring: 'query string',
  params: 'URL',
  headers: 'request headers',
};

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: { expected?: unknown };
}

function valueAt(root: unknown, segments: string[]): unknown {
  let value = root;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** One issue as a phrase: `"email" is required`, `"size" must be a number`. */
function describeIssue(issue: ValidationIssue, input: unknown): string {
  const segments = (issue.instancePath ?? '').split('/').filter(Boolean);
  const value = valueAt(input, segments);
  const expected = typeof issue.params?.expected === 'string' ? issue.params.expected : undefined;
  let problem: string;
  if (issue.keyword === 'invalid_type' && value === undefined && segments.length > 0) {
    problem = 'is required';
  } else if (issue.keyword === 'invalid_type' && expected) {
    const noun = expected === 'object' ? 'JSON object' : expected;
    problem = `must be ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
  } else if (issue.keyword === 'unrecognized_keys') {
    problem = issue.message ?? 'has unknown fields';
  } else {
    // The shared schemas word their messages to follow the field name ("must be ...").
    problem = issue.message ?? 'is not valid';
  }
  return segments.length > 0 ? `"${segments.join('.')}" ${problem}` : problem;
}

function describeValidation(error: FastifyError, input: unknown): string {
  const where = PLACES[error.validationContext ?? ''] ?? 'request';
  const issues = (error.validation ?? []) as ValidationIssue[];
  if (issues.length === 0) return `The ${where} is not valid.`;
  const shown = issues.slice(0, 3).map((issue) => describeIssue(issue, input));
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return `The ${where} is not valid: ${shown.join('; ')}${more}.`;
}

/** Maps any thrown value to a status and a body that is safe to show a client. */
export function toHttpError(
  error: unknown,
  request?: { body?: unknown; query?: unknown; params?: unknown; headers?: unknown },
): { status: number; code: ErrorCode; message: string } {
  if (error instanceof CodedError) {
    const status = STATUS[error.code];
    return { status, code: error.code, message: error.message };
  }
  const e = error as FastifyError & { statusCode?: number };
  if (hasZodFastifySchemaValidationErrors(e) || e.validation) {
    const input = {
      body: request?.body,
      querystring: request?.query,
      params: request?.params,
      headers: request?.headers,
    }[e.validationContext ?? 'body'];
    return { status: 400, code: 'VALIDATION_FAILED', message: describeValidation(e, input) };
  }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        code: 'MALFORMED_JSON',
        message: 'The request body is not valid JSON. Send a JSON object.',
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return {
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The request is larger than this server accepts. Send a smaller body or file.',
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'This endpoint does not accept that Content-Type. Send application/json.',
      };
    case 'FST_ERR_BAD_URL':
      return {
        status: 400,
        code: 'VALIDATION_FAILED',
        message:
          'The URL is not valid: it holds a malformed percent-encoding (such as "%zz"). Encode each path segment with encodeURIComponent.',
      };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return {
        status: 414,
        code: 'URL_TOO_LONG',
        message: 'A part of the URL is longer than this server reads. Check the link.',
      };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Send the image as multipart/form-data with the file in the "image" field.',
      };
  }
  if (e.statusCode === 429) {
    return {
      status: 429,
      code: 'RATE_LIMITED',
      message: 'Too many requests. Wait a minute and try again.',
    };
  }
  // Other client errors raised by Fastify or a plugin: their messages describe the request.
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    const code = CLIENT_ERROR_CODES[e.statusCode] ?? 'VALIDATION_FAILED';
    return { status: e.statusCode, code, message: e.message };
  }
  return { status: 500, code: 'INTERNAL', message: GENERIC_5XX };
}

export function setupErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const http = toHttpError(error, request);
    if (http.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: http.code }, http.message);
    void reply.status(http.status).send({ error: { code: http.code, message: http.message } });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({
      error: {
        code: 'NOT_FOUND',
        message: `There is no ${request.method} ${request.url.split('?')[0]} endpoint.`,
      },
    });
  });
}
