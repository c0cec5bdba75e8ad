// The "update ready" banner as a person meets it: it appears when the main process says a
// version has downloaded (at start-up or later), restarts on request, reports a refusal, and
// steps aside with "Later" until a newer version arrives.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Notices } from '../../../src/renderer/components/common/Notices';
import { UpdateBanner } from '../../../src/renderer/components/common/UpdateBanner';
import { useAppStore } from '../../../src/renderer/store/app-store';
import { connectMainEvents } from '../../../src/renderer/store/main-events';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { QUEUE_STATES, type QueueSnapshot } from '../../../src/shared/queue';
import { installScriptedBridge } from '../support/scripted-bridge';

const initialState = useAppStore.getState();
const EMPTY_QUEUE: QueueSnapshot = {
  items: [],
  totals: {
    count: 0,
    byState: Object.fromEntries(
      QUEUE_STATES.map((s) => [s, 0]),
    ) as QueueSnapshot['totals']['byState'],
    bytesTotal: 0,
    bytesSent: 0,
    throughput: 0,
    etaSeconds: null,
    paused: false,
    heldForAccount: 0,
    counts: { all: 0, active: 0, failed: 0, duplicates: 0, done: 0 },
  },
};

let bridge: ReturnType<typeof installScriptedBridge>;
let disconnect: () => void;

beforeEach(() => {
  useAppStore.setState(initialState, true);
  bridge = installScriptedBridge();
  bridge.answer('session:get', { signedIn: false, user: null, serverUrl: 'http://127.0.0.1:8787' });
  bridge.answer('settings:get', DEFAULT_SETTINGS);
  bridge.answer('queue:view', {
    filter: 'all',
    offset: 0,
    total: 0,
    rows: EMPTY_QUEUE.items,
    totals: EMPTY_QUEUE.totals,
  });
  bridge.answer('update:get-state', { status: 'idle' });
  disconnect = connectMainEvents();
  render(
    <>
      <UpdateBanner />
      <Notices />
    </>,
  );
});

afterEach(() => {
  cleanup();
  disconnect();
  bridge.uninstall();
});

const restartButton = () => screen.queryByRole('button', { name: 'Restart to update' });
const pushState = (state: Parameters<typeof bridge.emit<'update:state'>>[1]) =>
  act(() => bridge.emit('update:state', state));

describe('UpdateBanner', () => {
  it('stays out of sight until a version is ready, then says which one', () => {
    const banner = () => screen.queryByRole('region', { name: 'App update' });
    expect(banner()).toBeNull();
    pushState({ status: 'checking' });
    pushState({ status: 'downloading', version: '2.1.0', percent: 40 });
    pushState({ status: 'error', code: 'UPDATE_OFFLINE', message: 'Could not reach…' });
    expect(banner()).toBeNull();

    pushState({ status: 'ready', version: '2.1.0' });
    expect(banner()).toHaveTextContent('Version 2.1.0 is ready.');
    // Inside a polite live region, so a screen reader announces it.
    expect(banner()!.closest('[aria-live="polite"]')).not.toBeNull();
    expect(restartButton()).toBeEnabled();
  });

  it('shows a version that was ready before the window opened', async () => {
    bridge.answer('update:get-state', { status: 'ready', version: '2.1.0' });
    await act(() => useAppStore.getState().boot());
    expect(restartButton()).toBeInTheDocument();
    expect(bridge.calls.map(([channel]) => channel)).toContain('update:get-state');
  });

  it('asks the main process to restart, once', async () => {
    bridge.answer('update:restart', { ok: true });
    pushState({ status: 'ready', version: '2.1.0' });
    await userEvent.click(restartButton()!);

    expect(bridge.calls.filter(([channel]) => channel === 'update:restart')).toHaveLength(1);
    const busy = screen.getByRole('button', { name: 'Restarting…' });
    expect(busy).toBeDisabled();
  });

  it('says why when the restart is refused, and offers it again', async () => {
    bridge.refuse('update:restart', {
      code: 'INTERNAL',
      message: 'The update could not be installed now. It installs when you quit Image Desk.',
    });
    pushState({ status: 'ready', version: '2.1.0' });
    await userEvent.click(restartButton()!);

    expect(
      await screen.findByText(
        'The update could not be installed now. It installs when you quit Image Desk.',
      ),
    ).toBeInTheDocument();
    expect(restartButton()).toBeEnabled();
  });

  it('steps aside with "Later", and comes back for a newer version', async () => {
    pushState({ status: 'ready', version: '2.1.0' });
    await userEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(restartButton()).toBeNull();
    pushState({ status: 'ready', version: '2.1.0' });
    expect(restartButton()).toBeNull();

    pushState({ status: 'ready', version: '2.2.0' });
    expect(screen.getByRole('region', { name: 'App update' })).toHaveTextContent(
      'Version 2.2.0 is ready.',
    );
  });
});
