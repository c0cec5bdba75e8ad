// Tags typed as one comma-separated line.
import { describe, expect, it } from 'vitest';
import { parseTags } from '../../../src/renderer/lib/tags';

describe('parseTags', () => {
  it('splits on commas, trims, and drops empty and repeated tags', () => {
    expect(parseTags(' beach, summer ,, beach,2026 ')).toEqual(['beach', 'summer', '2026']);
    expect(parseTags('')).toEqual([]);
  });
});
