// Runs a background refresh at most once per interval while requests keep coming (a throttle,
// not a debounce, so a long upload batch shows progress), and once more after a request that
// arrived while a refresh was running, so the last change is never missed.

export interface RefreshThrottle {
  request(): void;
  cancel(): void;
}

export function createRefreshThrottle(
  run: () => Promise<void>,
  intervalMs: number,
): RefreshThrottle {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;

  const throttle: RefreshThrottle = {
    request() {
      if (running) {
        again = true;
        return;
      }
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        running = true;
        void run()
          .catch(() => undefined)
          .finally(() => {
            running = false;
            if (again) {
              again = false;
              throttle.request();
            }
          });
      }, intervalMs);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      again = false;
    },
  };
  return throttle;
}
