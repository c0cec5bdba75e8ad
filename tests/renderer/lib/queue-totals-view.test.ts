// What the upload panel says about the batch, from the main process's totals.
import { describe, expect, it } from 'vitest';
import type { QueueState, QueueTotals } from '../../../src/shared/queue';
import { describeTotals } from '../../../src/renderer/lib/queue-totals-view';

const totals = (
  over: Omit<Partial<QueueTotals>, 'byState'> & { byState?: Partial<Record<QueueState, number>> },
): QueueTotals => ({
  count: 0,
  bytesTotal: 0,
  bytesSent: 0,
  throughput: 0,
  etaSeconds: null,
  paused: false,
  heldForAccount: 0,
  counts: { all: 0, active: 0, failed: 0, duplicates: 0, done: 0 },
  ...over,
  byState: {
    queued: 0,
    processing: 0,
    uploading: 0,
    registering: 0,
    done: 0,
    duplicate: 0,
    failed: 0,
    canceled: 0,
    ...over.byState,
  },
});

describe('describeTotals', () => {
  it('says so when nothing was queued (or totals have not arrived)', () => {
    expect(describeTotals(null).headline).toBe('No uploads yet');
    expect(describeTotals(totals({})).percent).toBe(0);
  });

  it('a batch in progress: done of count, bytes, speed and time left', () => {
    const view = describeTotals(
      totals({
        count: 20,
        byState: { done: 12, uploading: 4, queued: 3, failed: 1 },
        bytesTotal: 10 * 1024 * 1024,
        bytesSent: 3.4 * 1024 * 1024,
        throughput: 1.2 * 1024 * 1024,
        etaSeconds: 6,
      }),
    );
    expect(view).toMatchObject({
      headline: '12 of 20 files uploaded',
      active: 7,
      done: 12,
      failed: 1,
      percent: 65,
      bytes: '3.4 MB of 10 MB',
      throughput: '1.2 MB/s',
      eta: '6 s',
    });
  });

  it('a finished batch counts duplicates and failures as finished, with no speed or time', () => {
    const view = describeTotals(
      totals({
        count: 5,
        byState: { done: 3, duplicate: 1, failed: 1 },
        throughput: 99,
        etaSeconds: 3,
      }),
    );
    expect(view).toMatchObject({
      headline: '5 files finished',
      active: 0,
      duplicates: 1,
      percent: 100,
      throughput: '—',
      eta: '—',
    });
  });

  it('a paused batch shows no speed or ETA', () => {
    const view = describeTotals(
      totals({ count: 2, byState: { queued: 2 }, paused: true, throughput: 10, etaSeconds: 4 }),
    );
    expect(view).toMatchObject({
      paused: true,
      throughput: '—',
      eta: '—',
      headline: '0 of 2 files uploaded',
    });
  });

  it('one file reads in the singular', () => {
    expect(describeTotals(totals({ count: 1, byState: { done: 1 } })).headline).toBe(
      '1 file finished',
    );
  });

  it('leaves files waiting for another account out of the count, the progress and the ETA', () => {
    const view = describeTotals(totals({ count: 1, byState: { done: 1 }, heldForAccount: 24 }));
    expect(view).toMatchObject({
      headline: '1 file finished · 24 files waiting for another account',
      active: 0,
      percent: 100,
      eta: '—',
    });
    expect(describeTotals(totals({ count: 0, byState: {}, heldForAccount: 3 })).headline).toBe(
      '3 files waiting for another account',
    );
  });
});
