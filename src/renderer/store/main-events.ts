// The one place that listens to the main process's push events and writes them into the store.
// Queue events are coalesced per animation frame (latest per file), so a busy batch is cheap.
import type { QueueItemView, QueueTotals } from '../../shared/queue';
import { createCoalescer } from '../lib/coalesce';
import { bridge } from '../lib/ipc';
import { useAppStore } from './app-store';

export function connectMainEvents(store = useAppStore): () => void {
  const b = bridge();
  const items = createCoalescer<QueueItemView>(
    (item) => item.id,
    (batch) => store.getState().applyQueueItems(batch),
  );
  const totals = createCoalescer<QueueTotals>(
    () => 'totals',
    (batch) => store.getState().setQueueTotals(batch[batch.length - 1]!),
  );
  const unsubscribe = [
    b.on('queue:item', (item) => items.push(item)),
    b.on('queue:totals', (next) => totals.push(next)),
    b.on('session:changed', (state) => store.getState().setSession(state)),
    b.on('session:expired', ({ message }) => store.getState().sessionExpired(message)),
    b.on('settings:warning', ({ message }) => store.getState().setSettingsWarning(message)),
    b.on('update:state', (state) => store.getState().setUpdateState(state)),
    b.on('menu:command', ({ command }) => {
      if (command === 'choose-images') void store.getState().chooseAndAdd();
    }),
  ];
  return () => {
    for (const off of unsubscribe) off();
    items.dispose();
    totals.dispose();
  };
}
