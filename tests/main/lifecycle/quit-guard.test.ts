// Quitting waits for the queue to save its state: the first quit is held until close() is done
// (or its deadline passes), then the app quits for real, exactly once.
import { describe, expect, it } from 'vitest';
import { createQuitGuard } from '../../../src/main/lifecycle/quit-guard';
import { FakeClock, settle } from '../../support/fake-clock';
import { recordingLog } from '../support/recording-log';

function setup(close: () => Promise<void>) {
  const clock = new FakeClock();
  const log = recordingLog();
  let quits = 0;
  let closes = 0;
  const guard = createQuitGuard({
    close: () => {
      closes += 1;
      return close();
    },
    quit: () => void (quits += 1),
    log,
    timers: clock,
    timeoutMs: 5_000,
  });
  /** What Electron does on app.quit(): emits before-quit, quits unless it was prevented. */
  const beforeQuit = () => {
    let prevented = false;
    guard.onBeforeQuit({ preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { guard, clock, log, beforeQuit, quits: () => quits, closes: () => closes };
}

/** A close() the test finishes when it chooses. */
function pendingClose() {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { close: () => promise, finish, fail };
}

describe('createQuitGuard', () => {
  it('holds the quit until the queue is closed, then quits once and lets that quit through', async () => {
    const pending = pendingClose();
    const t = setup(pending.close);

    expect(t.beforeQuit()).toBe(true);
    await settle();
    expect(t.closes()).toBe(1);
    expect(t.quits()).toBe(0);

    pending.finish();
    await settle();
    expect(t.quits()).toBe(1);
    // The quit asked for again arrives as a second before-quit: it goes through.
    expect(t.beforeQuit()).toBe(false);
    expect(t.log.lines).toEqual([]);
  });

  it('closes once and quits once when quit is asked for again while closing', async () => {
    const pending = pendingClose();
    const t = setup(pending.close);
    expect(t.beforeQuit()).toBe(true);
    expect(t.beforeQuit()).toBe(true);
    expect(t.beforeQuit()).toBe(true);
    pending.finish();
    await settle();
    expect(t.closes()).toBe(1);
    expect(t.quits()).toBe(1);
  });

  it('quits after the deadline when closing hangs, and says so in the log', async () => {
    const t = setup(() => new Promise<void>(() => undefined));
    t.beforeQuit();
    await t.clock.advance(4_999);
    expect(t.quits()).toBe(0);
    await t.clock.advance(1);
    expect(t.quits()).toBe(1);
    expect(t.beforeQuit()).toBe(false);
    expect(t.log.lines).toEqual([
      ['error', 'The upload queue did not close within 5000 ms; quitting without waiting longer.'],
    ]);
  });

  it('quits even when closing fails, logging the error', async () => {
    const pending = pendingClose();
    const t = setup(pending.close);
    t.beforeQuit();
    pending.fail(new Error('disk full'));
    await settle();
    expect(t.quits()).toBe(1);
    expect(t.log.lines).toEqual([
      ['error', 'Closing the upload queue failed; quitting anyway:', 'Error: disk full'],
    ]);
    expect(t.clock.pending).toBe(0);
  });

  it('lets a quit through at once when the queue was closed beforehand (restart to update)', async () => {
    const t = setup(async () => undefined);
    await t.guard.closeOnce();
    await t.guard.closeOnce();
    expect(t.beforeQuit()).toBe(false);
    expect(t.closes()).toBe(1);
    // Nobody asked the guard to quit: the updater's own quit is the one going through.
    expect(t.quits()).toBe(0);
  });
});
