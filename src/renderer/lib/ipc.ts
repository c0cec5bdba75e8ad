// The renderer's one door to the main process: invoke a channel and get its result, or an
// IpcError that keeps the stable code and the sentence to show. Auth failures are reported once.
import type { ErrorCode } from '../../shared/errors';
import type { ImageDeskBridge, IpcArgs, IpcChannel, IpcResult } from '../../shared/ipc';

export class IpcError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'IpcError';
    this.code = code;
  }
}

const UNREACHABLE = 'The app could not reach its background process. Restart Image Desk.';

/** The preload (Electron) or the browser preview's bridge; the renderer uses nothing else. */
export function bridge(): ImageDeskBridge {
  const found = (window as unknown as { imageDesk?: ImageDeskBridge }).imageDesk;
  if (!found) throw new IpcError('INTERNAL', UNREACHABLE);
  return found;
}

export function isAuthError(error: unknown): boolean {
  return (
    error instanceof IpcError && (error.code === 'AUTH_EXPIRED' || error.code === 'AUTH_REQUIRED')
  );
}

let onAuthError: ((message: string) => void) | undefined;

/** The store registers how an expired session is handled; every call then reports it the same way. */
export function setAuthErrorHandler(handler: ((message: string) => void) | undefined): void {
  onAuthError = handler;
}

export async function invoke<C extends IpcChannel>(
  channel: C,
  ...args: undefined extends IpcArgs<C> ? [IpcArgs<C>?] : [IpcArgs<C>]
): Promise<IpcResult<C>> {
  let envelope;
  try {
    envelope = await bridge().invoke(channel, args[0]);
  } catch (error) {
    if (error instanceof IpcError) throw error;
    throw new IpcError('NETWORK_ERROR', UNREACHABLE);
  }
  if (envelope.ok) return envelope.result;
  const failure = new IpcError(envelope.error.code, envelope.error.message);
  // Signing in, up or with a reset code fails on its own form; it does not end a session.
  const signingIn =
    channel === 'session:login' ||
    channel === 'session:signup' ||
    channel === 'session:redeem-reset';
  if (isAuthError(failure) && !signingIn) {
    onAuthError?.(failure.message);
  }
  throw failure;
}

/**
 * A sentence for any thrown value. Errors that carry a stable code (ours, the bridge's staging
 * errors) were written for people; anything else gets a generic sentence, never a stack.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && typeof (error as { code?: unknown }).code === 'string') {
    return error.message;
  }
  return 'Something went wrong. Try again.';
}
