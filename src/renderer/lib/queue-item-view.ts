// One queued file as the list shows it: a state label, a progress percentage and the sentence
// under its name (the error, the duplicate it matched, or how far along it is).
import { isRetryable, isTerminal, type QueueItemView, type QueueState } from '../../shared/queue';
import { formatBytes, formatPercent } from './format';

const LABELS: Record<QueueState, string> = {
  queued: 'Waiting',
  processing: 'Preparing',
  uploading: 'Uploading',
  registering: 'Saving',
  done: 'Uploaded',
  duplicate: 'Duplicate',
  failed: 'Failed',
  canceled: 'Canceled',
};

export type ItemTone = 'idle' | 'busy' | 'ok' | 'warn' | 'error';

const TONES: Record<QueueState, ItemTone> = {
  queued: 'idle',
  processing: 'busy',
  uploading: 'busy',
  registering: 'busy',
  done: 'ok',
  duplicate: 'warn',
  failed: 'error',
  canceled: 'idle',
};

export interface ItemView {
  label: string;
  tone: ItemTone;
  percent: number;
  detail: string;
  canRetry: boolean;
  canCancel: boolean;
  canPause: boolean;
  canResume: boolean;
}

export function describeItem(item: QueueItemView): ItemView {
  const finished = isTerminal(item.state);
  const percent =
    item.state === 'done' || item.state === 'duplicate'
      ? 100
      : formatPercent(item.bytesSent, item.bytesTotal);
  const held = item.heldFor !== null && !finished;
  let detail: string;
  if (held) {
    detail = `Queued by ${item.heldFor}; it uploads when that account signs in again.`;
  } else if (item.state === 'failed' || item.state === 'canceled') {
    detail = item.error?.message ?? (item.state === 'canceled' ? 'Canceled.' : 'Upload failed.');
  } else if (item.state === 'duplicate') {
    detail = 'Already in your gallery; not uploaded again.';
  } else if (item.state === 'done') {
    detail = formatBytes(item.bytesTotal || item.sourceSize);
  } else if (item.bytesTotal > 0) {
    detail = `${formatBytes(item.bytesSent)} of ${formatBytes(item.bytesTotal)}`;
  } else {
    detail = formatBytes(item.sourceSize);
  }
  return {
    label: held ? 'Other account' : item.paused && !finished ? 'Paused' : LABELS[item.state],
    tone: item.paused && !finished ? 'idle' : TONES[item.state],
    percent,
    detail,
    // A file that can never succeed (an SVG, a damaged file) gets no Retry; a missing file
    // does, since it may be back (a drive plugged in again).
    canRetry: isRetryable(item) || item.error?.code === 'FILE_NOT_FOUND',
    canCancel: !finished,
    canPause: !finished && !item.paused,
    canResume: !finished && item.paused,
  };
}
