// Turns what the person dropped (files and folders) into the list of files to queue. Folders
// are walked recursively. Hidden entries (".DS_Store", "._IMG_0001.JPG", ".git"), the litter
// operating systems leave in photo folders, and pipes, sockets and devices (made by programs,
// and opening one can block forever) are skipped; every other entry is queued, so that no file
// of the person's vanishes without a line saying why.
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isOsLitter } from '../../shared/os-litter';

export interface FoundFile {
  path: string;
  /** 0 when the path cannot be read now; the worker reports why when it gets to it. */
  size: number;
  /** Where it sits in what was dropped: "shoot/day 1" for shoot/day 1/a.jpg; null for a file. */
  folder: string | null;
}

async function walk(dir: string, out: FoundFile[], base: string): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable sub-folder holds nothing we could upload
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (isOsLitter(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      await walk(full, out, base);
      continue;
    }
    // Links to folders are not followed (a link back up the tree would never end); they, links
    // to nowhere and names that do not open are queued, and the worker refuses each with a
    // sentence saying what it is.
    const info = await fs.stat(full).catch(() => undefined);
    if (info && !info.isFile() && !info.isDirectory()) continue;
    const folder = path.relative(base, dir).split(path.sep).join('/');
    out.push({ path: full, size: info?.isFile() ? info.size : 0, folder });
  }
}

/**
 * Explicitly named paths are always kept, even missing or special ones, so the person gets a
 * line saying why each failed instead of a silent skip; folders contribute every file inside
 * (the worker judges each by its bytes).
 */
export async function expandPaths(paths: readonly string[]): Promise<FoundFile[]> {
  const out: FoundFile[] = [];
  for (const given of paths) {
    const full = path.resolve(given);
    const info = await fs.stat(full).catch(() => undefined);
    // Relative to the dropped folder's parent, so the folder's own name is part of it.
    if (info?.isDirectory()) await walk(full, out, path.dirname(full));
    else out.push({ path: full, size: info?.isFile() ? info.size : 0, folder: null });
  }
  return out;
}
