// What each corpus entry is and what a demanding user expects the upload to do with it, plus
// the small helpers the entry lists use to put files, links and pipes on disk.
import fs from 'node:fs/promises';
import type { ErrorCode } from '../../src/shared/errors';
import type { Quarters } from './wild-pattern';

export interface Uploaded {
  outcome: 'uploaded';
  /** Upright size of the source; the stored original fits it inside the max edge. */
  width: number;
  height: number;
  contentType: string;
  /** The pattern the stored image must show upright; absent where it has none (1 px). */
  quarters?: Quarters;
  /** Frames the stored original keeps; 1 unless an animation stays animated. */
  frames?: number;
  /** Files with the same content: one is uploaded, the others reported as its duplicates. */
  sameAs?: string;
}

export type Expected =
  | Uploaded
  | { outcome: 'refused'; code: ErrorCode }
  /** Never queued, never reported: OS litter and hidden files. */
  | { outcome: 'skipped' };

export interface WildFile {
  /** Relative to the corpus folder, as Node spells it (an undecodable byte reads as U+FFFD). */
  path: string;
  expected: Expected;
  why: string;
}

/** Puts one entry on disk; `at` is its absolute path, `root` the corpus folder. */
export type Make = (at: string, root: string) => Promise<unknown>;

export interface Spec extends WildFile {
  make: Make;
}

export function uploaded(
  width: number,
  height: number,
  contentType: string,
  extra: Partial<Uploaded> = {},
): Uploaded {
  return { outcome: 'uploaded', width, height, contentType, ...extra };
}

export function refused(code: ErrorCode): Expected {
  return { outcome: 'refused', code };
}

export const SKIPPED: Expected = { outcome: 'skipped' };

/** Generates the bytes only when the entry is written, so big pictures are not all held at once. */
export function write(data: () => Buffer | string | Promise<Buffer>): Make {
  return async (at) => fs.writeFile(at, await data());
}

export function linkTo(target: string): Make {
  return (at) => fs.symlink(target, at);
}
