// Quitting waits for the upload queue to write its final state: the first before-quit is held
// back, the queue is closed (with a deadline, so a hung close cannot keep the app open), then
// the quit is asked for again and goes through. Plain Node; index.ts wires it to app events.
import type { Logger } from '../logging/logger';
import { systemTimers, type Timers } from '../timers';

/** Closing writes one small JSON file; five seconds is generous even on a slow disk. */
export const QUIT_TIMEOUT_MS = 5_000;

export interface QuitGuardOptions {
  /** Closes what must be saved (the desktop core's queue). */
  close: () => Promise<void>;
  /** Asks to quit again (app.quit). */
  quit: () => void;
  log: Logger;
  timers?: Timers;
  timeoutMs?: number;
}

export interface QuitGuard {
  /** The app's before-quit listener. */
  onBeforeQuit(event: { preventDefault(): void }): void;
  /**
   * Closes once, however often it is called, and resolves when closed or past the deadline.
   * Restart-to-update calls it before handing over to the installer.
   */
  closeOnce(): Promise<void>;
}

export function createQuitGuard(options: QuitGuardOptions): QuitGuard {
  const timers = options.timers ?? systemTimers;
  const timeoutMs = options.timeoutMs ?? QUIT_TIMEOUT_MS;
  let closing: Promise<void> | undefined;
  let closed = false;
  let quitAsked = false;

  async function close(): Promise<void> {
    let timer: unknown;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = timers.setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const outcome = await Promise.race([options.close().then(() => 'closed' as const), deadline]);
      if (outcome === 'timeout') {
        options.log.error(
          `The upload queue did not close within ${timeoutMs} ms; quitting without waiting longer.`,
        );
      }
    } catch (error) {
      options.log.error('Closing the upload queue failed; quitting anyway:', error);
    } finally {
      timers.clearTimeout(timer);
      closed = true;
    }
  }

  const closeOnce = () => (closing ??= close());

  return {
    closeOnce,
    onBeforeQuit(event) {
      if (closed) return;
      event.preventDefault();
      if (quitAsked) return;
      quitAsked = true;
      void closeOnce().then(options.quit);
    },
  };
}
