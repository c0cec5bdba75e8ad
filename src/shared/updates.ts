// What the renderer sees of the desktop app's self-update: one state, pushed on every change.
import { z } from 'zod';

const version = z.string().min(1).max(100);

/**
 * Why the last attempt failed. The updater's own codes: they never travel in an IPC error
 * envelope (the state says what happened, and the next check retries on its own).
 */
export const UPDATE_ERROR_CODES = [
  'UPDATE_OFFLINE',
  'UPDATE_CHECK_FAILED',
  'UPDATE_DOWNLOAD_FAILED',
] as const;
export const updateErrorCodeSchema = z.enum(UPDATE_ERROR_CODES);
export type UpdateErrorCode = z.infer<typeof updateErrorCodeSchema>;

export const updateStateSchema = z.discriminatedUnion('status', [
  /** Up to date as of the last check (or not checked yet). */
  z.object({ status: z.literal('idle') }),
  z.object({ status: z.literal('checking') }),
  z.object({ status: z.literal('available'), version }),
  z.object({
    status: z.literal('downloading'),
    version,
    percent: z.number().min(0).max(100),
  }),
  /** Downloaded: a restart installs it (quitting does too). */
  z.object({ status: z.literal('ready'), version }),
  /** The last attempt failed; the next scheduled check tries again. */
  z.object({ status: z.literal('error'), code: updateErrorCodeSchema, message: z.string() }),
  /** This copy does not update itself (development run, no feed, browser preview). */
  z.object({ status: z.literal('disabled'), reason: z.string() }),
]);
export type UpdateState = z.infer<typeof updateStateSchema>;
