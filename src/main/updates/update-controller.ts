// The desktop app's self-update as a state machine: checks at launch and every few hours,
// downloads in the background, and installs when the person chooses to restart. Plain Node over
// an UpdaterDriver, so tests script the updater and move a fake clock.
import { CodedError } from '../../shared/errors';
import type { UpdateState } from '../../shared/updates';
import type { Logger } from '../logging/logger';
import { systemTimers, type Timers } from '../timers';
import { describeUpdateError, type UpdatePhase } from './update-errors';
import type { UpdaterDriver } from './updater-driver';

/** Releases are rare; a check is one small HTTPS request for latest.yml. */
export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export const INSTALL_FAILED =
  'The update could not be installed now. It installs when you quit Image Desk.';

/** What IPC handlers and the renderer need. */
export interface UpdateStatus {
  state(): UpdateState;
  /** Installs the downloaded update; throws CONFLICT unless one is ready. */
  restart(): Promise<void>;
}

export interface UpdateController extends UpdateStatus {
  /** Checks now, then every interval. */
  start(): void;
  stop(): void;
}

export interface UpdateControllerOptions {
  driver: UpdaterDriver;
  /** Every state change, e.g. pushed to the renderer as update:state. */
  onState: (state: UpdateState) => void;
  log: Logger;
  /** Runs before the installer takes over (the quit guard's close: the queue saves its state). */
  beforeInstall?: () => Promise<void>;
  timers?: Timers;
  intervalMs?: number;
}

export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const { driver, log } = options;
  const timers = options.timers ?? systemTimers;
  const intervalMs = options.intervalMs ?? CHECK_INTERVAL_MS;
  let state: UpdateState = { status: 'idle' };
  let running = false;
  let timer: unknown;
  const unsubscribe: Array<() => void> = [];

  const set = (next: UpdateState) => {
    state = next;
    options.onState(next);
  };

  const fail = (phase: UpdatePhase, error: unknown) => {
    // electron-updater both emits an error and rejects the call that hit it: report it once.
    if (state.status === 'error') return;
    log.error(`update ${phase} failed:`, error);
    // A downloaded update stays installable (it also installs on quit); the log has the rest.
    if (state.status === 'ready') return;
    set({ status: 'error', ...describeUpdateError(phase, error) });
  };

  const scheduleNext = () => {
    timers.clearTimeout(timer);
    // Once a version is ready there is nothing more to fetch until the app restarts.
    if (running && state.status !== 'ready') timer = timers.setTimeout(check, intervalMs);
  };

  async function check(): Promise<void> {
    if (!running || ['checking', 'available', 'downloading', 'ready'].includes(state.status)) {
      return;
    }
    let phase: UpdatePhase = 'check';
    try {
      set({ status: 'checking' });
      const found = await driver.check();
      if (!running) return;
      if (!found) {
        set({ status: 'idle' });
        return;
      }
      log.info(`version ${found.version} is available; downloading it`);
      set({ status: 'available', version: found.version });
      phase = 'download';
      set({ status: 'downloading', version: found.version, percent: 0 });
      await driver.download();
      if (!running) return;
      log.info(`version ${found.version} is ready to install`);
      set({ status: 'ready', version: found.version });
    } catch (error) {
      fail(phase, error);
    } finally {
      scheduleNext();
    }
  }

  return {
    state: () => state,

    start() {
      if (running) return;
      running = true;
      unsubscribe.push(
        driver.onProgress((percent) => {
          if (state.status !== 'downloading') return;
          const rounded = Math.min(100, Math.max(0, Math.floor(percent)));
          // electron-updater reports many times a second; the renderer needs whole percents.
          if (rounded !== state.percent) set({ ...state, percent: rounded });
        }),
        driver.onError((error) =>
          fail(state.status === 'downloading' ? 'download' : 'check', error),
        ),
      );
      void check();
    },

    stop() {
      running = false;
      timers.clearTimeout(timer);
      for (const off of unsubscribe.splice(0)) off();
    },

    async restart() {
      if (state.status !== 'ready') {
        throw new CodedError('CONFLICT', 'No update is ready to install yet.');
      }
      log.info(`restarting to install version ${state.version}`);
      await options.beforeInstall?.();
      try {
        driver.quitAndInstall();
      } catch (error) {
        // Still ready: electron-updater installs a downloaded update when the app quits.
        log.error('update install failed:', error);
        throw new CodedError('INTERNAL', INSTALL_FAILED);
      }
    },
  };
}

/** For copies that do not update themselves: the state says why, restart is refused. */
export function disabledUpdates(reason: string): UpdateController {
  const state: UpdateState = { status: 'disabled', reason };
  return {
    state: () => state,
    start: () => undefined,
    stop: () => undefined,
    restart: async () => {
      throw new CodedError('CONFLICT', reason);
    },
  };
}
