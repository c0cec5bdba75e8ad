// What a finished run means for its file: the rules that turn a worker's result, an error or
// a stop request into the file's next state, and the records and messages that go with them.
import crypto from 'node:crypto';
import { CodedError, isCodedError, type ErrorCode } from '../../shared/errors';
import { ApiError } from '../services/api-error';
import type { DurableItem, ItemAccount } from './durable-item';
import type { RunOutcome } from './worker-context';

export type StopReason = 'pause' | 'cancel' | 'session' | 'close';

/** One file's run in progress, and how to stop it. */
export interface Run {
  item: DurableItem;
  controller: AbortController;
  /** Asks a registration in progress to finish its current attempt and stop retrying. */
  wrapUp: AbortController;
  reason: StopReason | undefined;
  finished: Promise<void>;
}

export function stopRun(run: Run, reason: StopReason): void {
  // Cancel wins over a pause requested a moment earlier; nothing else overrides a reason.
  if (run.reason && reason !== 'cancel') return;
  run.reason = reason;
  if (reason === 'cancel' && run.item.state === 'registering') {
    // Cutting a registration off leaves its outcome unknown (the server may commit it
    // anyway), and a canceled file must not turn up in the gallery. Let the attempt answer.
    run.wrapUp.abort(canceledCoded());
  } else {
    run.controller.abort(canceledCoded());
  }
}
export type ItemError = { code: ErrorCode; message: string };

export type Decision =
  | { type: 'done'; imageId: string; key: string }
  | { type: 'canceled' }
  | { type: 'duplicate'; of: string }
  /** Back in line with its checkpoint; `waitFor` an identical file of the batch first. */
  | { type: 'requeue'; waitFor?: string }
  | { type: 'session-expired' }
  | { type: 'failed'; error: ItemError };

export function decide(
  reason: StopReason | undefined,
  outcome: RunOutcome | undefined,
  error: unknown,
): Decision {
  // Registered is registered, even if a pause or cancel arrived a moment too late to stop it.
  if (outcome?.type === 'done') return outcome;
  if (reason === 'cancel') return { type: 'canceled' };
  // A duplicate verdict is final whatever stopped the run.
  if (outcome?.type === 'duplicate') return outcome;
  if (reason) return { type: 'requeue' };
  if (outcome?.type === 'wait') return { type: 'requeue', waitFor: outcome.on };
  if (error instanceof ApiError && error.status === 401) return { type: 'session-expired' };
  return { type: 'failed', error: toItemError(error) };
}

export const CANCELED: ItemError = { code: 'CANCELED', message: 'The upload was canceled.' };
export const DUPLICATE: ItemError = {
  code: 'DUPLICATE',
  message: 'An identical image is already in your gallery, so this file was skipped.',
};

/** The abort reason handed to in-flight work, so whatever it throws carries a code. */
export function canceledCoded(): CodedError {
  return new CodedError(CANCELED.code, CANCELED.message);
}

export function toItemError(error: unknown): ItemError {
  if (isCodedError(error)) return { code: error.code, message: error.message };
  return {
    code: 'INTERNAL',
    message: 'Something unexpected went wrong with this file. Try it again.',
  };
}

export function newItem(
  path: string,
  size: number,
  albumId: string | null,
  account: ItemAccount | null,
  folder: string | null = null,
): DurableItem {
  return {
    id: crypto.randomUUID(),
    path,
    sourceSize: size,
    albumId,
    account,
    addedAt: new Date().toISOString(),
    folder,
    state: 'queued',
    paused: false,
    attempts: 0,
    error: null,
    imageId: null,
    key: null,
    duplicateOf: null,
    options: null,
    output: null,
    hints: null,
    upload: null,
  };
}
