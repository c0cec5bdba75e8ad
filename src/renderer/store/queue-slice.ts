// The upload queue as the renderer mirrors it: items by id in the order added, batch totals,
// and the actions that steer the main process's queue. Events arrive coalesced per frame.
import type { QueueItemView, QueueTotals } from '../../shared/queue';
import { expandDrop, type DroppedItem, type PickedFile } from '../lib/dropped-files';
import { IpcError, bridge, errorMessage, invoke } from '../lib/ipc';
import { plural } from '../lib/format';
import type { SliceCreator } from './app-store';

/** Staged files are enqueued in slices, so uploads start while the rest is still copied. */
const STAGE_BATCH = 25;

export interface QueueSlice {
  queueItems: Readonly<Record<string, QueueItemView>>;
  queueOrder: readonly string[];
  queueTotals: QueueTotals | null;
  /** Files being handed to the main process (browser preview: copied to the bridge). */
  queueStaging: { done: number; total: number } | null;
  loadQueue(): Promise<void>;
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
  clearFinished(): Promise<void>;
}

export const createQueueSlice: SliceCreator<QueueSlice> = (set, get) => {
  const fail = (error: unknown) => get().notify(errorMessage(error), 'error');

  async function enqueue(paths: readonly string[]): Promise<number> {
    if (paths.length === 0) return 0;
    const { items } = await invoke('queue:add', { paths: [...paths] });
    get().applyQueueItems(items);
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
    queueOrder: [],
    queueTotals: null,
    queueStaging: null,

    async loadQueue() {
      try {
        const { items, totals } = await invoke('queue:snapshot');
        set({
          queueItems: Object.fromEntries(items.map((item) => [item.id, item])),
          queueOrder: items.map((item) => item.id),
          queueTotals: totals,
        });
      } catch (error) {
        fail(error);
      }
    },

    applyQueueItems(batch) {
      if (batch.length === 0) return;
      const previous = get().queueItems;
      const items = { ...previous };
      const added: string[] = [];
      let finishedUpload = false;
      for (const item of batch) {
        const before = previous[item.id];
        if (!before) added.push(item.id);
        if (item.state === 'done' && before?.state !== 'done') finishedUpload = true;
        items[item.id] = item;
      }
      set({
        queueItems: items,
        ...(added.length ? { queueOrder: [...get().queueOrder, ...added] } : {}),
      });
      if (finishedUpload) get().scheduleGalleryRefresh();
    },

    setQueueTotals(queueTotals) {
      set({ queueTotals });
      // The main process forgot files (old finished ones past its cap): nothing announces a
      // removal one by one, so take the list afresh.
      if (queueTotals.count < get().queueOrder.length) void get().loadQueue();
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

    async clearFinished() {
      try {
        await invoke('queue:clear-finished');
        // Forgotten files produce no event of their own: the snapshot says what is left.
        await get().loadQueue();
      } catch (error) {
        fail(error);
      }
    },
  };
};
