// Remembers the window's size, position and maximized flag in the data folder
// (window-state.json). Reads validate (a broken file means default placement, logged);
// resizing and moving save at most every half second, and closing saves at once.
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../logging/logger';
import { readJson, writeJsonAtomic } from '../services/json-file';
import { systemTimers, type Timers } from '../timers';
import type { SavedWindowState } from './window-placement';

export const WINDOW_STATE_FILE = 'window-state.json';
export const SAVE_DELAY_MS = 500;

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);
const savedSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }),
  maximized: z.boolean(),
});

export interface WindowStateStoreOptions {
  dataDir: string;
  log: Logger;
  timers?: Timers;
  delayMs?: number;
}

export class WindowStateStore {
  readonly file: string;
  private readonly timers: Timers;
  private pending: SavedWindowState | undefined;
  private last: SavedWindowState | undefined;
  private timer: unknown;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly options: WindowStateStoreOptions) {
    this.file = path.join(options.dataDir, WINDOW_STATE_FILE);
    this.timers = options.timers ?? systemTimers;
  }

  /** The saved state, or undefined (first run, or a file that is not one of ours). */
  async load(): Promise<SavedWindowState | undefined> {
    let raw: unknown;
    try {
      raw = await readJson(this.file);
    } catch (error) {
      this.options.log.warn(`${this.file} is not readable JSON; default window placement:`, error);
      return undefined;
    }
    if (raw === undefined) return undefined;
    const parsed = savedSchema.safeParse(raw);
    if (!parsed.success) {
      this.options.log.warn(`${this.file} is not a window state; default window placement.`);
      return undefined;
    }
    this.last = parsed.data;
    return parsed.data;
  }

  /** The newest state known, saved or not: where a window opened later should go. */
  latest(): SavedWindowState | undefined {
    return this.last;
  }

  /** A resize or move: saved once the window has been still for a moment. */
  saveSoon(state: SavedWindowState): void {
    this.pending = state;
    this.last = state;
    this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(
      () => void this.flush(),
      this.options.delayMs ?? SAVE_DELAY_MS,
    );
  }

  /** Writes what is pending now (the window is closing); resolves when it is on disk. */
  flush(): Promise<void> {
    this.timers.clearTimeout(this.timer);
    const state = this.pending;
    this.pending = undefined;
    if (state) {
      // One write at a time, in order: the last state wins on disk.
      this.writing = this.writing.then(() =>
        writeJsonAtomic(this.file, state).catch((error: unknown) =>
          this.options.log.warn(`could not save the window state to ${this.file}:`, error),
        ),
      );
    }
    return this.writing;
  }
}
