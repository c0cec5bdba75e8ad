// Keeps signed thumbnail URLs for the tiles on screen: signs new ones shortly after scrolling
// settles, and re-signs visible ones before they expire.
import { useEffect } from 'react';
import { nextRefreshDelay } from '../lib/signed-url-cache';
import { useAppStore } from '../store/app-store';

const SETTLE_MS = 40;
/** Never re-plan faster than this, even if signing keeps failing. */
const MIN_REFRESH_MS = 5_000;

export function useVisibleThumbs(ids: readonly string[]): void {
  const key = ids.join(',');
  useEffect(() => {
    if (ids.length === 0) return;
    const { signThumbs } = useAppStore.getState();
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    const plan = () => {
      clearTimeout(refreshTimer);
      const delay = nextRefreshDelay(ids, useAppStore.getState().thumbUrls, Date.now());
      if (delay === null) return;
      refreshTimer = setTimeout(
        () => void signThumbs(ids).finally(plan),
        Math.max(delay, MIN_REFRESH_MS),
      );
    };
    const settle = setTimeout(() => void signThumbs(ids).finally(plan), SETTLE_MS);
    return () => {
      clearTimeout(settle);
      clearTimeout(refreshTimer);
    };
    // `key` stands for the ids' content; a new array with the same ids changes nothing.
  }, [key]);
}
