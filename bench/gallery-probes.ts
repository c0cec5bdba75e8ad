// What the gallery benchmark measures inside the page. These functions run in Chromium (passed
// to addInitScript / evaluate), so they use only the DOM and name the gallery as people do: the
// list named "Gallery" and the images in it.

export interface ScrollFigures {
  /** requestAnimationFrame deltas in ms while scrolling. */
  deltas: number[];
  seconds: number;
  reachedEnd: boolean;
  maxNodes: number;
  tiles: number;
}

/**
 * Init script: from the start of each navigation, checks every animation frame whether the
 * first screen of thumbnails is complete (every tile in the viewport shows a decoded image) and
 * records performance.now() (ms since navigation start) the first time it is.
 */
export function watchFirstScreen(): void {
  const w = window as unknown as { __firstScreenMs?: number };
  const check = () => {
    const list = document.querySelector<HTMLElement>('[role="list"][aria-label="Gallery"]');
    const scroller = list?.parentElement;
    if (list && scroller) {
      const view = scroller.getBoundingClientRect();
      const visible = [...list.querySelectorAll<HTMLElement>('[role="listitem"]')].filter(
        (tile) => {
          const r = tile.getBoundingClientRect();
          return r.bottom > view.top && r.top < Math.min(view.bottom, window.innerHeight);
        },
      );
      const ready = visible.filter((tile) => {
        const img = tile.querySelector('img');
        return img !== null && img.complete && img.naturalWidth > 0;
      });
      if (visible.length > 0 && ready.length === visible.length) {
        w.__firstScreenMs = performance.now();
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Elements inside the Gallery list right now. */
export function galleryNodes(): number {
  const list = document.querySelector('[role="list"][aria-label="Gallery"]');
  return list ? list.getElementsByTagName('*').length : -1;
}

/**
 * Scrolls the gallery to its end over `durationMs` (the end moves while pages load, so the
 * target is recomputed every frame), then keeps going until the end has stayed put for a second
 * (no more pages) or `capMs` passes. Records every frame's delta and the most elements the list
 * held at once.
 */
export function scrollToEnd(args: { durationMs: number; capMs: number }): Promise<ScrollFigures> {
  const list = document.querySelector<HTMLElement>('[role="list"][aria-label="Gallery"]')!;
  const scroller = list.parentElement!;
  const deltas: number[] = [];
  let maxNodes = 0;
  let atEndSince = 0;
  let height = 0;
  let endFrame = 0;
  return new Promise((resolve) => {
    const start = performance.now();
    let last = start;
    const frame = (now: number) => {
      deltas.push(now - last);
      last = now;
      maxNodes = Math.max(maxNodes, list.getElementsByTagName('*').length);
      const elapsed = now - start;
      const bottom = scroller.scrollHeight - scroller.clientHeight;
      scroller.scrollTop = Math.min(1, elapsed / args.durationMs) * bottom;
      const atEnd = elapsed >= args.durationMs && scroller.scrollTop >= bottom - 1;
      const grew = scroller.scrollHeight !== height;
      height = scroller.scrollHeight;
      if (!atEnd || grew) atEndSince = 0;
      else if (!atEndSince) {
        atEndSince = now;
        endFrame = deltas.length;
      }
      if ((atEndSince && now - atEndSince > 1000) || elapsed > args.capMs) {
        // The frames while waiting at the end are idle ones; they are not part of the scroll.
        const scrolled = atEndSince ? deltas.slice(1, endFrame) : deltas.slice(1);
        resolve({
          deltas: scrolled,
          seconds: ((atEndSince || now) - start) / 1000,
          reachedEnd: atEndSince !== 0,
          maxNodes,
          tiles: list.querySelectorAll('[role="listitem"]').length,
        });
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}
