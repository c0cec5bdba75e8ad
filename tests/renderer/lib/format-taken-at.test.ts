// The date taken in the details panel reads as the camera's clock showed it, in any viewer's zone.
import { describe, expect, it } from 'vitest';
import { formatTakenAt } from '../../../src/renderer/lib/format';

describe('formatTakenAt', () => {
  it('shows the wall clock with the recorded offset, not moved into the viewer zone', () => {
    const text = formatTakenAt('2023-07-14T21:30:00+09:00');
    expect(text).toContain('2023');
    expect(text).toMatch(/9:30|21:30/);
    expect(text).toContain('(UTC+09:00)');
  });

  it('shows a zone-less date as it is, and Unknown when there is none', () => {
    const text = formatTakenAt('2015-06-01T08:00:00');
    expect(text).toMatch(/8:00/);
    expect(text).not.toContain('UTC');
    expect(formatTakenAt(null)).toBe('Unknown');
  });
});
