// The queue's files in the order they were added, each with the runtime state that is never
// written to disk (bytes in flight, recovery flag, which identical file it waits for).
import { isTerminal, type QueueItemView } from '../../shared/queue';
import type { DurableItem } from './durable-item';
import { bytesOf, toView } from './transitions';
import type { Variant } from './worker-context';

export interface Runtime {
  inFlight: Record<Variant, number>;
  /** Loaded from disk with keys: its first run registers before anything else. */
  recovery: { pending: boolean };
  /** An identical file of this queue that is uploading; this one runs after it finishes. */
  waitingFor: string | undefined;
}

export class ItemBook {
  private readonly items = new Map<string, DurableItem>();
  private readonly runtime = new Map<string, Runtime>();
  /**
   * Files that were queued and not paused when last offered: the only ones the scheduler looks
   * at, so a change costs the same with 100,000 finished or paused files in the list as with
   * none. Entries that stopped being candidates are dropped as they are met.
   */
  private readonly candidates = new Set<string>();

  add(item: DurableItem, recovered: boolean): void {
    this.items.set(item.id, item);
    this.offer(item);
    this.runtime.set(item.id, {
      inFlight: { original: 0, thumbnail: 0 },
      recovery: { pending: recovered },
      waitingFor: undefined,
    });
  }

  remove(id: string): void {
    this.items.delete(id);
    this.runtime.delete(id);
    this.candidates.delete(id);
  }

  /** Call after a file's state or pause changed: it may be ready to start now. */
  offer(item: DurableItem): void {
    if (item.state === 'queued' && !item.paused) this.candidates.add(item.id);
  }

  /** Queued, unpaused files in the order they became so (some may still wait: isReady). */
  *waiting(): Generator<DurableItem> {
    for (const id of this.candidates) {
      const item = this.items.get(id);
      if (!item || item.state !== 'queued' || item.paused) this.candidates.delete(id);
      else yield item;
    }
  }

  get(id: string): DurableItem | undefined {
    return this.items.get(id);
  }

  all(): DurableItem[] {
    return [...this.items.values()];
  }

  /** Every file in order, without copying the list. */
  values(): IterableIterator<DurableItem> {
    return this.items.values();
  }

  /** The given ids that exist and pass `keep`, or every item when ids is undefined. */
  pick(ids: string[] | undefined, keep: (item: DurableItem) => boolean = () => true) {
    const found = ids ? ids.map((id) => this.items.get(id)) : this.all();
    return found.filter((i): i is DurableItem => !!i && keep(i));
  }

  unfinishedPaths(keep: (item: DurableItem) => boolean = () => true): Set<string> {
    return new Set(this.all().flatMap((i) => (isTerminal(i.state) || !keep(i) ? [] : [i.path])));
  }

  rt(item: DurableItem): Runtime {
    const rt = this.runtime.get(item.id);
    if (!rt) throw new Error(`Upload queue bug: no runtime for item ${item.id}`);
    return rt;
  }

  /** Records how far one PUT got; returns the newly sent bytes (0 when a retry restarted). */
  progress(item: DurableItem, variant: Variant, loaded: number): number {
    const rt = this.rt(item);
    const delta = loaded - rt.inFlight[variant];
    rt.inFlight[variant] = loaded;
    return Math.max(0, delta);
  }

  /** Queued, not paused, and not waiting for an identical file that is still on its way. */
  isReady(item: DurableItem): boolean {
    if (item.state !== 'queued' || item.paused) return false;
    const waitingFor = this.rt(item).waitingFor;
    if (waitingFor === undefined) return true;
    // The holder may have finished before this item reported that it waits for it.
    const holder = this.items.get(waitingFor);
    return !holder || isTerminal(holder.state);
  }

  /** Upload bytes of one file, counting what is in flight now. */
  bytes(item: DurableItem): { bytesTotal: number; bytesSent: number } {
    return bytesOf(item, this.bytesInFlight(item));
  }

  private bytesInFlight(item: DurableItem): number {
    const { inFlight } = this.rt(item);
    return (
      (item.upload?.original.sent ? 0 : inFlight.original) +
      (item.upload?.thumbnail.sent ? 0 : inFlight.thumbnail)
    );
  }

  view(
    id: string,
    extra: { queuePaused: boolean; heldFor: (item: DurableItem) => string | null },
  ): QueueItemView | undefined {
    const item = this.items.get(id);
    if (!item) return undefined;
    return toView(item, {
      bytesInFlight: this.bytesInFlight(item),
      queuePaused: extra.queuePaused,
      heldFor: extra.heldFor(item),
    });
  }
}
