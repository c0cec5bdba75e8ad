// Loads and saves the queue's state file: validated on load (a damaged file is moved aside and
// reported, never a crash), written atomically, with frequent changes coalesced into one write.
import fs from 'node:fs/promises';
import path from 'node:path';
import { readJson, writeTextAtomic } from '../services/json-file';
import { queueFileSchema, type QueueFile } from './durable-item';
import { QueueFileText } from './state-text';

/** Progress and state changes within this window share one write. */
const COALESCE_MS = 200;

export interface LoadedState {
  state: QueueFile;
  /** Set when the file was damaged and the queue starts empty; says where the old file went. */
  warning: string | undefined;
}

const EMPTY: QueueFile = { version: 1, paused: false, items: [] };

export async function loadQueueFile(file: string): Promise<LoadedState> {
  let raw: unknown;
  let problem: string | undefined;
  try {
    raw = await readJson(file);
  } catch {
    problem = 'was not valid JSON';
  }
  if (raw === undefined && !problem) return { state: structuredClone(EMPTY), warning: undefined };
  if (!problem) {
    const parsed = queueFileSchema.safeParse(raw);
    if (parsed.success) return { state: parsed.data, warning: undefined };
    problem = 'did not have the expected content';
  }
  // Keep the damaged file for inspection instead of overwriting what may be someone's batch.
  const aside = `${file}.corrupt-${Date.now()}`;
  await fs.rename(file, aside).catch(() => undefined);
  return {
    state: structuredClone(EMPTY),
    warning:
      `The upload queue file ${problem}, so the queue starts empty. ` +
      `The old file was kept as ${path.basename(aside)}.`,
  };
}

export class StateStore {
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** The write in progress, if any; a flush requested meanwhile waits for one more write. */
  private writing: Promise<void> | undefined;
  private next: Promise<void> | undefined;
  private readonly text = new QueueFileText();

  constructor(
    private readonly file: string,
    private readonly read: () => QueueFile,
  ) {}

  /** Schedules a write soon; many calls in a burst become one write. */
  schedule(): void {
    // After close the lock is released: another process may own the file now.
    if (this.closed) return;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch(() => undefined);
    }, COALESCE_MS);
  }

  /** Resolves once a write that started after this call has finished. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (!this.writing) return this.startWrite();
    // A write is under way with older state: queue exactly one more, shared by every caller.
    this.next ??= this.writing
      .catch(() => undefined)
      .then(() => {
        this.next = undefined;
        return this.startWrite();
      });
    return this.next;
  }

  private startWrite(): Promise<void> {
    const write = writeTextAtomic(this.file, this.text.render(this.read())).finally(() => {
      if (this.writing === write) this.writing = undefined;
    });
    this.writing = write;
    return write;
  }

  /** Stops the coalescing timer and writes the final state. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }
}
