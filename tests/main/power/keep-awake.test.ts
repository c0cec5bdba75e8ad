// The computer stays awake exactly while files upload: the OS blocker (Electron's, so a
// recording stand-in here) is taken once when a batch starts and given back when it ends, is
// paused, or the app closes.
import { describe, expect, it } from 'vitest';
import { computeTotals } from '../../../src/main/queue/totals';
import { createKeepAwake, type PowerBlocker } from '../../../src/main/power/keep-awake';
import type { QueueItemView, QueueState } from '../../../src/shared/queue';
import { recordingLog } from '../support/recording-log';

function recordingBlocker() {
  const calls: string[] = [];
  let next = 41;
  const blocker: PowerBlocker = {
    start: (type) => {
      next += 1;
      calls.push(`start ${type} → ${next}`);
      return next;
    },
    stop: (id) => calls.push(`stop ${id}`),
  };
  return { blocker, calls };
}

function item(id: string, state: QueueState, heldFor: string | null = null): QueueItemView {
  return {
    id,
    path: `/photos/${id}.jpg`,
    name: `${id}.jpg`,
    sourceSize: 1000,
    state,
    paused: false,
    heldFor,
    bytesTotal: 0,
    bytesSent: 0,
    albumId: null,
    imageId: null,
    key: null,
    duplicateOf: null,
    error: null,
    attempts: 0,
    folder: null,
    addedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** Totals as the queue computes them for these files. */
const totals = (states: QueueState[], paused = false) =>
  computeTotals(
    states.map((state, i) => item(`f${i}`, state)),
    0,
    paused,
  );

function setup() {
  const { blocker, calls } = recordingBlocker();
  const keepAwake = createKeepAwake(blocker, recordingLog());
  return { keepAwake, calls };
}

describe('keep-awake', () => {
  it('is taken once for a whole batch and given back when it ends', () => {
    const t = setup();
    t.keepAwake.update(totals(['queued', 'queued', 'queued']));
    expect(t.calls).toEqual([]);
    t.keepAwake.update(totals(['processing', 'queued', 'queued']));
    t.keepAwake.update(totals(['uploading', 'processing', 'queued']));
    t.keepAwake.update(totals(['done', 'registering', 'uploading']));
    expect(t.calls).toEqual(['start prevent-app-suspension → 42']);
    expect(t.keepAwake.active).toBe(true);

    t.keepAwake.update(totals(['done', 'done', 'failed']));
    expect(t.calls).toEqual(['start prevent-app-suspension → 42', 'stop 42']);
    expect(t.keepAwake.active).toBe(false);
  });

  it('lets the computer sleep while uploads are paused, and keeps it awake again on resume', () => {
    const t = setup();
    t.keepAwake.update(totals(['uploading', 'queued']));
    // Pause all: files in flight are still reported until their checkpoint.
    t.keepAwake.update(totals(['uploading', 'queued'], true));
    t.keepAwake.update(totals(['queued', 'queued'], true));
    t.keepAwake.update(totals(['processing', 'queued']));
    expect(t.calls).toEqual([
      'start prevent-app-suspension → 42',
      'stop 42',
      'start prevent-app-suspension → 43',
    ]);
  });

  it('does not keep it awake for files that only wait (signed out, another account)', () => {
    const t = setup();
    const waiting = computeTotals(
      [item('a', 'queued', 'ada@example.com'), item('b', 'queued')],
      0,
      true,
    );
    t.keepAwake.update(waiting);
    expect(t.calls).toEqual([]);
  });

  it('gives the blocker back when the app closes mid-batch, once', () => {
    const t = setup();
    t.keepAwake.update(totals(['uploading']));
    t.keepAwake.release();
    t.keepAwake.release();
    expect(t.calls).toEqual(['start prevent-app-suspension → 42', 'stop 42']);
  });
});
