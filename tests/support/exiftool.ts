// Writes EXIF dates into an image with exiftool (libimage-exiftool-perl), the way a camera or a
// phone leaves them: DateTimeOriginal, and OffsetTimeOriginal where the device knows its zone.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function withExifDate(
  image: Buffer,
  date: { dateTimeOriginal: string; offsetTimeOriginal?: string },
): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'exiftool-'));
  try {
    const file = path.join(dir, 'photo.jpg');
    await writeFile(file, image);
    await run('exiftool', [
      '-overwrite_original',
      `-DateTimeOriginal=${date.dateTimeOriginal}`,
      ...(date.offsetTimeOriginal ? [`-OffsetTimeOriginal=${date.offsetTimeOriginal}`] : []),
      file,
    ]);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
