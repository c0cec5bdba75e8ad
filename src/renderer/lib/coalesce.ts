// Coalesces bursts of main-process events: keeps the latest event per key and hands the batch
// over once per animation frame, so 1,000 files reporting progress cost one store update a frame.

export type Scheduler = (run: () => void) => () => void;

/** requestAnimationFrame, with a timer as a fallback for hidden windows (where rAF pauses). */
export const frameScheduler: Scheduler = (run) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    run();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, 250);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

export interface Coalescer<T> {
  push(event: T): void;
  /** Delivers what is pending now (used before a snapshot replaces the state). */
  flush(): void;
  dispose(): void;
}

export function createCoalescer<T>(
  keyOf: (event: T) => string,
  deliver: (batch: T[]) => void,
  schedule: Scheduler = frameScheduler,
): Coalescer<T> {
  let pending = new Map<string, T>();
  let cancel: (() => void) | null = null;

  const flush = () => {
    cancel?.();
    cancel = null;
    if (pending.size === 0) return;
    const batch = [...pending.values()];
    pending = new Map();
    deliver(batch);
  };

  return {
    push(event) {
      pending.set(keyOf(event), event);
      cancel ??= schedule(flush);
    },
    flush,
    dispose() {
      cancel?.();
      cancel = null;
      pending = new Map();
    },
  };
}
