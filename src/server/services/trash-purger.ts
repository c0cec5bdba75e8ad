// Deletes for good what has been in the trash longer than TRASH_DAYS: objects first, then rows.
// Safe with several servers: each batch's rows are locked while their objects go and other
// servers skip locked rows (TrashRepo.purge), so every image is purged once. Bounded work per run.
import type { FastifyBaseLogger } from 'fastify';
import type { TrashRepo } from '../repos/trash-repo';
import { PURGE_BATCH, type TrashService } from './trash-service';

/** At most BATCHES_PER_RUN × PURGE_BATCH images a run; the rest waits for the next one. */
const BATCHES_PER_RUN = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

export class TrashPurger {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly trash: TrashRepo,
    private readonly service: TrashService,
    private readonly options: { trashDays: number; intervalSeconds: number },
    private readonly log: FastifyBaseLogger,
  ) {}

  /** One run; returns how many images were purged. Overlapping calls in this process share it. */
  run(now = new Date()): Promise<number> {
    this.running ??= this.runOnce(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runOnce(now: Date): Promise<number> {
    const trashedBefore = new Date(now.getTime() - this.options.trashDays * DAY_MS);
    let purged = 0;
    for (let batch = 0; batch < BATCHES_PER_RUN; batch++) {
      const n = await this.trash.purge({ trashedBefore, limit: PURGE_BATCH }, (rows) =>
        this.service.removeObjects(rows),
      );
      purged += n;
      if (n < PURGE_BATCH) break;
    }
    if (purged > 0) this.log.info({ purged }, 'trash purge deleted images for good');
    return purged;
  }

  start(): void {
    const tick = () =>
      void this.run().catch((err) => this.log.error({ err }, 'trash purge failed'));
    tick();
    this.timer = setInterval(tick, this.options.intervalSeconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
