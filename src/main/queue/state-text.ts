// The queue file's text. A desktop that is used every day keeps hundreds or thousands of
// finished files in its list, and the file is rewritten several times a second while a batch
// runs (keys must be on disk before each PUT). Finished files do not change, so their JSON is
// kept from the write before instead of being made again: a write costs what the unfinished
// files cost, not the whole history. Compact JSON: nobody reads this file, the queue does.
import { isTerminal } from '../../shared/queue';
import type { DurableItem, QueueFile } from './durable-item';

interface Cached {
  /** What a finished file may still change: a retry (state), resume (paused). */
  fingerprint: string;
  text: string;
}

export class QueueFileText {
  private readonly finished = new WeakMap<DurableItem, Cached>();

  render(file: QueueFile): string {
    const items = file.items.map((item) => this.item(item));
    const { items: _items, ...head } = file;
    // The header fields as JSON, minus the closing brace, then the items.
    return `${JSON.stringify(head).slice(0, -1)},"items":[${items.join(',')}]}\n`;
  }

  private item(item: DurableItem): string {
    if (!isTerminal(item.state)) return JSON.stringify(item);
    const fingerprint = `${item.state}|${item.paused}|${item.attempts}`;
    const cached = this.finished.get(item);
    if (cached?.fingerprint === fingerprint) return cached.text;
    const text = JSON.stringify(item);
    this.finished.set(item, { fingerprint, text });
    return text;
  }
}
