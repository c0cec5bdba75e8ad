// Bounds memory whatever the batch size: an item needs a slot from the moment it starts
// processing until its bytes are uploaded, so fast processing cannot pile up buffers while
// the network lags. Capacity = CPU jobs + network transfers + a little slack.
export const SLOT_SLACK = 2;

export interface BufferStats {
  /** Items holding processed image buffers right now. */
  buffersHeld: number;
  /** The most that were ever held at once since the queue opened. */
  peakBuffersHeld: number;
  /** The cap the slots enforce (it follows the network concurrency setting). */
  bufferCap: number;
}

export interface Slot {
  readonly held: boolean;
  acquire(signal: AbortSignal): Promise<void>;
  release(): void;
}

export class BufferSlots {
  private used = 0;
  private buffers = 0;
  private peak = 0;
  private waiters: { resolve(): void; signal: AbortSignal }[] = [];

  constructor(
    private readonly capacity: () => number,
    /** Called when a slot frees up that no waiting item took: the scheduler can start one. */
    private readonly onFree: () => void = () => undefined,
  ) {}

  /** A slot now, or undefined when all are in use (the scheduler then waits for a release). */
  tryAcquire(): Slot | undefined {
    if (this.used >= this.capacity()) return undefined;
    this.used += 1;
    return this.slot(true);
  }

  /** An empty slot handle for an item that will acquire later. */
  unheld(): Slot {
    return this.slot(false);
  }

  /** Counts buffers actually held, for the read-only stat tests and the bench assert on. */
  holdBuffers(delta: 1 | -1): void {
    this.buffers += delta;
    this.peak = Math.max(this.peak, this.buffers);
  }

  stats(): BufferStats {
    return { buffersHeld: this.buffers, peakBuffersHeld: this.peak, bufferCap: this.capacity() };
  }

  private slot(initiallyHeld: boolean): Slot {
    let held = initiallyHeld;
    return {
      get held() {
        return held;
      },
      acquire: async (signal) => {
        if (held) return;
        await this.wait(signal);
        held = true;
      },
      release: () => {
        if (!held) return;
        held = false;
        this.used -= 1;
        this.wake();
        if (this.used < this.capacity()) this.onFree();
      },
    };
  }

  private wait(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (this.used < this.capacity() && this.waiters.length === 0) {
      this.used += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = { resolve, signal };
      this.waiters.push(waiter);
      signal.addEventListener(
        'abort',
        () => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(signal.reason as Error);
        },
        { once: true },
      );
    });
  }

  private wake(): void {
    while (this.waiters.length > 0 && this.used < this.capacity()) {
      const waiter = this.waiters.shift()!;
      if (waiter.signal.aborted) continue;
      this.used += 1;
      waiter.resolve();
    }
  }
}
