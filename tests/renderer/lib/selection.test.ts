// The gallery's selection model: what a click, Shift-click, Ctrl/Cmd-click or key does.
import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  clearSelection,
  clickItem,
  moveFocus,
  pruneSelection,
  selectAll,
  selectedInOrder,
  toggleFocused,
  type Selection,
} from '../../../src/renderer/lib/selection';

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
const sel = (s: Selection) => [...s.selected].sort();

describe('clicks', () => {
  it('a plain click selects only that image and makes it the anchor', () => {
    let s = clickItem(EMPTY_SELECTION, ids, 'b');
    s = clickItem(s, ids, 'd');
    expect(sel(s)).toEqual(['d']);
    expect(s.anchor).toBe('d');
    expect(s.focus).toBe('d');
  });

  it('Shift-click selects the range from the anchor, in either direction', () => {
    const s = clickItem(clickItem(EMPTY_SELECTION, ids, 'b'), ids, 'e', { shift: true });
    expect(sel(s)).toEqual(['b', 'c', 'd', 'e']);
    const back = clickItem(s, ids, 'a', { shift: true });
    expect(sel(back)).toEqual(['a', 'b']);
    expect(back.anchor).toBe('b');
  });

  it('Shift-click without an anchor selects just the clicked image', () => {
    const s = clickItem(EMPTY_SELECTION, ids, 'c', { shift: true });
    expect(sel(s)).toEqual(['c']);
    expect(s.anchor).toBe('c');
  });

  it('Ctrl/Cmd-click toggles one image and keeps the rest', () => {
    let s = clickItem(EMPTY_SELECTION, ids, 'a');
    s = clickItem(s, ids, 'c', { toggle: true });
    s = clickItem(s, ids, 'e', { toggle: true });
    expect(sel(s)).toEqual(['a', 'c', 'e']);
    s = clickItem(s, ids, 'c', { toggle: true });
    expect(sel(s)).toEqual(['a', 'e']);
    expect(s.anchor).toBe('c');
  });

  it('Ctrl+Shift-click adds a range to what is already selected', () => {
    let s = clickItem(EMPTY_SELECTION, ids, 'a');
    s = clickItem(s, ids, 'd', { toggle: true });
    s = clickItem(s, ids, 'f', { shift: true, toggle: true });
    expect(sel(s)).toEqual(['a', 'd', 'e', 'f']);
  });

  it('a range from an anchor that has left the list starts at the click', () => {
    const s: Selection = { selected: new Set(), anchor: 'gone', focus: null };
    expect(sel(clickItem(s, ids, 'c', { shift: true }))).toEqual(['c']);
  });
});

describe('keyboard', () => {
  it('arrows move the focus and select it; the ends clamp', () => {
    let s = moveFocus(EMPTY_SELECTION, ids, 1);
    expect(s.focus).toBe('a');
    s = moveFocus(s, ids, 3);
    expect(s.focus).toBe('d');
    expect(sel(s)).toEqual(['d']);
    s = moveFocus(s, ids, 100);
    expect(s.focus).toBe('f');
    s = moveFocus(s, ids, -100);
    expect(s.focus).toBe('a');
  });

  it('moving up with nothing focused starts from the end', () => {
    expect(moveFocus(EMPTY_SELECTION, ids, -1).focus).toBe('f');
  });

  it('Shift+arrow extends the selection from the anchor', () => {
    let s = clickItem(EMPTY_SELECTION, ids, 'b');
    s = moveFocus(s, ids, 1, { shift: true });
    s = moveFocus(s, ids, 1, { shift: true });
    expect(sel(s)).toEqual(['b', 'c', 'd']);
    s = moveFocus(s, ids, -3, { shift: true });
    expect(sel(s)).toEqual(['a', 'b']);
  });

  it('Ctrl+arrow moves focus only; Space then toggles the focused image', () => {
    let s = clickItem(EMPTY_SELECTION, ids, 'a');
    s = moveFocus(s, ids, 2, { toggle: true });
    expect(s.focus).toBe('c');
    expect(sel(s)).toEqual(['a']);
    s = toggleFocused(s, ids);
    expect(sel(s)).toEqual(['a', 'c']);
    s = toggleFocused(s, ids);
    expect(sel(s)).toEqual(['a']);
  });

  it('Space with no focus selects the first image', () => {
    expect(sel(toggleFocused(EMPTY_SELECTION, ids))).toEqual(['a']);
    expect(toggleFocused(EMPTY_SELECTION, [])).toBe(EMPTY_SELECTION);
  });

  it('Ctrl+A selects everything loaded; Escape clears but keeps the focus', () => {
    let s = clickItem(EMPTY_SELECTION, ids, 'c');
    s = selectAll(s, ids);
    expect(sel(s)).toEqual(ids);
    s = clearSelection(s);
    expect(s.selected.size).toBe(0);
    expect(s.focus).toBe('c');
  });

  it('does nothing on an empty list', () => {
    expect(moveFocus(EMPTY_SELECTION, [], 1)).toBe(EMPTY_SELECTION);
  });
});

describe('bookkeeping', () => {
  it('pruning forgets ids that left the list and keeps the same object when nothing did', () => {
    const s = clickItem(clickItem(EMPTY_SELECTION, ids, 'b'), ids, 'd', { shift: true });
    expect(pruneSelection(s, ids)).toBe(s);
    const pruned = pruneSelection(s, ['a', 'c', 'e']);
    expect(sel(pruned)).toEqual(['c']);
    expect(pruned.anchor).toBeNull();
    expect(pruned.focus).toBeNull();
  });

  it('bulk actions get the selection in list order', () => {
    let s = clickItem(EMPTY_SELECTION, ids, 'e');
    s = clickItem(s, ids, 'a', { toggle: true });
    s = clickItem(s, ids, 'c', { toggle: true });
    expect(selectedInOrder(s, ids)).toEqual(['a', 'c', 'e']);
  });
});
