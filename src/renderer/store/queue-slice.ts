// The upload queue as the renderer sees it: a window of one filter's rows around what is on
// screen (asked for again when totals or events say it changed), the totals with the count of
// every filter, and the actions that steer the main process's queue.
import {
  matchesFilter,
  type QueueFilter,
  type QueueItemView,
  type QueueRetryResult,
  type QueueTotals,
} from '../../shared/queue';
import { expandDrop, type DroppedItem, type PickedFile } from '../lib/dropped-files';
import { IpcError, bridge, errorMessage, invoke } from '../lib/ipc';
import { plural } from '../lib/format';
import type { SliceCreator } from './app-store';

/** Staged files are enqueued in slices, so uploads start while the rest is still copied. */
const STAGE_BATCH = 25;

/** Rows fetched beyond what is on screen, so a short scroll needs no new request. */
const WINDOW_MARGIN = 50;
/** Totals and events ask for the window again at most this often. */
const RELOAD_MS = 200;

/** The rows of the list the renderer holds: one window of one filter, never the whole list. */
export interface QueueWindow {
  filter: QueueFilter;
  offset: number;
  ids: readonly string[];
  /** Rows matching the filter in all (the list's scroll height). */
  total: number;
}

export interface QueueSlice {
  /** The rows of the window, by id. */
  queueItems: Readonly<Record<string, QueueItemView>>;
  queueWindow: QueueWindow;
  queueFilter: QueueFilter;
  /** The rows on screen (indexes in the filtered list), as the list reports them. */
  queueRange: { start: number; end: number };
  queueTotals: QueueTotals | null;
  /** Files being handed to the main process (browser preview: copied to the bridge). */
  queueStaging: { done: number; total: number } | null;
  /** Fetches the window around the rows on screen. */
  loadQueue(): Promise<void>;
  setQueueFilter(filter: QueueFilter): void;
  setQueueRange(start: number, end: number): void;
  applyQueueItems(items: readonly QueueItemView[]): void;
  setQueueTotals(totals: QueueTotals): void;
  addDropped(items: readonly DroppedItem[]): Promise<void>;
  addPicked(files: readonly PickedFile[]): Promise<void>;
  addPaths(paths: readonly string[]): Promise<void>;
  /** The native file dialog (File ▸ Choose Images…), then the chosen files into the queue. */
  chooseAndAdd(): Promise<void>;
  queueCommand(
    command: 'queue:pause' | 'queue:resume' | 'queue:cancel' | 'queue:retry',
    ids?: string[],
  ): Promise<void>;
  /** "Retry failed": retries what may succeed and says how many cannot be retried, and why. */
  retryFailed(): Promise<void>;
  clearFinished(): Promise<void>;
  /** A duplicate row's link: the image it duplicates, in the preview. */
  showDuplicateOf(imageId: string): void;
}

/** "2 files cannot be retried: 1 not a supported image type, 1 damaged." */
export function describeNotRetried(result: QueueRetryResult): string {
  const parts: string[] = [];
  if (result.retried > 0) parts.push(`Retrying ${plural(result.retried, 'file')}.`);
  const left = result.notRetried.reduce((sum, r) => sum + r.count, 0);
  if (left > 0) {
    const reasons = result.notRetried.map((r) => `${r.count} ${r.reason}`).join(', ');
    parts.push(
      `${plural(left, 'file')} cannot be retried: ${reasons}. Remove ${left === 1 ? 'it' : 'them'} ` +
        'from the list or fix the file and add it again.',
    );
  }
  return parts.join(' ') || 'Nothing to retry.';
}

export const createQueueSlice: SliceCreator<QueueSlice> = (set, get) => {
  const fail = (error: unknown) => get().notify(errorMessage(error), 'error');
  /** Answers to older requests are dropped: only the newest window is shown. */
  let request = 0;
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  const reloadSoon = () => {
    reloadTimer ??= setTimeout(() => {
      reloadTimer = undefined;
      void get().loadQueue();
    }, RELOAD_MS);
  };

  async function enqueue(paths: readonly string[]): Promise<number> {
    if (paths.length === 0) return 0;
    const { items } = await invoke('queue:add', { paths: [...paths] });
    if (items.length > 0) reloadSoon();
    return items.length;
  }

  function announce(added: number): void {
    if (added === 0) get().notify('Nothing new to add: those files are already in the queue.');
    else get().notify(`Added ${plural(added, 'file')} to the queue.`, 'success');
  }

  async function stageAndAdd(files: readonly PickedFile[]): Promise<void> {
    const stageFiles = bridge().stageFiles;
    if (!stageFiles) {
      throw new IpcError('NOT_A_FILE', 'These files have no location on disk; save them first.');
    }
    set({ queueStaging: { done: 0, total: files.length } });
    let added = 0;
    try {
      for (let i = 0; i < files.length; i += STAGE_BATCH) {
        added += await enqueue(await stageFiles(files.slice(i, i + STAGE_BATCH)));
        set({
          queueStaging: { done: Math.min(files.length, i + STAGE_BATCH), total: files.length },
        });
      }
      announce(added);
    } finally {
      set({ queueStaging: null });
    }
  }

  return {
    queueItems: {},
    queueWindow: { filter: 'all', offset: 0, ids: [], total: 0 },
    queueFilter: 'all',
    queueRange: { start: 0, end: 0 },
    queueTotals: null,
    queueStaging: null,

    async loadQueue() {
      const { queueFilter: filter, queueRange: range } = get();
      const offset = Math.max(0, range.start - WINDOW_MARGIN);
      const limit = Math.min(500, range.end - offset + WINDOW_MARGIN);
      const mine = ++request;
      try {
        const view = await invoke('queue:view', { filter, offset, limit: Math.max(1, limit) });
        if (mine !== request) return;
        set({
          queueItems: Object.fromEntries(view.rows.map((item) => [item.id, item])),
          queueWindow: {
            filter,
            offset: view.offset,
            ids: view.rows.map((item) => item.id),
            total: view.total,
          },
          queueTotals: view.totals,
        });
      } catch (error) {
        fail(error);
      }
    },

    setQueueFilter(queueFilter) {
      if (queueFilter === get().queueFilter) return;
      set({
        queueFilter,
        queueRange: { start: 0, end: get().queueRange.end - get().queueRange.start },
      });
      void get().loadQueue();
    },

    setQueueRange(start, end) {
      set({ queueRange: { start, end } });
      const w = get().queueWindow;
      const covered =
        w.filter === get().queueFilter &&
        start >= w.offset &&
        (end <= w.offset + w.ids.length || w.offset + w.ids.length >= w.total);
      if (!covered) void get().loadQueue();
    },

    applyQueueItems(batch) {
      if (batch.length === 0) return;
      const previous = get().queueItems;
      const filter = get().queueFilter;
      const items = { ...previous };
      let changed = false;
      let stale = false;
      let finishedUpload = false;
      for (const item of batch) {
        const before = previous[item.id];
        if (item.state === 'done' && before?.state !== 'done') finishedUpload = true;
        // A row that is not in the window, or has left the filter, moves rows around: the
        // window is asked for again rather than guessed.
        if (!before || !matchesFilter(item.state, filter)) stale = true;
        if (before) {
          items[item.id] = item;
          changed = true;
        }
      }
      if (changed) set({ queueItems: items });
      if (stale) reloadSoon();
      if (finishedUpload) get().scheduleGalleryRefresh();
    },

    setQueueTotals(queueTotals) {
      const before = get().queueTotals;
      set({ queueTotals });
      // Files added, finished or forgotten change the filters' counts and so the window.
      if (!before || JSON.stringify(before.counts) !== JSON.stringify(queueTotals.counts)) {
        reloadSoon();
      }
    },

    async addDropped(items) {
      try {
        const b = bridge();
        const paths = items.map(({ file }) => (file ? b.pathForFile(file) : ''));
        if (paths.length > 0 && paths.every(Boolean)) announce(await enqueue(paths));
        else await stageAndAdd(await expandDrop(items));
      } catch (error) {
        fail(error);
      }
    },

    async addPicked(files) {
      try {
        const b = bridge();
        const paths = files.map(({ file }) => b.pathForFile(file));
        if (paths.length > 0 && paths.every(Boolean)) announce(await enqueue(paths));
        else await stageAndAdd(files);
      } catch (error) {
        fail(error);
      }
    },

    async addPaths(paths) {
      try {
        if (paths.length > 0) announce(await enqueue(paths));
      } catch (error) {
        fail(error);
      }
    },

    async chooseAndAdd() {
      try {
        const { paths } = await invoke('dialog:choose-images');
        if (paths.length === 0) return;
        get().setUploadsOpen(true);
        await get().addPaths(paths);
      } catch (error) {
        fail(error);
      }
    },

    async queueCommand(command, ids) {
      try {
        await invoke(command, ids ? { ids } : {});
      } catch (error) {
        fail(error);
      }
    },

    async retryFailed() {
      try {
        const result = await invoke('queue:retry', {});
        const tone = result.notRetried.length > 0 ? 'info' : 'success';
        get().notify(describeNotRetried(result), tone);
        await get().loadQueue();
      } catch (error) {
        fail(error);
      }
    },

    showDuplicateOf(imageId) {
      if (get().images[imageId]) get().setPreviewId(imageId);
      else
        get().notify(
          'The image this file duplicates is not on the gallery page shown now. ' +
            'Scroll the gallery or sort it by newest to find it.',
        );
    },

    async clearFinished() {
      try {
        await invoke('queue:clear-finished');
        // Forgotten files produce no event of their own: the window says what is left.
        await get().loadQueue();
      } catch (error) {
        fail(error);
      }
    },
  };
};
