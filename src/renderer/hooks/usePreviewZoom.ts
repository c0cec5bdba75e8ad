// Fit-to-window versus 100% in the preview, and panning the 100% view by dragging. The view is a
// scroll container, so the keyboard pans it too (arrow keys, Page Up/Down) once it has focus.
import { useLayoutEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';

export type ZoomMode = 'fit' | 'actual';

/** Where in the image (0–1 on each axis) to keep under the same spot when zooming in. */
interface Anchor {
  fx: number;
  fy: number;
  /** The spot in the viewport, in px from its top-left corner. */
  vx: number;
  vy: number;
}

export function usePreviewZoom(viewport: RefObject<HTMLDivElement | null>) {
  const [mode, setMode] = useState<ZoomMode>('fit');
  const anchor = useRef<Anchor | null>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);

  // After switching to 100%, scroll so that the anchor stays where it was (the centre by default).
  useLayoutEffect(() => {
    const view = viewport.current;
    if (mode !== 'actual' || !view) return;
    const a = anchor.current ?? {
      fx: 0.5,
      fy: 0.5,
      vx: view.clientWidth / 2,
      vy: view.clientHeight / 2,
    };
    view.scrollLeft = a.fx * view.scrollWidth - a.vx;
    view.scrollTop = a.fy * view.scrollHeight - a.vy;
    anchor.current = null;
  }, [mode, viewport]);

  /** Toggles; `at` is the pointer over the fitted image, to zoom in around what was clicked. */
  const toggle = (at?: { img: HTMLImageElement; clientX: number; clientY: number }) => {
    const view = viewport.current;
    if (mode === 'fit' && at && view) {
      const box = at.img.getBoundingClientRect();
      const frame = view.getBoundingClientRect();
      anchor.current = {
        fx: (at.clientX - box.left) / box.width,
        fy: (at.clientY - box.top) / box.height,
        vx: at.clientX - frame.left,
        vy: at.clientY - frame.top,
      };
    }
    setMode(mode === 'fit' ? 'actual' : 'fit');
  };

  const panHandlers = {
    onPointerDown(event: PointerEvent<HTMLDivElement>) {
      const view = viewport.current;
      if (mode !== 'actual' || !view || event.button !== 0) return;
      drag.current = {
        x: event.clientX,
        y: event.clientY,
        left: view.scrollLeft,
        top: view.scrollTop,
      };
      view.setPointerCapture(event.pointerId);
    },
    onPointerMove(event: PointerEvent<HTMLDivElement>) {
      const view = viewport.current;
      const start = drag.current;
      if (!view || !start) return;
      view.scrollLeft = start.left - (event.clientX - start.x);
      view.scrollTop = start.top - (event.clientY - start.y);
    },
    onPointerUp() {
      drag.current = null;
    },
    onPointerCancel() {
      drag.current = null;
    },
  };

  return { mode, toggle, reset: () => setMode('fit'), panHandlers };
}
