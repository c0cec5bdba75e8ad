// Groups the presign requests of files that become ready within a short window into one
// presign-batch call: one round trip for up to 25 files instead of one each.
import type { PresignRequest, PresignResponse } from '../../shared/api';
import { ApiError } from '../services/api-error';

export type SendPresign = (
  files: PresignRequest[],
  signal: AbortSignal,
) => Promise<PresignResponse[]>;

interface Entry {
  files: PresignRequest[];
  signal: AbortSignal;
  resolve(uploads: PresignResponse[]): void;
  reject(error: unknown): void;
}

export class PresignBatcher {
  private waiting: Entry[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly send: SendPresign,
    private readonly options: { maxItems: number; windowMs: number } = {
      maxItems: 25,
      windowMs: 50,
    },
  ) {}

  /** Presigns one item's files (original + thumbnail), grouped with whatever else is ready. */
  request(files: PresignRequest[], signal: AbortSignal): Promise<PresignResponse[]> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const entry: Entry = { files, signal, resolve, reject };
      signal.addEventListener(
        'abort',
        () => {
          // Still waiting for the window: just leave the group. Already sent: the keys the
          // server issues for it are never uploaded to and expire as pending uploads.
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
    // The call stops only when every file in the group was aborted (pause all, close).
    const controller = new AbortController();
    const abortIfAllGone = () => {
      if (group.every((e) => e.signal.aborted)) controller.abort();
    };
    for (const e of group) e.signal.addEventListener('abort', abortIfAllGone, { once: true });
    try {
      const uploads = await this.send(
        group.flatMap((e) => e.files),
        controller.signal,
      );
      let at = 0;
      for (const e of group) {
        e.resolve(uploads.slice(at, at + e.files.length));
        at += e.files.length;
      }
    } catch (error) {
      // The batch is all or nothing: one file over the server's size cap, or one key hint
      // reused after a crash, refuses the whole group. Ask again one by one so only that
      // file fails; a 401 or a transient failure concerns them all alike.
      if (group.length > 1 && splitWorthy(error)) {
        for (const e of group) if (!e.signal.aborted) void this.sendGroup([e]);
      } else {
        for (const e of group) e.reject(error);
      }
    } finally {
      for (const e of group) e.signal.removeEventListener('abort', abortIfAllGone);
    }
  }
}

function splitWorthy(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status !== undefined &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 401 &&
    error.status !== 429
  );
}
