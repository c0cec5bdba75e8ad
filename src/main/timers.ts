// Timers as a dependency: modules that wait (the updater's schedule, the quit guard's deadline,
// the window-state save) take this, so tests move a fake clock instead of sleeping.
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
