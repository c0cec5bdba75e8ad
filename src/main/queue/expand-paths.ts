// Turns what the person dropped (files and folders) into the list of files to queue. Folders
// are walked recursively; hidden entries inside them (".DS_Store", ".git") are skipped.
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface FoundFile {
  path: string;
  /** 0 when the path cannot be read now; the worker reports why when it gets to it. */
  size: number;
}

async function walk(dir: string, out: FoundFile[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable sub-folder holds nothing we could upload
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    // Symlinked folders are not followed: a link back up the tree would never end.
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile() || entry.isSymbolicLink()) {
      const info = await fs.stat(full).catch(() => undefined);
      if (info?.isFile()) out.push({ path: full, size: info.size });
    }
  }
}

/**
 * Explicitly named paths are always kept, even missing or special ones, so the person gets a
 * line saying why each failed instead of a silent skip; folders contribute every file inside (the worker judges each by its bytes).
 */
export async function expandPaths(paths: readonly string[]): Promise<FoundFile[]> {
  const out: FoundFile[] = [];
  for (const given of paths) {
    const full = path.resolve(given);
    const info = await fs.stat(full).catch(() => undefined);
    if (info?.isDirectory()) await walk(full, out);
    else out.push({ path: full, size: info?.isFile() ? info.size : 0 });
  }
  return out;
}
