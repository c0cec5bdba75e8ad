// Where the browser preview keeps the bytes of dropped and picked files: one fresh folder per
// upload request under <DATA_DIR>/staging, holding each file at its sanitized relative path, so
// the queue can read them as paths exactly as it reads the files of an Electron drop.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

export const MAX_STAGED_FILE_BYTES = 200 * 2 ** 20;
export const MAX_STAGED_FILES = 10_000;
const MAX_SEGMENT_CHARS = 120;
const MAX_DEPTH = 32;

/**
 * A browser-supplied relative path ("holiday/day1/a.jpg") made safe to join under a folder:
 * control characters and characters Windows forbids go, "." and ".." segments and leading
 * slashes or drive letters are dropped, so the result can never leave that folder.
 */
export function sanitizeRelativePath(given: string, fallbackName: string): string {
  const segments = given
    .split(/[\\/]+/)
    .map((segment) =>
      segment
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
        .replace(/[<>:"|?*]/g, '_')
        .trim()
        // Windows drops trailing dots and spaces, which would turn "..." into "..".
        .replace(/[. ]+$/, ''),
    )
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
    .map((segment) => truncate(segment))
    .slice(-MAX_DEPTH);
  return segments.length > 0 ? segments.join('/') : fallbackName;
}

/** Keeps the extension (the queue names files by it) when a name is cut short. */
function truncate(segment: string): string {
  if (segment.length <= MAX_SEGMENT_CHARS) return segment;
  const ext = path.extname(segment).slice(0, 16);
  return segment.slice(0, MAX_SEGMENT_CHARS - ext.length) + ext;
}

export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, path.resolve(file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export interface StagingBatch {
  readonly dir: string;
  readonly paths: string[];
  /** Streams one file to disk; a second file at the same path gets " (2)" before its extension. */
  write(relativePath: string, data: Readable): Promise<string>;
  discard(): Promise<void>;
}

export class StagingArea {
  constructor(readonly root: string) {}

  async prepare(): Promise<void> {
    await fs.mkdir(this.root, { recursive: true });
  }

  async batch(): Promise<StagingBatch> {
    const dir = path.join(this.root, crypto.randomUUID());
    await fs.mkdir(dir, { recursive: true });
    const paths: string[] = [];
    return {
      dir,
      paths,
      write: async (relativePath, data) => {
        const safe = sanitizeRelativePath(relativePath, `file-${paths.length + 1}`);
        const target = await writeUnique(dir, safe, data);
        paths.push(target);
        return target;
      },
      discard: () => fs.rm(dir, { recursive: true, force: true }),
    };
  }

  /** Whether a path given to queue:add or as an avatar is one this area staged. */
  holds(file: string): boolean {
    return isInside(this.root, file);
  }

  /** Removes the batches no queued item still reads (staged for a run that is over). */
  async prune(inUse: Iterable<string>): Promise<void> {
    const keep = new Set<string>();
    for (const file of inUse) {
      if (!isInside(this.root, file)) continue;
      keep.add(path.relative(this.root, path.resolve(file)).split(path.sep)[0]!);
    }
    const entries = await fs.readdir(this.root).catch(() => [] as string[]);
    await Promise.all(
      entries
        .filter((name) => !keep.has(name))
        .map((name) => fs.rm(path.join(this.root, name), { recursive: true, force: true })),
    );
  }
}

async function writeUnique(dir: string, relative: string, data: Readable): Promise<string> {
  const wanted = path.join(dir, relative);
  if (!isInside(dir, wanted)) throw new Error(`refusing to stage outside ${dir}`);
  await fs.mkdir(path.dirname(wanted), { recursive: true });
  const ext = path.extname(wanted);
  const stem = wanted.slice(0, wanted.length - ext.length);
  for (let n = 1; ; n++) {
    const target = n === 1 ? wanted : `${stem} (${n})${ext}`;
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(target, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    await pipeline(data, handle.createWriteStream());
    return target;
  }
}
