// The gallery's background refresh while uploads finish: throttled, never lost.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefreshThrottle } from '../../../src/renderer/lib/refresh-throttle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createRefreshThrottle', () => {
  it('keeps refreshing once per interval under a steady stream of requests', async () => {
    const run = vi.fn(async () => undefined);
    const throttle = createRefreshThrottle(run, 1000);
    for (let ms = 0; ms < 3500; ms += 100) {
      throttle.request();
      await vi.advanceTimersByTimeAsync(100);
    }
    // A debounce would not have run at all yet.
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(run.mock.calls.length).toBeLessThanOrEqual(4);
  });

  it('runs once more after a request made while a refresh was running', async () => {
    let finish: () => void = () => undefined;
    const run = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const throttle = createRefreshThrottle(run, 500);
    throttle.request();
    await vi.advanceTimersByTimeAsync(500);
    expect(run).toHaveBeenCalledTimes(1);
    throttle.request();
    throttle.request();
    finish();
    await vi.advanceTimersByTimeAsync(500);
    expect(run).toHaveBeenCalledTimes(2);
    finish();
    await vi.advanceTimersByTimeAsync(2000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('survives a failing refresh and can be canceled', async () => {
    const run = vi.fn(async () => {
      throw new Error('offline');
    });
    const throttle = createRefreshThrottle(run, 200);
    throttle.request();
    await vi.advanceTimersByTimeAsync(200);
    throttle.request();
    throttle.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
