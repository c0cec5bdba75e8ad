// File ▸ Choose Images… reaches the window as a menu:command event: the window opens the native
// dialog through the main process, queues what was chosen and says so, as its own button would.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../../src/renderer/store/app-store';
import { connectMainEvents } from '../../../src/renderer/store/main-events';
import type { QueueItemView } from '../../../src/shared/queue';
import { installScriptedBridge } from '../support/scripted-bridge';

const initialState = useAppStore.getState();

function queued(id: string, path: string): QueueItemView {
  return {
    id,
    path,
    name: path.split('/').pop()!,
    sourceSize: 1000,
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
  };
}

/** Lets the chain of invoke answers run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let bridge: ReturnType<typeof installScriptedBridge>;
let disconnect: () => void;

beforeEach(() => {
  useAppStore.setState({ ...initialState, uploadsOpen: false }, true);
  bridge = installScriptedBridge();
  disconnect = connectMainEvents();
});

afterEach(() => {
  disconnect();
  bridge.uninstall();
});

describe('the Choose Images… menu command', () => {
  it('queues the chosen files, opens the upload panel and announces them', async () => {
    bridge.answer('dialog:choose-images', { paths: ['/photos/a.jpg', '/photos/trip'] });
    bridge.answer('queue:add', {
      items: [queued('q1', '/photos/a.jpg'), queued('q2', '/photos/trip/b.jpg')],
    });
    bridge.emit('menu:command', { command: 'choose-images' });
    await settle();

    expect(bridge.calls).toEqual([
      ['dialog:choose-images', undefined],
      ['queue:add', { paths: ['/photos/a.jpg', '/photos/trip'] }],
    ]);
    const state = useAppStore.getState();
    expect(state.uploadsOpen).toBe(true);
    expect(state.notices.map((n) => n.text)).toEqual(['Added 2 files to the queue.']);
  });

  it('does nothing more when the dialog is cancelled', async () => {
    bridge.answer('dialog:choose-images', { paths: [] });
    bridge.emit('menu:command', { command: 'choose-images' });
    await settle();
    expect(bridge.calls.map(([channel]) => channel)).toEqual(['dialog:choose-images']);
    expect(useAppStore.getState().notices).toEqual([]);
    expect(useAppStore.getState().uploadsOpen).toBe(false);
  });
});
