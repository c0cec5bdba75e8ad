// What the upload panel says about the whole batch: a headline, counts per outcome and the
// bytes/speed/time line, derived from the main process's totals.
import type { QueueState, QueueTotals } from '../../shared/queue';
import { formatBytes, formatEta, formatPercent, formatThroughput, plural } from './format';

export interface TotalsView {
  /** "12 of 20 files uploaded", or "No uploads yet". */
  headline: string;
  /** Files not yet in a final state, other accounts' waiting files aside. */
  active: number;
  done: number;
  duplicates: number;
  failed: number;
  canceled: number;
  percent: number;
  /** "3.4 MB of 10 MB" */
  bytes: string;
  throughput: string;
  eta: string;
  paused: boolean;
}

export function describeTotals(totals: QueueTotals | null): TotalsView {
  const by: Partial<Record<QueueState, number>> = totals?.byState ?? {};
  const count = totals?.count ?? 0;
  const done = by.done ?? 0;
  const duplicates = by.duplicate ?? 0;
  const failed = by.failed ?? 0;
  const canceled = by.canceled ?? 0;
  // count is the signed-in account's files; another account's waiting ones are only `held`.
  const held = totals?.heldForAccount ?? 0;
  const active = Math.max(0, count - done - duplicates - failed - canceled);
  const own = count;
  const bytesTotal = totals?.bytesTotal ?? 0;
  const bytesSent = totals?.bytesSent ?? 0;
  const paused = totals?.paused ?? false;
  let headline: string;
  if (count === 0 && held === 0) headline = 'No uploads yet';
  else if (own === 0) headline = '';
  else if (active === 0) headline = `${plural(own, 'file')} finished`;
  else headline = `${done.toLocaleString()} of ${plural(own, 'file')} uploaded`;
  if (held > 0) {
    const waiting = `${plural(held, 'file')} waiting for another account`;
    headline = headline ? `${headline} · ${waiting}` : waiting;
  }
  return {
    headline,
    active,
    done,
    duplicates,
    failed,
    canceled,
    // Finished files count as complete even when their bytes were skipped (duplicates, failures).
    percent: own === 0 ? 0 : formatPercent(own - active, own),
    bytes: `${formatBytes(bytesSent)} of ${formatBytes(bytesTotal)}`,
    throughput: active > 0 && !paused ? formatThroughput(totals?.throughput ?? 0) : '—',
    eta: active > 0 && !paused ? formatEta(totals?.etaSeconds ?? null) : '—',
    paused,
  };
}
