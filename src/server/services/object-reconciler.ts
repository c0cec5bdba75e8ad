// Removes objects under the app's prefixes that nothing references: no image, thumbnail, profile
// image or live pending upload. They come from replayed upload URLs (a staging copy written
// after registration or deletion), registrations that failed between their copy and their row,
// and deletes the store half-did. Only objects older than the grace period are touched, so an
// upload in flight is never one; objects outside the app's prefixes are never listed.
//
// Bounded work: each run examines at most PAGES_PER_RUN pages from where the last run stopped
// (the position is in the database); a lease lets one server run at a time, whichever it is.
import type { FastifyBaseLogger } from 'fastify';
import type { ObjectRefsRepo, ReconcilerPosition } from '../repos/object-refs-repo';
import { APP_PREFIXES, finalKeyOf } from '../storage/key-layout';
import type { ObjectStore } from '../storage/object-store';

const PAGE_SIZE = 1000;
const PAGES_PER_RUN = 5;
/** Long enough for PAGES_PER_RUN pages; a crashed server's lease lapses after it. */
const LEASE_MS = 5 * 60 * 1000;

export interface ReconcileReport {
  /** false when another server held the lease. */
  ran: boolean;
  examined: number;
  removed: number;
}

export class ObjectReconciler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<ReconcileReport> | undefined;

  constructor(
    private readonly refs: ObjectRefsRepo,
    private readonly store: ObjectStore,
    private readonly options: { graceSeconds: number; intervalSeconds: number },
    private readonly log: FastifyBaseLogger,
  ) {}

  /** One run; overlapping calls in this process share it. */
  run(now = new Date()): Promise<ReconcileReport> {
    this.running ??= this.runOnce(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runOnce(now: Date): Promise<ReconcileReport> {
    const leased = await this.refs.lease(now, new Date(now.getTime() + LEASE_MS));
    if (!leased) return { ran: false, examined: 0, removed: 0 };
    let position: ReconcilerPosition = leased;
    const report: ReconcileReport = { ran: true, examined: 0, removed: 0 };
    try {
      for (let page = 0; page < PAGES_PER_RUN; page++) {
        const { next, examined, removed } = await this.reconcilePage(position, now);
        position = next;
        report.examined += examined;
        report.removed += removed;
        // Back at the first prefix: a whole pass is done, the rest waits for the next run.
        if (next.prefixIndex === 0 && next.startAfter === null) break;
      }
    } finally {
      await this.refs.release(position);
    }
    if (report.removed > 0) this.log.info(report, 'reconciler removed unreferenced objects');
    return report;
  }

  private async reconcilePage(
    position: ReconcilerPosition,
    now: Date,
  ): Promise<{ next: ReconcilerPosition; examined: number; removed: number }> {
    const prefixIndex = position.prefixIndex % APP_PREFIXES.length;
    const { objects, done } = await this.store.listPage({
      prefix: APP_PREFIXES[prefixIndex]!,
      startAfter: position.startAfter ?? undefined,
      limit: PAGE_SIZE,
    });
    const cutoff = now.getTime() - this.options.graceSeconds * 1000;
    const old = objects.filter((object) => object.lastModified.getTime() < cutoff);
    const orphans = await this.unreferenced(old.map((object) => object.key));
    if (orphans.length > 0) await this.store.delete(orphans);
    const next: ReconcilerPosition = done
      ? { prefixIndex: (prefixIndex + 1) % APP_PREFIXES.length, startAfter: null }
      : { prefixIndex, startAfter: objects.at(-1)!.key };
    return { next, examined: objects.length, removed: orphans.length };
  }

  /**
   * A staging copy lives while its upload is pending (not after registration: that copy is a
   * replay's); an object under its final key lives while anything references it.
   */
  private async unreferenced(keys: string[]): Promise<string[]> {
    const staged = keys.flatMap((key) => finalKeyOf(key) ?? []);
    const finals = keys.filter((key) => finalKeyOf(key) === undefined);
    const [pending, referenced] = await Promise.all([
      this.refs.pending(staged),
      this.refs.referenced(finals),
    ]);
    return keys.filter((key) => {
      const staging = finalKeyOf(key);
      return staging === undefined ? !referenced.has(key) : !pending.has(staging);
    });
  }

  start(): void {
    const tick = () =>
      void this.run().catch((err) => this.log.error({ err }, 'reconciler run failed'));
    tick();
    this.timer = setInterval(tick, this.options.intervalSeconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
