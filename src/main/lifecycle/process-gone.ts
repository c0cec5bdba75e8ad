// What the app does when one of Chromium's processes dies. The window's renderer is reloaded:
// the queue lives in the main process, so nothing is lost, and the window asks for its state
// again. A renderer that keeps dying is not reloaded forever; the person is told instead.
export interface GoneDetails {
  reason: string;
  exitCode: number;
}

export interface ChildGoneDetails extends GoneDetails {
  type: string;
  serviceName?: string;
  name?: string;
}

export const RELOAD_LIMIT = 3;
export const RELOAD_WINDOW_MS = 60_000;

export type RendererGoneAction = 'reload' | 'give-up';

export interface RendererRecovery {
  /** Called on render-process-gone: reload, unless it has happened too often lately. */
  onGone(details: GoneDetails): RendererGoneAction;
  /** The person chose to try again after a give-up. */
  reset(): void;
}

export function createRendererRecovery(
  now: () => number = Date.now,
  limit = RELOAD_LIMIT,
  windowMs = RELOAD_WINDOW_MS,
): RendererRecovery {
  let recent: number[] = [];
  return {
    onGone() {
      const at = now();
      recent = [...recent.filter((time) => at - time < windowMs), at];
      return recent.length > limit ? 'give-up' : 'reload';
    },
    reset() {
      recent = [];
    },
  };
}

export function describeRendererGone(details: GoneDetails, action: RendererGoneAction): string {
  const what = `the window's renderer process is gone (${details.reason}, exit code ${details.exitCode})`;
  return action === 'reload'
    ? `${what}; reloading the window (the upload queue carries on)`
    : `${what}; it failed ${RELOAD_LIMIT + 1} times within ${RELOAD_WINDOW_MS / 1000} s, so it is not reloaded again`;
}

/** A log line and its level: a clean exit is routine, anything else is worth a look. */
export function describeChildGone(details: ChildGoneDetails): {
  level: 'info' | 'warn';
  message: string;
} {
  const name = details.name ?? details.serviceName ?? details.type;
  return {
    level: details.reason === 'clean-exit' ? 'info' : 'warn',
    message: `child process ${name} (${details.type}) is gone: ${details.reason}, exit code ${details.exitCode}`,
  };
}
