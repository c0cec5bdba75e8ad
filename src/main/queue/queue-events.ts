// Paces what the queue pushes out: state changes go at once, byte progress at most ~10 times a
// second per file and totals ~4 times a second, so a busy batch cannot flood the renderer.
import type { QueueItemView, QueueTotals } from '../../shared/queue';
import type { QueueEvent } from './types';

const ITEM_INTERVAL_MS = 100;
const TOTALS_INTERVAL_MS = 250;

interface Pace {
  last: number;
  timer: NodeJS.Timeout | undefined;
}

export class QueueEvents {
  private readonly items = new Map<string, Pace>();
  private readonly totalsPace: Pace = { last: 0, timer: undefined };

  constructor(
    private readonly onEvent: ((event: QueueEvent) => void) | undefined,
    private readonly view: (id: string) => QueueItemView | undefined,
    private readonly totals: () => QueueTotals,
  ) {}

  /** `now` for state changes; progress waits for the item's next slot. */
  item(id: string, now: boolean): void {
    if (!this.onEvent) return;
    let pace = this.items.get(id);
    if (!pace) this.items.set(id, (pace = { last: 0, timer: undefined }));
    this.paced(pace, ITEM_INTERVAL_MS, now, () => {
      const view = this.view(id);
      if (view) this.emit({ type: 'item', item: view });
      else this.items.delete(id);
    });
    this.paced(this.totalsPace, TOTALS_INTERVAL_MS, false, () => this.emitTotals());
  }

  totalsNow(): void {
    this.paced(this.totalsPace, TOTALS_INTERVAL_MS, true, () => this.emitTotals());
  }

  sessionExpired(): void {
    this.emit({ type: 'session-expired' });
  }

  close(): void {
    for (const pace of [...this.items.values(), this.totalsPace]) clearTimeout(pace.timer);
    this.items.clear();
  }

  private emitTotals(): void {
    this.emit({ type: 'totals', totals: this.totals() });
  }

  private emit(event: QueueEvent): void {
    try {
      this.onEvent?.(event);
    } catch {
      // A listener's bug must not break the upload that reported progress.
    }
  }

  private paced(pace: Pace, interval: number, now: boolean, send: () => void): void {
    if (!this.onEvent) return;
    const wait = pace.last + interval - Date.now();
    if (now || wait <= 0) {
      clearTimeout(pace.timer);
      pace.timer = undefined;
      pace.last = Date.now();
      send();
    } else {
      pace.timer ??= setTimeout(() => {
        pace.timer = undefined;
        pace.last = Date.now();
        send();
      }, wait);
    }
  }
}
