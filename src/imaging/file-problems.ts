// Says, in the person's terms, why a path holds no file to read: a link to nowhere or to a
// folder, a pipe or device, or a name that was not written as UTF-8. Nothing here opens the
// path itself, so a pipe never blocks.
import { isUtf8 } from 'node:buffer';
import type { Stats } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CodedError } from '../shared/errors';
import { imageErrors, translateFsError } from './image-errors';

function isSymlink(file: string): Promise<boolean> {
  return lstat(file).then(
    (info) => info.isSymbolicLink(),
    () => false,
  );
}

/** True when the folder holds an entry that reads as this name but whose bytes are not UTF-8. */
async function hasUndecodableName(file: string): Promise<boolean> {
  const name = path.basename(file);
  if (!name.includes('\uFFFD')) return false;
  const entries = await readdir(path.dirname(file), { encoding: 'buffer' }).catch(() => []);
  return entries.some((raw) => !isUtf8(raw) && raw.toString('utf8') === name);
}

/** Why a path that cannot be stat'ed holds no file, in the person's terms. */
export async function unreachable(file: string, error: unknown): Promise<CodedError> {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    if (await isSymlink(file)) return imageErrors.brokenLink(error);
    if (await hasUndecodableName(file)) return imageErrors.undecodableName(error);
  }
  return translateFsError(error);
}

/** What a path that is not a regular file is instead; none of them is ever opened. */
export async function notAFile(file: string, info: Stats): Promise<CodedError> {
  if (!info.isDirectory()) return imageErrors.specialFile();
  return (await isSymlink(file)) ? imageErrors.linkedFolder() : imageErrors.notAFile();
}
