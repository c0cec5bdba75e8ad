// Errors from the backend or the network, with the HTTP status and whether a retry may help.
import { isAxiosError } from 'axios';
import { CodedError, errorBodySchema, type ErrorCode } from '../../shared/errors';

export class ApiError extends CodedError {
  readonly status: number | undefined;
  readonly retryable: boolean;
  constructor(
    code: ErrorCode,
    message: string,
    options: { status?: number; retryable?: boolean; cause?: unknown } = {},
  ) {
    super(code, message, { cause: options.cause });
    this.name = 'ApiError';
    this.status = options.status;
    this.retryable = options.retryable ?? false;
  }
}

/** 5xx and 429 are worth retrying; so is S3's SlowDown (503) and a dropped connection. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

export function toApiError(error: unknown, serverUrl: string): ApiError {
  if (error instanceof ApiError) return error;
  if (isAxiosError(error)) {
    if (error.code === 'ERR_CANCELED') {
      return new ApiError('CANCELED', 'The request was canceled.', { cause: error });
    }
    const status = error.response?.status;
    if (status === undefined) {
      return new ApiError(
        'NETWORK_ERROR',
        `Cannot reach the server at ${serverUrl}. Check the server URL and your connection.`,
        { retryable: true, cause: error },
      );
    }
    const parsed = errorBodySchema.safeParse(error.response?.data);
    if (parsed.success) {
      return new ApiError(parsed.data.error.code, parsed.data.error.message, {
        status,
        retryable: isRetryableStatus(status),
      });
    }
    return new ApiError(
      status === 401 ? 'AUTH_REQUIRED' : status === 429 ? 'RATE_LIMITED' : 'NETWORK_ERROR',
      `The server at ${serverUrl} answered with HTTP ${status}.`,
      { status, retryable: isRetryableStatus(status), cause: error },
    );
  }
  if (error instanceof CodedError) return new ApiError(error.code, error.message, { cause: error });
  return new ApiError('INTERNAL', 'Something unexpected went wrong. Try again.', { cause: error });
}
