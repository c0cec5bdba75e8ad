// The gallery grid's geometry and which images are on the visible rows.
import { describe, expect, it } from 'vitest';
import { GRID, gridLayout, idsOnRows } from '../../../src/renderer/lib/grid-layout';

describe('gridLayout', () => {
  it('fits as many columns as the minimum tile allows and shares the rest', () => {
    const layout = gridLayout(700);
    expect(layout.columns).toBe(4);
    expect(layout.tile * 4 + GRID.gap * 3 + GRID.padding * 2).toBeCloseTo(700);
    expect(layout.rowHeight).toBeCloseTo(layout.tile + GRID.caption + GRID.gap);
  });

  it('always has one column, even before the width is known', () => {
    expect(gridLayout(0).columns).toBe(1);
    expect(gridLayout(120).columns).toBe(1);
  });
});

describe('idsOnRows', () => {
  it('lists the ids on the given rows, including a short last row', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(idsOnRows(ids, 3, [1, 2])).toEqual(['d', 'e', 'f', 'g']);
    expect(idsOnRows(ids, 3, [5])).toEqual([]);
  });
});

describe('narrow panes', () => {
  it('use smaller tiles so a narrow gallery still shows two columns', () => {
    expect(gridLayout(312).columns).toBe(2);
  });
});
