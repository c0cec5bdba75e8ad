// Turns what electron-updater throws into a state the renderer may show: a stable code and a
// sentence. The raw error (which can carry URLs and stacks) goes to the log only.
import type { UpdateErrorCode } from '../../shared/updates';

export type UpdatePhase = 'check' | 'download';

/** Node socket codes and Chromium net errors (electron-updater fetches through Electron's net). */
const OFFLINE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);
const OFFLINE_NET_ERROR =
  /net::ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|CONNECTION_\w+|NETWORK_\w+|TIMED_OUT|ADDRESS_UNREACHABLE|PROXY_CONNECTION_FAILED)/;

export function isOfflineError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && OFFLINE_CODES.has(code)) return true;
  return error instanceof Error && OFFLINE_NET_ERROR.test(error.message);
}

const SENTENCES: Record<UpdatePhase, { code: UpdateErrorCode; message: string }> = {
  check: {
    code: 'UPDATE_CHECK_FAILED',
    message: 'Could not check for updates. Image Desk will try again later.',
  },
  download: {
    code: 'UPDATE_DOWNLOAD_FAILED',
    message: 'The update could not be downloaded. Image Desk will try again later.',
  },
};

export function describeUpdateError(
  phase: UpdatePhase,
  error: unknown,
): { code: UpdateErrorCode; message: string } {
  if (isOfflineError(error)) {
    return {
      code: 'UPDATE_OFFLINE',
      message: 'Could not reach the update server. Image Desk will try again later.',
    };
  }
  return SENTENCES[phase];
}
