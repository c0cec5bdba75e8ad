// Batch totals for the progress bar: counts per state, bytes, throughput over the last few
// seconds of transfers, and an ETA for the files still to go.
import {
  QUEUE_FILTERS,
  QUEUE_STATES,
  isTerminal,
  matchesFilter,
  type QueueFilterCounts,
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

/** What the totals need of one file: its state and sizes. */
export interface TotalsEntry {
  state: QueueState;
  paused: boolean;
  sourceSize: number;
  bytesTotal: number;
  bytesSent: number;
}

/**
 * Totals over the signed-in account's files (`entries`); another account's unfinished files are
 * only counted (`heldForAccount`), never listed, sized or named. One pass, nothing allocated
 * per file: it runs over the whole list a few times a second.
 */
export function computeTotals(
  entries: Iterable<TotalsEntry>,
  throughput: number,
  paused: boolean,
  heldForAccount = 0,
): QueueTotals {
  const byState = Object.fromEntries(QUEUE_STATES.map((s) => [s, 0])) as Record<QueueState, number>;
  let count = 0;
  let bytesTotal = 0;
  let bytesSent = 0;
  // Files not processed yet have no upload size; estimate it from how much processing has
  // shrunk (or grown) the files seen so far.
  let processedSource = 0;
  let processedOutput = 0;
  let remainingKnown = 0;
  let unprocessedSource = 0;
  let active = 0;
  let pausedActive = 0;
  for (const v of entries) {
    count += 1;
    byState[v.state] += 1;
    bytesTotal += v.bytesTotal;
    bytesSent += v.bytesSent;
    if (v.bytesTotal > 0 && v.sourceSize > 0) {
      processedSource += v.sourceSize;
      processedOutput += v.bytesTotal;
    }
    if (isTerminal(v.state)) continue;
    active += 1;
    if (v.paused) pausedActive += 1;
    if (v.bytesTotal > 0) remainingKnown += v.bytesTotal - v.bytesSent;
    else unprocessedSource += v.sourceSize;
  }
  const ratio = processedSource > 0 ? processedOutput / processedSource : 1;
  const remaining = remainingKnown + unprocessedSource * ratio;
  const counts = Object.fromEntries(
    QUEUE_FILTERS.map((f) => [
      f,
      QUEUE_STATES.reduce((n, s) => n + (matchesFilter(s, f) ? byState[s] : 0), 0),
    ]),
  ) as QueueFilterCounts;
  const rate = Math.round(throughput);
  // Every unfinished file of this account paused one by one (or left paused by an earlier
  // "Pause all" that another account's "Resume all" ended) is a paused queue to this person.
  paused ||= active > 0 && pausedActive === active;
  return {
    count,
    byState,
    bytesTotal,
    bytesSent,
    throughput: rate,
    etaSeconds: active > 0 && rate > 0 && !paused ? Math.ceil(remaining / rate) : null,
    paused,
    heldForAccount,
    counts,
  };
}
