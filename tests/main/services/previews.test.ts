// Queue-list previews: a real image gives a small WebP; a named pipe or a missing file gives
// nothing, and never hangs waiting on the pipe.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPreviewer } from '../../../src/main/services/previews';
import { tempDirs, writeJpeg } from './helpers';

const newDir = tempDirs('image-desk-previews-');

describe('createPreviewer', () => {
  it('makes a small WebP of a queued image', async () => {
    const file = await writeJpeg(await newDir(), 'big.jpg', 1200);
    const preview = await createPreviewer(() => file)('item-1');
    const info = await sharp(preview!).metadata();
    expect(info.format).toBe('webp');
    expect(Math.max(info.width!, info.height!)).toBe(160);
  });

  it('answers nothing for a named pipe or a missing file instead of waiting on it', async () => {
    const dir = await newDir();
    const pipe = path.join(dir, 'pipe.jpg');
    execFileSync('mkfifo', [pipe]);
    const sources: Record<string, string> = { pipe, gone: path.join(dir, 'gone.jpg') };
    const previewer = createPreviewer((id) => sources[id]);
    // Opening the pipe would block until a writer appears, i.e. past the test's timeout.
    expect(await previewer('pipe')).toBeUndefined();
    expect(await previewer('gone')).toBeUndefined();
    expect(await previewer('not-queued')).toBeUndefined();
  });
});
