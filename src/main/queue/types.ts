// The queue's public types: what it is built from and what it tells the outside world.
import type { QueueItemView, QueueTotals } from '../../shared/queue';
import type { Settings } from '../../shared/settings';
import type { ApiClient } from '../services/api-client';
import type { ItemAccount } from './durable-item';
import type { RetryOptions } from './retry';

export interface UploadQueueDeps {
  /** The queue's SQLite database, e.g. <dataDir>/queue.sqlite; one process opens it at a time. */
  file: string;
  /** An earlier version's JSON queue file: imported on open, then renamed `*.imported-<time>`. */
  importFrom?: string;
  /** Where failed writes of the database are reported (default console.error). */
  report?: (message: string, error: unknown) => void;
  /** The current client; called per request, so a re-login takes effect on resume(). */
  api: () => ApiClient;
  /** Read when each file starts processing and for the network limit. */
  settings: () => Settings;
  /** sharp jobs at once; default defaultImageThreads() (as the server's image pool). */
  cpuConcurrency?: number;
  onEvent?: (event: QueueEvent) => void;
  /** Files larger than this fail with FILE_TOO_LARGE before any decoding. Default 200 MiB. */
  maxFileBytes?: number;
  retry?: RetryOptions;
  /**
   * Finished files (done, duplicate, canceled) kept in the list; when files are added beyond
   * it, the oldest are forgotten (they are in the gallery). Failed files are always kept: they
   * need the person. Default 1000. */
  keepFinished?: number;
  /**
   * The signed-in account, if the queue serves more than one over time (the desktop app): new
   * files are stamped with it, and a file only uploads while its own account is signed in, so
   * switching accounts never sends one person's files into another's gallery.
   */
  account?: () => ItemAccount | undefined;
}

/** Pushed to the renderer and the CLI; never carries URLs, headers or tokens. */
export type QueueEvent =
  | { type: 'item'; item: QueueItemView }
  | { type: 'totals'; totals: QueueTotals }
  /** A 401 paused the queue; sign in again, then resume(). */
  | { type: 'session-expired' };

export interface AddOptions {
  albumId?: string;
}
