// How one queued file reads: its state label, progress and sentence, and what can be done to it.
import { describe, expect, it } from 'vitest';
import type { QueueItemView } from '../../../src/shared/queue';
import { describeItem } from '../../../src/renderer/lib/queue-item-view';

const item = (over: Partial<QueueItemView>): QueueItemView => ({
  id: 'q1',
  path: '/photos/a.jpg',
  name: 'a.jpg',
  sourceSize: 2 * 1024 * 1024,
  state: 'queued',
  paused: false,
  heldFor: null,
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
  ...over,
});

describe('describeItem', () => {
  it('an uploading file shows its bytes and percentage and can be canceled', () => {
    const view = describeItem(item({ state: 'uploading', bytesTotal: 1000, bytesSent: 250 }));
    expect(view).toMatchObject({
      label: 'Uploading',
      tone: 'busy',
      percent: 25,
      canCancel: true,
      canRetry: false,
      canPause: true,
      canResume: false,
    });
    expect(view.detail).toBe('250 B of 1000 B');
  });

  it('a waiting file shows its size on disk', () => {
    expect(describeItem(item({})).detail).toBe('2.0 MB');
  });

  it('a failed file shows its error sentence and can be retried', () => {
    const view = describeItem(
      item({ state: 'failed', error: { code: 'NETWORK_ERROR', message: 'The server is away.' } }),
    );
    expect(view).toMatchObject({
      label: 'Failed',
      tone: 'error',
      detail: 'The server is away.',
      canRetry: true,
      canCancel: false,
      canPause: false,
      canResume: false,
    });
  });

  it('a file that can never succeed offers no Retry; a missing one does, it may be back', () => {
    const failed = (code: 'CORRUPT_IMAGE' | 'UNSUPPORTED_TYPE' | 'FILE_NOT_FOUND') =>
      describeItem(item({ state: 'failed', error: { code, message: 'No.' } })).canRetry;
    expect([failed('CORRUPT_IMAGE'), failed('UNSUPPORTED_TYPE'), failed('FILE_NOT_FOUND')]).toEqual(
      [false, false, true],
    );
  });

  it('a duplicate says so and is complete', () => {
    expect(describeItem(item({ state: 'duplicate', duplicateOf: 'img1' }))).toMatchObject({
      label: 'Duplicate',
      tone: 'warn',
      percent: 100,
      detail: 'Already in your gallery; not uploaded again.',
    });
  });

  it('a paused unfinished file reads as paused and can be resumed; a finished one keeps its outcome', () => {
    expect(describeItem(item({ paused: true }))).toMatchObject({
      label: 'Paused',
      canResume: true,
      canPause: false,
      canCancel: true,
    });
    expect(
      describeItem(item({ paused: true, state: 'done', bytesTotal: 10, bytesSent: 10 })).label,
    ).toBe('Uploaded');
  });

  it('a file of another account says which account it waits for', () => {
    const view = describeItem(item({ heldFor: 'ann@example.com' }));
    expect(view).toMatchObject({ label: 'Other account', tone: 'idle' });
    expect(view.detail).toBe(
      'Queued by ann@example.com; it uploads when that account signs in again.',
    );
    // Once finished, its outcome is what matters.
    expect(describeItem(item({ heldFor: 'ann@example.com', state: 'done' })).label).toBe(
      'Uploaded',
    );
  });
});
