// The gallery's selection model, as pure functions over the ordered list of ids: click,
// Shift-click ranges from an anchor, Ctrl/Cmd-click toggles, and the keyboard equivalents.

export interface Selection {
  selected: ReadonlySet<string>;
  /** Where a Shift range starts: the last item clicked without Shift. */
  anchor: string | null;
  /** The item with keyboard focus (the roving tab stop). */
  focus: string | null;
}

export interface Modifiers {
  shift?: boolean;
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  toggle?: boolean;
}

export const EMPTY_SELECTION: Selection = { selected: new Set(), anchor: null, focus: null };

function range(ids: readonly string[], from: string | null, to: string): string[] {
  const end = ids.indexOf(to);
  if (end < 0) return [];
  const start = from === null ? -1 : ids.indexOf(from);
  if (start < 0) return [to];
  const [lo, hi] = start <= end ? [start, end] : [end, start];
  return ids.slice(lo, hi + 1);
}

/** A mouse click on `id`. */
export function clickItem(
  state: Selection,
  ids: readonly string[],
  id: string,
  mods: Modifiers = {},
): Selection {
  if (mods.shift) {
    const span = range(ids, state.anchor, id);
    const selected = mods.toggle ? new Set([...state.selected, ...span]) : new Set(span);
    return { selected, anchor: state.anchor ?? id, focus: id };
  }
  if (mods.toggle) {
    const selected = new Set(state.selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    return { selected, anchor: id, focus: id };
  }
  return { selected: new Set([id]), anchor: id, focus: id };
}

/**
 * Arrow keys: move the focus by `delta` places (±1 sideways, ± columns up and down). Plain
 * moves select the new item, Shift extends from the anchor, Ctrl/Cmd moves focus only.
 */
export function moveFocus(
  state: Selection,
  ids: readonly string[],
  delta: number,
  mods: Modifiers = {},
): Selection {
  if (ids.length === 0) return state;
  const current = state.focus === null ? -1 : ids.indexOf(state.focus);
  const next =
    current < 0
      ? delta >= 0
        ? 0
        : ids.length - 1
      : Math.max(0, Math.min(ids.length - 1, current + delta));
  const id = ids[next]!;
  if (mods.toggle && !mods.shift) return { ...state, focus: id };
  return clickItem(state, ids, id, { shift: mods.shift });
}

/** Space: toggles the focused item in or out of the selection. */
export function toggleFocused(state: Selection, ids: readonly string[]): Selection {
  if (state.focus === null || !ids.includes(state.focus)) {
    return ids.length ? clickItem(state, ids, ids[0]!) : state;
  }
  return clickItem(state, ids, state.focus, { toggle: true });
}

export function selectAll(state: Selection, ids: readonly string[]): Selection {
  return { ...state, selected: new Set(ids), anchor: state.anchor ?? ids[0] ?? null };
}

export function clearSelection(state: Selection): Selection {
  return { ...state, selected: new Set(), anchor: null };
}

/** After the list changed (deletes, moves out of the filter): forget ids no longer shown. */
export function pruneSelection(state: Selection, ids: readonly string[]): Selection {
  const present = new Set(ids);
  const selected = [...state.selected].filter((id) => present.has(id));
  const keep = (id: string | null) => (id !== null && present.has(id) ? id : null);
  if (
    selected.length === state.selected.size &&
    keep(state.anchor) === state.anchor &&
    keep(state.focus) === state.focus
  ) {
    return state;
  }
  return { selected: new Set(selected), anchor: keep(state.anchor), focus: keep(state.focus) };
}

/** The ids in list order, so bulk actions act in the order the person sees. */
export function selectedInOrder(state: Selection, ids: readonly string[]): string[] {
  return ids.filter((id) => state.selected.has(id));
}
