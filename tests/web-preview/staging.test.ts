// Names the browser sends for dropped files, made safe to write under the staging folder.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, sanitizeRelativePath } from '../../src/web-preview/staging';

describe('sanitizeRelativePath', () => {
  it.each([
    ['holiday/day1/a.jpg', 'holiday/day1/a.jpg'],
    ['holiday\\day1\\a.jpg', 'holiday/day1/a.jpg'],
    ['../../etc/passwd', 'etc/passwd'],
    ['/etc/passwd', 'etc/passwd'],
    ['//server/share/a.jpg', 'server/share/a.jpg'],
    ['C:\\Users\\ann\\a.jpg', 'C_/Users/ann/a.jpg'],
    ['a/./b/../c.jpg', 'a/b/c.jpg'],
    ['.../x.jpg', 'x.jpg'],
    ['trip. /x.jpg. ', 'trip/x.jpg'],
    ['new\nline\t.jpg', 'newline.jpg'],
    ['what?<>|*".jpg', 'what______.jpg'],
    ['.hidden.jpg', '.hidden.jpg'],
  ])('%j → %j', (given, expected) => {
    expect(sanitizeRelativePath(given, 'file-1')).toBe(expected);
  });

  it('names a file that has no usable name', () => {
    for (const given of ['', '..', '../..', '/', '\u0000\u0001', ' . '])
      expect(sanitizeRelativePath(given, 'file-7')).toBe('file-7');
  });

  it('shortens very long names but keeps their extension, and limits the depth', () => {
    const long = sanitizeRelativePath(`${'x'.repeat(500)}.jpeg`, 'f');
    expect(long.length).toBe(120);
    expect(long.endsWith('.jpeg')).toBe(true);
    const deep = sanitizeRelativePath(`${'d/'.repeat(100)}a.jpg`, 'f');
    expect(deep.split('/')).toHaveLength(32);
    expect(deep.endsWith('/a.jpg')).toBe(true);
  });
});

describe('isInside', () => {
  const root = path.resolve('/data/staging');
  it.each([
    ['/data/staging/b/a.jpg', true],
    ['/data/staging', false],
    ['/data/staging-evil/a.jpg', false],
    ['/data/staging/../a.jpg', false],
    ['/etc/passwd', false],
  ])('%s → %s', (file, expected) => {
    expect(isInside(root, file)).toBe(expected);
  });
});
