// Feeds a window's moves, resizes and maximize changes to the window-state store, and saves at
// once when it closes. Takes only what it reads of a BrowserWindow, so tests can drive it.
import type { Rect } from './window-placement';
import type { WindowStateStore } from './window-state-store';

/** What is read of a BrowserWindow (which satisfies it). */
export interface TrackedWindow {
  on(event: 'resize', listener: () => void): unknown;
  on(event: 'move', listener: () => void): unknown;
  on(event: 'maximize', listener: () => void): unknown;
  on(event: 'unmaximize', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
}

export function trackWindowState(
  window: TrackedWindow,
  store: Pick<WindowStateStore, 'saveSoon' | 'flush'>,
): void {
  // Normal bounds even while maximized, so un-maximizing after a restart restores them.
  const current = () => ({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  const changed = () => {
    if (!window.isDestroyed()) store.saveSoon(current());
  };
  window.on('resize', changed);
  window.on('move', changed);
  window.on('maximize', changed);
  window.on('unmaximize', changed);
  window.on('close', () => {
    store.saveSoon(current());
    void store.flush();
  });
}
