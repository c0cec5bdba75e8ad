// Retries for transient failures only (network errors, 5xx, 429, S3 SlowDown), with exponential
// backoff and jitter so many files failing at once do not hammer a recovering server in step.
import pRetry from 'p-retry';
import { ApiError } from '../services/api-error';

export interface RetryOptions {
  retries: number;
  minTimeoutMs: number;
  maxTimeoutMs: number;
}

/** About a minute of patience in total: long enough to ride out a server restart. */
export const DEFAULT_RETRY: RetryOptions = { retries: 6, minTimeoutMs: 500, maxTimeoutMs: 20_000 };

export function withRetry<T>(
  fn: () => Promise<T>,
  options: RetryOptions,
  signal: AbortSignal,
): Promise<T> {
  return pRetry(fn, {
    retries: options.retries,
    minTimeout: options.minTimeoutMs,
    maxTimeout: options.maxTimeoutMs,
    factor: 2,
    randomize: true,
    signal,
    shouldRetry: ({ error }) => error instanceof ApiError && error.retryable && !signal.aborted,
  });
}

/** For client calls that take no AbortSignal: stop waiting for them when the item is aborted. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}
