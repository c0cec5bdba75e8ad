// One error shape for every failure: {"error":{"code","message"}}. 4xx messages pass through,
// 5xx answers are generic and the details go only to the log, with the request's context.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { CodedError, type ErrorCode } from '../../shared/errors';

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
  STORAGE_UNAVAILABLE: 503,
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
};

export function statusForCode(code: ErrorCode): number {
  return STATUS[code];
}

const GENERIC_5XX =
  'Something went wrong on the server. Try again; if it keeps failing, tell your administrator.';

function describeValidation(error: FastifyError): string {
  const where = error.validationContext ?? 'request';
  const first = error.validation?.[0];
  if (!first) return `The ${where} is not valid.`;
  const field = (first.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  return `${where}${field ? `.${field}` : ''}: ${first.message ?? 'is not valid'}`;
}

/** Maps any thrown value to a status and a body that is safe to show a client. */
export function toHttpError(error: unknown): { status: number; code: ErrorCode; message: string } {
  if (error instanceof CodedError) {
    const status = STATUS[error.code];
    return { status, code: error.code, message: error.message };
  }
  const e = error as FastifyError & { statusCode?: number };
  if (hasZodFastifySchemaValidationErrors(e) || e.validation) {
    return { status: 400, code: 'VALIDATION_FAILED', message: describeValidation(e) };
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
        code: 'VALIDATION_FAILED',
        message: 'This endpoint does not accept that Content-Type. Send application/json.',
      };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return {
        status: 415,
        code: 'VALIDATION_FAILED',
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
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, code: 'VALIDATION_FAILED', message: e.message };
  }
  return { status: 500, code: 'INTERNAL', message: GENERIC_5XX };
}

export function setupErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const http = toHttpError(error);
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
