// Keeps the computer from sleeping while a batch is uploading, and lets it sleep again when the
// batch ends or is paused. Driven by the queue's totals events; the OS blocker is injected
// (Electron's powerSaveBlocker in the app).
import type { QueueTotals } from '../../shared/queue';
import type { Logger } from '../logging/logger';

/** The part of Electron's powerSaveBlocker used here. */
export interface PowerBlocker {
  start(type: 'prevent-app-suspension'): number;
  stop(id: number): unknown;
}

/**
 * Files are being worked on: processed, sent or registered. Queued files alone do not count
 * (they may be waiting for a sign-in, another account or a resume), nor does a paused queue,
 * whose in-flight files stop at their next checkpoint.
 */
export function isUploading(totals: QueueTotals): boolean {
  const { processing, uploading, registering } = totals.byState;
  return !totals.paused && processing + uploading + registering > 0;
}

export interface KeepAwake {
  /** Every totals event of the queue (and its snapshot at start). */
  update(totals: QueueTotals): void;
  /** The app is closing: let the computer sleep whatever the queue said last. */
  release(): void;
  readonly active: boolean;
}

export function createKeepAwake(blocker: PowerBlocker, log: Logger): KeepAwake {
  let blockerId: number | undefined;

  const release = (why: string) => {
    if (blockerId === undefined) return;
    blocker.stop(blockerId);
    blockerId = undefined;
    log.info(`the computer may sleep again (${why})`);
  };

  return {
    update(totals) {
      if (isUploading(totals)) {
        if (blockerId !== undefined) return;
        blockerId = blocker.start('prevent-app-suspension');
        log.info('keeping the computer awake while files upload');
      } else {
        release(totals.paused ? 'uploads paused' : 'no upload running');
      }
    },
    release: () => release('closing'),
    get active() {
      return blockerId !== undefined;
    },
  };
}
