// When a process dies: the window's renderer is reloaded (the queue is in the main process),
// but not in a loop when it keeps dying; other child processes are logged at a fitting level.
import { describe, expect, it } from 'vitest';
import {
  createRendererRecovery,
  describeChildGone,
  describeRendererGone,
} from '../../../src/main/lifecycle/process-gone';

describe('renderer recovery', () => {
  const crash = { reason: 'crashed', exitCode: 11 };

  it('reloads after a crash, up to three times a minute, then gives up', () => {
    let now = 0;
    const recovery = createRendererRecovery(() => now);
    const actions = [0, 10_000, 20_000, 30_000].map((at) => {
      now = at;
      return recovery.onGone(crash);
    });
    expect(actions).toEqual(['reload', 'reload', 'reload', 'give-up']);
  });

  it('forgets crashes older than a minute, and starts over after reset()', () => {
    let now = 0;
    const recovery = createRendererRecovery(() => now);
    for (const at of [0, 1_000, 2_000]) {
      now = at;
      recovery.onGone(crash);
    }
    now = 61_500;
    expect(recovery.onGone({ reason: 'oom', exitCode: 0 })).toBe('reload');

    for (let i = 0; i < 4; i++) recovery.onGone(crash);
    expect(recovery.onGone(crash)).toBe('give-up');
    recovery.reset();
    expect(recovery.onGone(crash)).toBe('reload');
  });

  it('says why in the log', () => {
    expect(describeRendererGone({ reason: 'oom', exitCode: 0 }, 'reload')).toBe(
      "the window's renderer process is gone (oom, exit code 0); reloading the window (the upload queue carries on)",
    );
    expect(describeRendererGone(crash, 'give-up')).toMatch(/failed 4 times within 60 s/);
  });
});

describe('describeChildGone', () => {
  it('logs a crash as a warning, naming the process', () => {
    expect(describeChildGone({ type: 'GPU', reason: 'crashed', exitCode: 139 })).toEqual({
      level: 'warn',
      message: 'child process GPU (GPU) is gone: crashed, exit code 139',
    });
    expect(
      describeChildGone({
        type: 'Utility',
        serviceName: 'network.mojom.NetworkService',
        name: 'Network Service',
        reason: 'oom',
        exitCode: 1,
      }).message,
    ).toBe('child process Network Service (Utility) is gone: oom, exit code 1');
  });

  it('logs a clean exit as routine', () => {
    expect(describeChildGone({ type: 'Utility', reason: 'clean-exit', exitCode: 0 }).level).toBe(
      'info',
    );
  });
});
