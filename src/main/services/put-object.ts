// PUT bytes to a presigned URL with exactly the headers the server returned, reporting progress.
import axios from 'axios';
import { ApiError, isRetryableStatus } from './api-error';
import { bufferBody } from './buffer-body';

export interface PresignedTarget {
  url: string;
  headers: Record<string, string>;
}

export async function putObject(
  target: PresignedTarget,
  data: Buffer,
  options: {
    onProgress?: (sentBytes: number) => void;
    signal?: AbortSignal;
    timeoutMs?: number;
  } = {},
): Promise<void> {
  let status: number;
  let body: string;
  try {
    const res = await axios.put(target.url, bufferBody(data, options.onProgress), {
      // A stream has no length of its own; the presigned signature binds this one anyway.
      headers: { ...target.headers, 'content-length': String(data.length) },
      maxBodyLength: Infinity,
      maxContentLength: 1024 * 1024,
      maxRedirects: 0,
      timeout: options.timeoutMs ?? 120_000,
      signal: options.signal,
      responseType: 'text',
      validateStatus: () => true,
    });
    status = res.status;
    body = typeof res.data === 'string' ? res.data : '';
  } catch (error) {
    if (axios.isCancel(error) || options.signal?.aborted) {
      throw new ApiError('CANCELED', 'The upload was canceled.', { cause: error });
    }
    throw new ApiError(
      'NETWORK_ERROR',
      'The connection to the image store failed during the upload.',
      {
        retryable: true,
        cause: error,
      },
    );
  }
  if (status >= 200 && status < 300) {
    options.onProgress?.(data.length);
    return;
  }
  const s3Code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
  if (status === 412 && s3Code === 'PreconditionFailed') {
    // The URL creates its object once (If-None-Match: *): an earlier send of these bytes
    // arrived though its answer was lost (a crash, a dropped connection). Registration checks
    // that what is stored is what was presigned.
    options.onProgress?.(data.length);
    return;
  }
  if (status === 403) {
    // Expired or otherwise refused signature: the caller presigns again.
    throw new ApiError(
      'AUTH_EXPIRED',
      'The upload URL expired or was refused by the image store.',
      {
        status,
      },
    );
  }
  throw new ApiError(
    'NETWORK_ERROR',
    `The image store refused the upload (HTTP ${status}${s3Code ? `, ${s3Code}` : ''}).`,
    { status, retryable: isRetryableStatus(status) || s3Code === 'SlowDown' },
  );
}
