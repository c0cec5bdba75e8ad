// A photographer's folder as it really arrives, written in test setup: camera JPEGs in every
// EXIF orientation with GPS and a body serial, other colour models and bit depths, animations,
// scans, phone formats, raw files and videos, damaged and hostile files, odd names, OS litter,
// links and a named pipe. Each entry says what a demanding user expects from the upload.
import fs from 'node:fs/promises';
import path from 'node:path';
import { badFiles, litter } from './wild-bad';
import { goodImages } from './wild-good';
import type { WildFile } from './wild-spec';

export { CAMERA_SERIAL } from './wild-camera';
export type { Expected, Uploaded, WildFile } from './wild-spec';

/**
 * Writes the corpus under `root`, and the target of one link under `outside` (a photo on
 * another drive), in order: copies and links come after what they point to.
 */
export async function buildWildCorpus(root: string, outside: string): Promise<WildFile[]> {
  const files: WildFile[] = [];
  for (const { make, ...file } of [...goodImages(outside), ...badFiles(), ...litter()]) {
    const at = path.join(root, file.path);
    await fs.mkdir(file.path.endsWith('/') ? at : path.dirname(at), { recursive: true });
    await make(at, root);
    files.push(file);
  }
  return files;
}
