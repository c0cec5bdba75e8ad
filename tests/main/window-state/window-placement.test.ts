// The window reopens where it was, and always on a screen: moved and shrunk onto the display it
// mostly overlaps, or centred on the primary display when its monitor is gone.
import { describe, expect, it } from 'vitest';
import { placeWindow, type Rect } from '../../../src/main/window-state/window-placement';

const SIZE = { width: 1280, height: 840, minWidth: 800, minHeight: 560 };
// A laptop (primary; menu bar at the top) and an external monitor to its right.
const LAPTOP: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const MONITOR: Rect = { x: 1440, y: 0, width: 2560, height: 1440 };

const saved = (bounds: Rect, maximized = false) => ({ bounds, maximized });

describe('placeWindow', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(placeWindow(undefined, [LAPTOP], SIZE)).toEqual({
      width: 1280,
      height: 840,
      maximized: false,
    });
  });

  it('reopens exactly where it was when that is on a screen', () => {
    const bounds = { x: 1600, y: 100, width: 1500, height: 1000 };
    expect(placeWindow(saved(bounds, true), [LAPTOP, MONITOR], SIZE)).toEqual({
      ...bounds,
      maximized: true,
    });
  });

  it('moves a window hanging off the edge back onto the display it mostly covers', () => {
    const placement = placeWindow(
      saved({ x: 3500, y: -200, width: 1000, height: 700 }),
      [LAPTOP, MONITOR],
      SIZE,
    );
    expect(placement).toEqual({ x: 3000, y: 0, width: 1000, height: 700, maximized: false });
  });

  it('centres it on the primary display when its monitor was unplugged', () => {
    const placement = placeWindow(
      saved({ x: 1600, y: 100, width: 1200, height: 800 }),
      [LAPTOP],
      SIZE,
    );
    expect(placement).toEqual({ x: 120, y: 63, width: 1200, height: 800, maximized: false });
  });

  it('shrinks a window larger than the display it lands on', () => {
    const placement = placeWindow(
      saved({ x: 1500, y: 50, width: 2400, height: 1400 }),
      [LAPTOP],
      SIZE,
    );
    expect(placement).toMatchObject({ x: 0, y: 25, width: 1440, height: 875 });
  });

  it('keeps the minimum size where the display allows it', () => {
    const placement = placeWindow(saved({ x: 10, y: 40, width: 300, height: 200 }), [LAPTOP], SIZE);
    expect(placement).toMatchObject({ width: 800, height: 560 });
  });
});
