// Batch totals for the progress bar: counts per state, bytes, throughput over the last few
// seconds of transfers, and an ETA for the files still to go.
import {
  QUEUE_STATES,
  isTerminal,
  type QueueItemView,
  type QueueState,
  type QueueTotals,
} from '../../shared/queue';

const WINDOW_MS = 5_000;

/** Bytes sent per second, measured over a sliding window so a pause shows up within seconds. */
export class ThroughputMeter {
  private samples: { at: number; bytes: number }[] = [];
  private activeSince = 0;

  constructor(private readonly now: () => number = Date.now) {}

  record(bytes: number): void {
    if (bytes <= 0) return;
    const at = this.now();
    this.trim(at);
    if (this.samples.length === 0) this.activeSince = at;
    this.samples.push({ at, bytes });
  }

  rate(): number {
    const at = this.now();
    this.trim(at);
    if (this.samples.length === 0) return 0;
    const sum = this.samples.reduce((total, s) => total + s.bytes, 0);
    // Right after transfers start the window is not full yet; dividing by all of it would
    // under-report, so use the time actually covered (but at least a quarter second).
    const span = Math.min(WINDOW_MS, Math.max(250, at - this.activeSince));
    return (sum * 1000) / span;
  }

  private trim(at: number): void {
    while (this.samples.length > 0 && at - this.samples[0]!.at > WINDOW_MS) this.samples.shift();
  }
}

export function computeTotals(
  views: readonly QueueItemView[],
  throughput: number,
  paused: boolean,
): QueueTotals {
  const byState = Object.fromEntries(QUEUE_STATES.map((s) => [s, 0])) as Record<QueueState, number>;
  let bytesTotal = 0;
  let bytesSent = 0;
  // Files not processed yet have no upload size; estimate it from how much processing has
  // shrunk (or grown) the files seen so far.
  let processedSource = 0;
  let processedOutput = 0;
  for (const v of views) {
    byState[v.state] += 1;
    // Another account's files are not part of this account's transfer.
    if (v.heldFor !== null && !isTerminal(v.state)) continue;
    bytesTotal += v.bytesTotal;
    bytesSent += v.bytesSent;
    if (v.bytesTotal > 0 && v.sourceSize > 0) {
      processedSource += v.sourceSize;
      processedOutput += v.bytesTotal;
    }
  }
  const ratio = processedSource > 0 ? processedOutput / processedSource : 1;
  let remaining = 0;
  let active = 0;
  let heldForAccount = 0;
  for (const v of views) {
    if (isTerminal(v.state)) continue;
    // Another account's files will not move while this one is signed in.
    if (v.heldFor !== null) {
      heldForAccount += 1;
      continue;
    }
    active += 1;
    remaining += v.bytesTotal > 0 ? v.bytesTotal - v.bytesSent : v.sourceSize * ratio;
  }
  const rate = Math.round(throughput);
  return {
    count: views.length,
    byState,
    bytesTotal,
    bytesSent,
    throughput: rate,
    etaSeconds: active > 0 && rate > 0 && !paused ? Math.ceil(remaining / rate) : null,
    paused,
    heldForAccount,
  };
}
