// A progress bar on stderr when it is a terminal; silent otherwise (scripts, --json pipes).
import cliProgress from 'cli-progress';
import type { QueueTotals } from '../shared/queue';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function createUploadProgress(stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'Uploading [{bar}] {value}/{total} files | {sent} | {speed}/s | ETA {etaText}',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(totals: QueueTotals) {
      const finished =
        (totals.byState.done ?? 0) +
        (totals.byState.duplicate ?? 0) +
        (totals.byState.failed ?? 0) +
        (totals.byState.canceled ?? 0);
      const payload = {
        sent: formatBytes(totals.bytesSent),
        speed: formatBytes(Math.round(totals.throughput)),
        etaText: totals.etaSeconds === null ? '--' : `${Math.ceil(totals.etaSeconds)}s`,
      };
      // Files waiting for another account are not in count: not this run's to finish.
      const total = totals.count;
      if (!started) {
        bar.start(total, finished, payload);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(finished, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
