// Where the window opens: where it was last time, unless that is no longer on a screen (a
// monitor unplugged, a smaller resolution): then it is moved and shrunk onto the nearest display's
// work area, or centred on the primary one.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState {
  /** The window's normal (not maximized) bounds. */
  bounds: Rect;
  maximized: boolean;
}

/** No x/y: Electron centres the window. */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface WindowSize {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/**
 * @param workAreas the displays' work areas (without task bar and menu bar), primary first
 */
export function placeWindow(
  saved: SavedWindowState | undefined,
  workAreas: readonly Rect[],
  size: WindowSize,
): WindowPlacement {
  const primary = workAreas[0];
  if (!saved || !primary) return { width: size.width, height: size.height, maximized: false };

  let area = primary;
  let best = 0;
  for (const candidate of workAreas) {
    const shared = overlap(saved.bounds, candidate);
    if (shared > best) [area, best] = [candidate, shared];
  }
  const width = clamp(saved.bounds.width, Math.min(size.minWidth, area.width), area.width);
  const height = clamp(saved.bounds.height, Math.min(size.minHeight, area.height), area.height);
  const onScreen = best > 0;
  return {
    x: onScreen
      ? clamp(saved.bounds.x, area.x, area.x + area.width - width)
      : area.x + Math.round((area.width - width) / 2),
    y: onScreen
      ? clamp(saved.bounds.y, area.y, area.y + area.height - height)
      : area.y + Math.round((area.height - height) / 2),
    width,
    height,
    maximized: saved.maximized,
  };
}
