// Deletes presigned uploads that were never registered (past their expiry plus a grace period):
// their pending row is claimed first, then the staging object (and a final copy a registration
// made before it failed) is deleted.
import type { FastifyBaseLogger } from 'fastify';
import type { PendingUploadsRepo } from '../repos/pending-uploads-repo';
import { stagingKey } from '../storage/key-layout';
import type { ObjectStore } from '../storage/object-store';

export class OrphanSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly pending: PendingUploadsRepo,
    private readonly store: ObjectStore,
    private readonly options: {
      graceSeconds: number;
      intervalSeconds: number;
      /** Other rows that lapse (expired refresh tokens), removed on the same schedule. */
      purgeExpired?: (now: Date) => Promise<number>;
    },
    private readonly log: FastifyBaseLogger,
  ) {}

  /** One pass; returns how many orphans were removed. Overlapping calls share one pass. */
  sweep(now = new Date()): Promise<number> {
    this.running ??= this.sweepOnce(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async sweepOnce(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.options.graceSeconds * 1000);
    let removed = 0;
    for (;;) {
      const batch = await this.pending.listExpired(cutoff, 100);
      if (batch.length === 0) break;
      let progressed = false;
      for (const row of batch) {
        // Claim the row before touching the object: a registration that claimed it first wins
        // and keeps its object; one that comes later finds no pending row and is refused.
        const claimed = await this.pending.claimExpired(row.key, cutoff);
        progressed ||= !claimed;
        if (!claimed) continue;
        try {
          await this.store.delete([stagingKey(row.key), row.key]);
          removed += 1;
          progressed = true;
        } catch (err) {
          // Put it back for the next pass; the object may still be there.
          await this.pending.restore(claimed);
          this.log.warn({ err, key: row.key }, 'orphan sweep could not delete an object');
        }
      }
      if (!progressed || batch.length < 100) break;
    }
    if (removed > 0) this.log.info({ removed }, 'orphan sweep removed unregistered uploads');
    const purged = (await this.options.purgeExpired?.(now)) ?? 0;
    if (purged > 0) this.log.info({ purged }, 'sweep removed expired sign-in rows');
    return removed;
  }

  start(): void {
    void this.sweep().catch((err) => this.log.error({ err }, 'orphan sweep failed'));
    this.timer = setInterval(() => {
      void this.sweep().catch((err) => this.log.error({ err }, 'orphan sweep failed'));
    }, this.options.intervalSeconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
