// New uploads refresh the gallery's first page without losing what was scrolled in.
import { describe, expect, it } from 'vitest';
import { appendPage, mergeHead } from '../../../src/renderer/lib/gallery-merge';

const list = (...ids: string[]) => ids.map((id) => ({ id }));
const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);

describe('mergeHead', () => {
  it('puts new images first and keeps the loaded tail below the head', () => {
    const loaded = list('e', 'd', 'c', 'b', 'a');
    const head = list('g', 'f', 'e');
    expect(ids(mergeHead(loaded, head, false))).toEqual(['g', 'f', 'e', 'd', 'c', 'b', 'a']);
  });

  it('replaces the list when the head covers everything loaded, or everything there is', () => {
    expect(ids(mergeHead(list('b', 'a'), list('c', 'b', 'a'), false))).toEqual(['c', 'b', 'a']);
    expect(ids(mergeHead(list('d', 'c', 'b', 'a'), list('x', 'd'), true))).toEqual(['x', 'd']);
  });

  it('takes the fresh copy of an image that is in both', () => {
    const merged = mergeHead(
      [
        { id: 'a', v: 1 },
        { id: 'b', v: 1 },
        { id: 'c', v: 1 },
      ],
      [{ id: 'a', v: 2 }],
      false,
    );
    expect(merged).toEqual([
      { id: 'a', v: 2 },
      { id: 'b', v: 1 },
      { id: 'c', v: 1 },
    ]);
  });
});

describe('appendPage', () => {
  it('appends the next page without repeating ids already shown', () => {
    expect(ids(appendPage(list('a', 'b'), list('b', 'c')))).toEqual(['a', 'b', 'c']);
  });
});
