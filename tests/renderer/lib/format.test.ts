// How sizes, speeds, times left and counts read in the UI.
import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDimensions,
  formatEta,
  formatPercent,
  formatThroughput,
  plural,
} from '../../../src/renderer/lib/format';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [-5, '0 B'],
    [Number.NaN, '0 B'],
    [512, '512 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1536, '1.5 KB'],
    [950 * 1024, '950 KB'],
    [9.54 * 1024 * 1024, '9.5 MB'],
    [3 * 1024 ** 3, '3.0 GB'],
    [2 * 1024 ** 5, '2048 TB'],
  ])('%s bytes is %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatThroughput', () => {
  it('shows a rate, or a dash when nothing moves', () => {
    expect(formatThroughput(1.5 * 1024 * 1024)).toBe('1.5 MB/s');
    expect(formatThroughput(0)).toBe('—');
    expect(formatThroughput(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('formatEta', () => {
  it.each([
    [null, '—'],
    [-1, '—'],
    [0, 'less than a second'],
    [0.4, '1 s'],
    [12, '12 s'],
    [59.2, '1 min'],
    [60, '1 min'],
    [185, '3 min 5 s'],
    [3600, '1 h'],
    [3840, '1 h 4 min'],
  ])('%s seconds reads %s', (seconds, text) => {
    expect(formatEta(seconds)).toBe(text);
  });
});

describe('small helpers', () => {
  it('percent is floored and clamped', () => {
    expect(formatPercent(1, 3)).toBe(33);
    expect(formatPercent(5, 0)).toBe(0);
    expect(formatPercent(7, 5)).toBe(100);
  });

  it('dimensions and plurals', () => {
    expect(formatDimensions(4000, 3000)).toBe('4000 × 3000');
    expect(formatDimensions(null, 10)).toBe('Unknown');
    expect(plural(1, 'image')).toBe('1 image');
    expect(plural(2, 'image')).toBe('2 images');
    expect(plural(1200, 'file')).toBe(`${(1200).toLocaleString()} files`);
  });
});
