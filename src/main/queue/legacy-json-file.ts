// The JSON state file earlier versions kept the queue in. It is read once, when the database
// is first opened next to it: validated (a damaged file is moved aside and reported, never a
// crash), imported, then renamed so it is not imported twice and is still there to look at.
import fs from 'node:fs/promises';
import path from 'node:path';
import { readJson } from '../services/json-file';
import { queueFileSchema, type DurableItem } from './durable-item';
import { isTerminal } from '../../shared/queue';

export interface LegacyQueue {
  paused: boolean;
  items: DurableItem[];
}

export interface LegacyLoad {
  /** undefined when there is no file to import. */
  queue: LegacyQueue | undefined;
  warning: string | undefined;
  /** Renames the imported file out of the way; call once its items are in the database. */
  retire(): Promise<void>;
}

const nothing = async () => undefined;

export async function loadLegacyQueueFile(file: string): Promise<LegacyLoad> {
  let raw: unknown;
  let problem: string | undefined;
  try {
    raw = await readJson(file);
  } catch {
    problem = 'was not valid JSON';
  }
  if (raw === undefined && !problem)
    return { queue: undefined, warning: undefined, retire: nothing };
  if (!problem) {
    const parsed = queueFileSchema.safeParse(raw);
    if (parsed.success) {
      const { paused, perFilePause, items } = parsed.data;
      // Files written before pauses were kept per file: "pause all" meant every file.
      if (paused && !perFilePause) {
        for (const item of items) if (!isTerminal(item.state)) item.paused = true;
      }
      return {
        queue: { paused, items },
        warning: undefined,
        retire: () => fs.rename(file, `${file}.imported-${Date.now()}`),
      };
    }
    problem = 'did not have the expected content';
  }
  // Keep the damaged file for inspection instead of overwriting what may be someone's batch.
  const aside = `${file}.corrupt-${Date.now()}`;
  await fs.rename(file, aside);
  return {
    queue: undefined,
    retire: nothing,
    warning:
      `The upload queue file ${problem}, so the queue starts empty. ` +
      `The old file was kept as ${path.basename(aside)}.`,
  };
}
