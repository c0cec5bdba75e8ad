// What a drop or a picker hands to the queue: folders walked (with relative paths), hidden
// entries skipped, and plain files kept when the browser offers no entries.
import { describe, expect, it } from 'vitest';
import {
  captureDrop,
  expandDrop,
  fromFileList,
  isFileDrag,
} from '../../../src/renderer/lib/dropped-files';

function fileEntry(name: string): FileSystemFileEntry {
  return {
    name,
    isFile: true,
    isDirectory: false,
    file: (ok: (f: File) => void) => ok(new File(['x'], name)),
  } as unknown as FileSystemFileEntry;
}

/** A folder whose reader answers in batches of two, as Chromium answers in batches of 100. */
function dirEntry(name: string, children: FileSystemEntry[]): FileSystemDirectoryEntry {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok: (e: FileSystemEntry[]) => void) => {
          ok(children.slice(at, at + 2));
          at += 2;
        },
      };
    },
  } as unknown as FileSystemDirectoryEntry;
}

describe('expandDrop', () => {
  it('walks folders depth-first in name order, keeping relative paths and skipping hidden entries', async () => {
    const trip = dirEntry('Trip', [
      fileEntry('b.jpg'),
      fileEntry('.DS_Store'),
      dirEntry('day 1', [fileEntry('z.jpg'), fileEntry('a.jpg')]),
      fileEntry('a.jpg'),
      dirEntry('.git', [fileEntry('HEAD')]),
      // What Windows and zip tools leave behind is not the person's pictures either.
      fileEntry('Thumbs.db'),
      fileEntry('desktop.ini'),
      dirEntry('__MACOSX', [fileEntry('._a.jpg'), fileEntry('x.jpg')]),
    ]);
    const loose = new File(['y'], 'loose.png');
    const picked = await expandDrop([
      { file: null, entry: trip },
      { file: loose, entry: null },
    ]);
    expect(picked.map((p) => p.relativePath ?? p.file.name)).toEqual([
      'Trip/a.jpg',
      'Trip/b.jpg',
      'Trip/day 1/a.jpg',
      'Trip/day 1/z.jpg',
      'loose.png',
    ]);
    expect(picked.at(-1)).toEqual({ file: loose });
  });

  it('a dropped single file entry has no relative path', async () => {
    const [one] = await expandDrop([{ file: null, entry: fileEntry('solo.jpg') }]);
    expect(one!.relativePath).toBeUndefined();
    expect(one!.file.name).toBe('solo.jpg');
  });
});

describe('captureDrop and isFileDrag', () => {
  it('takes files from a scripted DataTransfer that has no entries', () => {
    const files = [new File(['1'], 'one.jpg'), new File(['2'], 'two.jpg')];
    const data = {
      items: files.map((file) => ({
        kind: 'file',
        getAsFile: () => file,
        webkitGetAsEntry: () => null,
      })),
      files,
      types: ['Files'],
    } as unknown as DataTransfer;
    expect(captureDrop(data).map((d) => d.file?.name)).toEqual(['one.jpg', 'two.jpg']);
    expect(isFileDrag(data)).toBe(true);
    expect(isFileDrag({ types: ['application/x-image-desk-ids'] } as unknown as DataTransfer)).toBe(
      false,
    );
    expect(isFileDrag(null)).toBe(false);
  });
});

describe('fromFileList', () => {
  it('keeps a chosen folder’s relative paths and drops hidden files and OS litter', () => {
    const inFolder = new File(['1'], 'a.jpg');
    Object.defineProperty(inFolder, 'webkitRelativePath', { value: 'Trip/a.jpg' });
    const hidden = new File(['2'], '.DS_Store');
    const plain = new File(['3'], 'b.jpg');
    const zipped = new File(['4'], 'c.jpg');
    Object.defineProperty(zipped, 'webkitRelativePath', { value: 'Trip/__MACOSX/c.jpg' });
    expect(fromFileList([inFolder, hidden, zipped, plain])).toEqual([
      { file: inFolder, relativePath: 'Trip/a.jpg' },
      { file: plain },
    ]);
  });
});
