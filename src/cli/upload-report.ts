// The machine-readable result of `upload --json`, and the one-line human summary.
import type { QueueItemView } from '../shared/queue';
import { isTerminal } from '../shared/queue';

export interface FileReport {
  path: string;
  state: 'done' | 'failed' | 'duplicate' | 'canceled';
  code?: string;
  message?: string;
  imageId?: string;
  key?: string;
}

export interface UploadReport {
  files: FileReport[];
  summary: {
    total: number;
    done: number;
    duplicate: number;
    failed: number;
    canceled: number;
    bytesUploaded: number;
    seconds: number;
  };
}

export function fileReport(item: QueueItemView): FileReport {
  if (!isTerminal(item.state)) {
    // Only left unfinished when the session expired: the queue keeps it for the next run.
    return {
      path: item.path,
      state: 'failed',
      code: 'AUTH_EXPIRED',
      message: 'Not uploaded yet: the session expired. Sign in again and rerun upload; it resumes.',
    };
  }
  const report: FileReport = { path: item.path, state: item.state as FileReport['state'] };
  if (item.error) {
    report.code = item.error.code;
    report.message = item.error.message;
  }
  if (item.state === 'done') {
    if (item.imageId) report.imageId = item.imageId;
    if (item.key) report.key = item.key;
  }
  if (item.state === 'duplicate' && item.duplicateOf) report.imageId = item.duplicateOf;
  return report;
}

export function buildReport(items: QueueItemView[], seconds: number): UploadReport {
  const files = items.map(fileReport);
  const count = (state: FileReport['state']) => files.filter((f) => f.state === state).length;
  return {
    files,
    summary: {
      total: files.length,
      done: count('done'),
      duplicate: count('duplicate'),
      failed: count('failed'),
      canceled: count('canceled'),
      bytesUploaded: items
        .filter((i) => i.state === 'done')
        .reduce((sum, i) => sum + i.bytesTotal, 0),
      seconds: Math.round(seconds * 10) / 10,
    },
  };
}

export function summaryLine(report: UploadReport): string {
  const s = report.summary;
  const parts = [`${s.done} uploaded`];
  if (s.duplicate) parts.push(`${s.duplicate} already in the gallery`);
  if (s.failed) parts.push(`${s.failed} failed`);
  if (s.canceled) parts.push(`${s.canceled} canceled`);
  return `${parts.join(', ')} (${s.total} files, ${s.seconds}s)`;
}
