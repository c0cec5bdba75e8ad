// Asks the server, in batches, whether source files (by SHA-256 of their bytes) are already in
// the account's gallery: files read within a short window share one request (up to 500 hashes),
// so a re-added folder costs a few round trips and no image work.
import type { SourceLookupResponse } from '../../shared/api';

export type SendLookup = (
  sha256s: string[],
  signal: AbortSignal,
) => Promise<SourceLookupResponse['found']>;

export type SourceMatch = { imageId: string; filename: string } | undefined;

interface Entry {
  sha256: string;
  signal: AbortSignal;
  resolve(match: SourceMatch): void;
  reject(error: unknown): void;
}

export class SourceLookupBatcher {
  private waiting: Entry[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Lookups sent to the server (each with up to maxItems hashes); tests read it. */
  requestsSent = 0;

  constructor(
    private readonly send: SendLookup,
    private readonly options: { maxItems: number; windowMs: number } = {
      maxItems: 500,
      windowMs: 30,
    },
  ) {}

  /** The image this source already is in the gallery, or undefined. */
  lookup(sha256: string, signal: AbortSignal): Promise<SourceMatch> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const entry: Entry = { sha256, signal, resolve, reject };
      signal.addEventListener(
        'abort',
        () => {
          this.waiting = this.waiting.filter((e) => e !== entry);
          reject(signal.reason);
        },
        { once: true },
      );
      this.waiting.push(entry);
      if (this.waiting.length >= this.options.maxItems) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.windowMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const group = this.waiting;
    this.waiting = [];
    if (group.length > 0) void this.sendGroup(group);
  }

  private async sendGroup(group: Entry[]): Promise<void> {
    // The request stops only when every file in the group was aborted (pause all, close).
    const controller = new AbortController();
    let live = group.length;
    for (const entry of group) {
      entry.signal.addEventListener('abort', () => --live === 0 && controller.abort(), {
        once: true,
      });
    }
    try {
      this.requestsSent += 1;
      const found = await this.send([...new Set(group.map((e) => e.sha256))], controller.signal);
      const bySha = new Map(found.map((f) => [f.sha256, f]));
      for (const entry of group) {
        const hit = bySha.get(entry.sha256);
        entry.resolve(hit ? { imageId: hit.imageId, filename: hit.filename } : undefined);
      }
    } catch (error) {
      for (const entry of group) entry.reject(error);
    }
  }
}
