// Paths that hold no readable file, as they turn up inside dropped folders: links to nowhere,
// link loops, links to folders, named pipes and names not written in UTF-8. Each is refused
// with its code and a sentence saying what it is; a pipe is never opened, so nothing blocks.
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES, processImage, sniffFile } from '../../src/imaging';
import { codeOf, solid, useTempDir } from './helpers';

const tmp = useTempDir();

async function refusal(file: string): Promise<{ code: string; message: string }> {
  const error = await processImage(file).then(
    () => undefined,
    (e: unknown) => e as { code: string; message: string },
  );
  expect(error, file).toBeDefined();
  expect(await codeOf(sniffFile(file))).toBe(error!.code);
  return { code: error!.code, message: error!.message };
}

describe('paths that hold no readable file', () => {
  it('calls a link to a missing file a broken link', async () => {
    const link = path.join(tmp(), 'dangling.jpg');
    await symlink(path.join(tmp(), 'gone', 'photo.jpg'), link);
    const { code, message } = await refusal(link);
    expect(code).toBe('FILE_NOT_FOUND');
    expect(message).toMatch(/link to a file that no longer exists/);
  });

  it('calls a link to itself a loop, not a damaged image', async () => {
    const link = path.join(tmp(), 'loop.jpg');
    await symlink('loop.jpg', link);
    const { code, message } = await refusal(link);
    expect(code).toBe('FILE_NOT_FOUND');
    expect(message).toMatch(/loop/);
  });

  it('says a link to a folder is not followed', async () => {
    await mkdir(path.join(tmp(), 'album'));
    const link = path.join(tmp(), 'album link');
    await symlink(path.join(tmp(), 'album'), link);
    const { code, message } = await refusal(link);
    expect(code).toBe('NOT_A_FILE');
    expect(message).toMatch(/link to a folder/);
  });

  it('refuses a named pipe from its type, without opening it', async () => {
    const pipe = path.join(tmp(), 'pipe.jpg');
    execFileSync('mkfifo', [pipe]);
    // Opening a pipe with no writer blocks forever: finishing at all is the check.
    const { code, message } = await refusal(pipe);
    expect(code).toBe('NOT_A_FILE');
    expect(message).toMatch(/named pipe/);
  });

  it('explains a name that is not UTF-8 (Latin-1 from an old zip) instead of "not found"', async () => {
    const dir = path.join(tmp(), 'latin1');
    await mkdir(dir);
    const name = Buffer.concat([
      Buffer.from(`${dir}/caf`),
      Buffer.from([0xe9]),
      Buffer.from('.jpg'),
    ]);
    await writeFile(name, await solid(16, 16, '#336699').jpeg().toBuffer());
    const [listed] = await readdir(dir); // how every string-based API sees it: "caf\uFFFD.jpg"
    expect(listed).toBe('caf\uFFFD.jpg');
    const { code, message } = await refusal(path.join(dir, listed!));
    expect(code).toBe('FILE_NOT_FOUND');
    expect(message).toMatch(/not valid UTF-8.*Rename it/);
  });

  it('keeps the plain "not found" for a missing file, even one named with U+FFFD', async () => {
    const { code, message } = await refusal(path.join(tmp(), 'caf\uFFFD-gone.jpg'));
    expect(code).toBe('FILE_NOT_FOUND');
    expect(message).toMatch(/was not found/);
  });
});

describe('file size', () => {
  it('does not say "200 MB, more than the 200 MB limit" for a file just over it', async () => {
    const file = path.join(tmp(), 'just over.jpg');
    await writeFile(file, await solid(16, 16, '#336699').jpeg().toBuffer());
    await truncate(file, DEFAULT_MAX_FILE_BYTES + 1); // sparse: no 200 MB written
    const { code, message } = await refusal(file);
    expect(code).toBe('FILE_TOO_LARGE');
    expect(message).toBe('The file is just over the 200 MB limit. Save it smaller and try again.');
  });
});
