// The upload queue: owns the items, schedules them under the CPU, network and memory limits,
// and turns what the workers report into states, events and the durable file.
import { DEFAULT_MAX_FILE_BYTES } from '../../imaging';
import { defaultImageThreads } from '../../imaging/concurrency';
import { idSchema } from '../../shared/api/common';
import { CodedError } from '../../shared/errors';
import {
  NOT_RETRYABLE,
  isRetryable,
  isTerminal,
  type QueueItemView,
  type QueueRetryResult,
  type QueueSnapshot,
  type QueueState,
  type QueueTotals,
  type QueueView,
  type QueueViewQuery,
} from '../../shared/queue';
import type { ErrorCode } from '../../shared/errors';
import { BufferSlots, SLOT_SLACK, type BufferStats, type Slot } from './buffer-slots';
import type { DurableItem, ItemAccount } from './durable-item';
import { ContentClaims, findOwnImage } from './duplicates';
import { expandPaths } from './expand-paths';
import { accountKey, heldForAccount, mayUpload } from './item-account';
import { windowOf } from './queue-views';
import { CANCELED, DUPLICATE, decide, newItem, toItemError, stopRun, type Run } from './outcomes';
import { QueueEvents } from './queue-events';
import { DEFAULT_RETRY } from './retry';
import { StateStore, type LoadedState } from './state-store';
import { computeTotals, ThroughputMeter } from './totals';
import { transition } from './transitions';
import { ItemBook } from './item-book';
import type { AddOptions, UploadQueueDeps } from './types';
import { runItem } from './worker';
import {
  createWorkerContext,
  type RunOutcome,
  type Variant,
  type WorkerContext,
} from './worker-context';

const DEFAULT_KEEP_FINISHED = 1000;

export interface QueueStats extends BufferStats {
  running: number;
}

export class UploadQueue {
  /** Set when the state file was damaged and replaced; a sentence for the person. */
  readonly loadWarning: string | undefined;

  private readonly book = new ItemBook();
  private readonly runs = new Map<string, Run>();
  private readonly cpuConcurrency: number;
  private readonly slots: BufferSlots;
  private readonly claims: ContentClaims;
  private readonly events: QueueEvents;
  private readonly meter = new ThroughputMeter();
  private readonly ctx: WorkerContext;
  /**
   * "Pause all" is on: every unfinished file was paused and files added meanwhile start paused.
   * Files resumed one by one run anyway. Kept in the database.
   */
  private pausedAll: boolean;
  /** A 401 or a sign-out: nothing can run until someone signs in. Never written to disk. */
  private heldForSignIn = false;
  private started = false;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  /**
   * Opens and locks the queue's database (a damaged one is set aside and reported; a second
   * process gets CONFLICT), importing an earlier version's JSON file once.
   */
  static async open(deps: UploadQueueDeps): Promise<UploadQueue> {
    const { store, loaded } = await StateStore.open({
      file: deps.file,
      importFrom: deps.importFrom,
      report: deps.report ?? ((message, error) => console.error(message, error)),
    });
    try {
      return new UploadQueue(deps, store, loaded);
    } catch (error) {
      store.close();
      throw error;
    }
  }

  private constructor(
    private readonly deps: UploadQueueDeps,
    private readonly store: StateStore,
    loaded: LoadedState,
  ) {
    this.loadWarning = loaded.warning;
    this.pausedAll = loaded.paused;
    // The server's image pool bound: the main process keeps a core and a libuv thread for I/O.
    this.cpuConcurrency = Math.max(1, deps.cpuConcurrency ?? defaultImageThreads());
    this.claims = new ContentClaims((id) => this.book.get(id));
    for (const item of loaded.items) {
      // Whatever was in flight when the process stopped starts over from its checkpoint.
      if (!isTerminal(item.state)) item.state = 'queued';
      this.book.add(item, item.upload !== null);
      if (!isTerminal(item.state) && item.hints && item.output) {
        this.claims.claim(item.output.original.sha256, item.id);
      }
    }
    this.slots = new BufferSlots(
      () => this.cpuConcurrency + this.deps.settings().concurrency + SLOT_SLACK,
      () => queueMicrotask(() => this.pump()),
    );
    this.events = new QueueEvents(
      deps.onEvent,
      // Another account's files send no events: their names are not this account's to see.
      (id) => {
        const item = this.book.get(id);
        return item && this.isVisible(item) ? this.itemView(id) : undefined;
      },
      () => this.totals(),
    );
    this.ctx = createWorkerContext({
      api: () => this.deps.api(),
      settings: () => this.deps.settings(),
      retry: deps.retry ?? DEFAULT_RETRY,
      maxFileBytes: deps.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
      cpuConcurrency: this.cpuConcurrency,
      slots: this.slots,
      claims: this.claims,
      hooks: {
        setState: (item, state) => this.setState(item, state),
        progress: (item, variant, loaded) => this.progress(item, variant, loaded),
        persist: (item) => this.store.save([item]),
        flush: (item) => this.store.save([item], { durable: true }),
      },
    });
  }

  /** Queues files and folders (walked recursively). A path already waiting is not added again. */
  async add(paths: string[], options: AddOptions = {}): Promise<QueueItemView[]> {
    this.assertOpen();
    // Checked now: found out at registration, every file would be uploaded for nothing.
    if (options.albumId !== undefined && !idSchema.safeParse(options.albumId).success) {
      throw new CodedError(
        'VALIDATION_FAILED',
        'The album id is not valid. Choose the album again.',
      );
    }
    const found = await expandPaths(paths);
    // Another account's unfinished copy of a path does not stop this account from queuing it.
    const waiting = this.book.unfinishedPaths((item) => this.mayRunFor(item));
    const added: DurableItem[] = [];
    for (const file of found) {
      if (waiting.has(file.path)) continue;
      waiting.add(file.path);
      const item = newItem(
        file.path,
        file.size,
        options.albumId ?? null,
        this.account() ?? null,
        file.folder,
      );
      item.paused = this.pausedAll;
      this.book.add(item, false);
      added.push(item);
      this.events.item(item.id, true);
    }
    await this.store.saveMany(added);
    if (this.forgetOldestFinished()) this.events.totalsNow();
    this.pump();
    return added.map((item) => this.itemView(item.id)!);
  }

  start(): void {
    this.assertOpen();
    this.started = true;
    this.pump();
  }

  /**
   * Pauses these files, or every unfinished file without ids (and files added later, until
   * resume). In-flight files stop and keep their checkpoint.
   */
  pause(ids?: string[]): void {
    this.assertOpen();
    if (!ids) this.setPausedAll(true);
    const picked = this.book.pick(ids, (i) => !isTerminal(i.state) && this.isVisible(i));
    for (const item of picked) {
      item.paused = true;
      const run = this.runs.get(item.id);
      if (run) stopRun(run, 'pause');
      this.events.item(item.id, true);
    }
    this.store.saveSoon(picked);
    this.changed();
  }

  /**
   * Resumes these files, even after "pause all"; without ids resumes everything, including a
   * queue held after a 401.
   */
  resume(ids?: string[]): void {
    this.assertOpen();
    if (!ids) {
      this.setPausedAll(false);
      this.heldForSignIn = false;
    }
    const resumed = this.book.pick(ids, (item) => item.paused && this.isVisible(item));
    for (const item of resumed) {
      item.paused = false;
      this.book.offer(item);
      this.events.item(item.id, true);
    }
    this.store.saveSoon(resumed);
    // Every file was resumed one by one: the queue as a whole is not paused any more either.
    if (this.pausedAll && !this.anyPaused()) this.setPausedAll(false);
    this.changed();
  }

  /** Signed out: in-flight files stop at their checkpoint; paused files stay paused. */
  holdForSignIn(): void {
    // Also called on every sign-out, which may come while the app is closing.
    if (this.closed) return;
    this.hold();
    this.changed();
  }

  /** Signed in (again): runs what was held, but not what the person paused. */
  releaseAfterSignIn(): void {
    this.assertOpen();
    this.heldForSignIn = false;
    // Backstop: a run that outlived its account's session stops here rather than finishing
    // under this one (it resumes from its checkpoint when its own account is back).
    for (const run of this.runs.values()) if (!this.mayRunFor(run.item)) stopRun(run, 'session');
    // Possibly another account: which files wait for theirs has changed.
    for (const item of this.book.all())
      if (!isTerminal(item.state)) this.events.item(item.id, true);
    this.changed();
  }

  /** Cancels unfinished files (all without ids); in-flight requests are aborted. */
  async cancel(ids?: string[]): Promise<void> {
    this.assertOpen();
    const stopping: Promise<void>[] = [];
    for (const item of this.book.pick(ids, (i) => this.isVisible(i))) {
      if (isTerminal(item.state)) continue;
      const run = this.runs.get(item.id);
      if (run) {
        stopRun(run, 'cancel');
        stopping.push(run.finished);
      } else {
        this.finish(item, 'canceled', CANCELED);
      }
    }
    await Promise.all(stopping);
    this.changed();
  }

  /**
   * Puts failed and canceled files back in the queue. Without ids: every one that trying again
   * may help; the others (an SVG, a damaged file) stay, counted by reason in the result. With
   * ids (a row's own Retry) the person asked for those files, so they go whatever failed them.
   */
  retry(ids?: string[]): QueueRetryResult {
    this.assertOpen();
    let retried = 0;
    const left = new Map<ErrorCode, number>();
    for (const item of this.book.pick(ids, (i) => this.isVisible(i))) {
      if (item.state !== 'failed' && item.state !== 'canceled') continue;
      if (!ids && !isRetryable(item)) {
        const code = item.error!.code;
        left.set(code, (left.get(code) ?? 0) + 1);
        continue;
      }
      item.paused = false;
      this.setState(item, 'queued');
      retried += 1;
    }
    this.changed();
    const notRetried = [...left].map(([code, count]) => ({
      code,
      count,
      reason: NOT_RETRYABLE[code] ?? 'not retryable',
    }));
    return { retried, notRetried };
  }

  /**
   * Forgets done, duplicate and canceled files; failed ones stay until they are dealt with,
   * unless `includeFailed` (the CLI, which has reported them and must not report them again).
   */
  clearFinished({ includeFailed = false } = {}): Promise<void> {
    this.assertOpen();
    const cleared = this.book
      .all()
      .filter(
        (i) =>
          isTerminal(i.state) &&
          (includeFailed || i.state !== 'failed') &&
          this.isVisible(i) &&
          !this.runs.has(i.id),
      );
    for (const item of cleared) {
      this.book.remove(item.id);
      this.claims.release(item.id);
    }
    this.store.remove(cleared.map((item) => item.id));
    this.events.totalsNow();
    return Promise.resolve();
  }

  /** Past the keepFinished cap, the oldest done, duplicate and canceled files leave the list. */
  private forgetOldestFinished(): boolean {
    const keep = this.deps.keepFinished ?? DEFAULT_KEEP_FINISHED;
    const finished = this.book
      .all()
      .filter((i) => isTerminal(i.state) && i.state !== 'failed' && !this.runs.has(i.id));
    const forget = finished.slice(0, Math.max(0, finished.length - keep));
    for (const item of forget) {
      this.book.remove(item.id);
      this.claims.release(item.id);
    }
    this.store.remove(forget.map((item) => item.id));
    return forget.length > 0;
  }

  /**
   * Every file, another account's included (marked heldFor): for the CLI's report and tests.
   * The renderer gets view() instead.
   */
  snapshot(): QueueSnapshot {
    const items = this.book.all().map((item) => this.itemView(item.id)!);
    return { items, totals: this.totals() };
  }

  /** One window of one filter's rows, of the signed-in account's files only, with totals. */
  view(query: QueueViewQuery): QueueView {
    const totals = this.totals();
    const own = (function* (queue: UploadQueue, items: Iterable<DurableItem>) {
      for (const item of items) if (queue.isVisible(item)) yield item;
    })(this, this.book.values());
    const rows = windowOf(own, query.filter, query.offset, query.limit, (item) =>
      this.itemView(item.id)!,
    );
    return {
      filter: query.filter,
      offset: query.offset,
      total: totals.counts[query.filter],
      rows,
      totals,
    };
  }

  /** The signed-in account's totals; another account's unfinished files only as a count. */
  totals(): QueueTotals {
    let held = 0;
    const entries = (function* (queue: UploadQueue, book: ItemBook) {
      // One object reused for every file: the totals read it before the next is made.
      const entry = {
        state: 'queued' as QueueState,
        paused: false,
        sourceSize: 0,
        bytesTotal: 0,
        bytesSent: 0,
      };
      for (const item of book.values()) {
        if (!queue.isVisible(item)) {
          if (!isTerminal(item.state)) held += 1;
          continue;
        }
        const bytes = book.bytes(item);
        entry.state = item.state;
        entry.paused = item.paused;
        entry.sourceSize = item.sourceSize;
        entry.bytesTotal = bytes.bytesTotal;
        entry.bytesSent = bytes.bytesSent;
        yield entry;
      }
    })(this, this.book);
    const totals = computeTotals(entries, this.meter.rate(), this.pausedAll || this.heldForSignIn);
    return { ...totals, heldForAccount: held };
  }

  /** The file on disk behind a queued file (local previews), if it is in the list. */
  pathOf(id: string): string | undefined {
    return this.book.get(id)?.path;
  }

  /** Every path in the list (the preview's staging area keeps only these). */
  paths(): string[] {
    return this.book.all().map((item) => item.path);
  }

  /** Read-only counters for tests and the benchmark: buffers held and their cap. */
  stats(): QueueStats {
    return { ...this.slots.stats(), running: this.runs.size };
  }

  /** Resolves when nothing is running and nothing can start (all finished, paused or waiting). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops in-flight work (it resumes from its checkpoint next time), saves, and unlocks. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const runs = [...this.runs.values()];
    for (const run of runs) stopRun(run, 'close');
    await Promise.all(runs.map((r) => r.finished));
    this.events.close();
    try {
      this.store.close();
    } finally {
      this.resolveIdle();
    }
  }

  // ---- scheduling ----

  private pump(): void {
    if (!this.started || this.closed || this.heldForSignIn) return;
    for (const item of this.book.waiting()) {
      if (!this.isRunnable(item)) continue;
      const slot = this.slots.tryAcquire();
      if (!slot) break;
      this.runs.set(item.id, this.execute(item, slot));
    }
  }

  private execute(item: DurableItem, slot: Slot): Run {
    const controller = new AbortController();
    const run: Run = {
      item,
      controller,
      wrapUp: new AbortController(),
      reason: undefined,
      finished: Promise.resolve(),
    };
    const rt = this.book.rt(item);
    item.attempts += 1;
    // Queued while signed out: from its first run on it belongs to the account running it, so
    // a later sign-in as someone else cannot finish it into their gallery.
    if (!item.account && this.deps.account) item.account = this.account() ?? null;
    this.store.save([item]);
    const signals = { abort: controller.signal, wrapUp: run.wrapUp.signal };
    run.finished = runItem(this.ctx, item, slot, signals, rt.recovery)
      .then(
        (outcome) => this.settle(item, run, outcome, undefined),
        (error: unknown) => this.settle(item, run, undefined, error),
      )
      .catch(() => {
        // Only a bug in the queue gets here; fail the one file rather than the process.
        this.runs.delete(item.id);
        item.state = 'failed';
        item.error = toItemError(undefined);
        this.store.save([item]);
        this.changed();
      });
    return run;
  }

  private async settle(
    item: DurableItem,
    run: Run,
    result: RunOutcome | undefined,
    error: unknown,
  ): Promise<void> {
    let outcome = result;
    if (run.reason === 'cancel' && !outcome && item.state === 'registering') {
      // The registration may have been committed although its answer was lost.
      outcome = await findOwnImage(this.deps.api(), item);
    }
    this.runs.delete(item.id);
    this.book.rt(item).inFlight = { original: 0, thumbnail: 0 };
    const decision = decide(run.reason, outcome, error);
    switch (decision.type) {
      case 'done':
        item.imageId = decision.imageId;
        item.key = decision.key;
        this.finish(item, 'done', null);
        break;
      case 'canceled':
        this.finish(item, 'canceled', CANCELED);
        break;
      case 'duplicate':
        item.duplicateOf = decision.of;
        this.finish(item, 'duplicate', DUPLICATE);
        break;
      case 'requeue':
        this.book.rt(item).waitingFor = decision.waitFor;
        this.setState(item, 'queued');
        break;
      case 'session-expired':
        this.setState(item, 'queued');
        this.expireSession();
        break;
      case 'failed':
        this.finish(item, 'failed', decision.error);
    }
    // setState wrote the row if the state changed; a run that ends where it started (stopped
    // while still queued) may still have changed the record.
    this.store.save([item]);
    this.changed();
  }

  private finish(
    item: DurableItem,
    state: Extract<QueueState, 'done' | 'duplicate' | 'failed' | 'canceled'>,
    error: DurableItem['error'],
  ): void {
    if (state === 'done') this.claims.finished(item.id);
    else this.claims.release(item.id);
    item.error = error;
    this.book.rt(item).waitingFor = undefined;
    // Files waiting for this one need no word: isReady sees that their holder has finished.
    this.setState(item, state);
  }

  private expireSession(): void {
    if (this.heldForSignIn) return;
    this.hold();
    this.events.sessionExpired();
  }

  private hold(): void {
    this.heldForSignIn = true;
    for (const run of this.runs.values()) stopRun(run, 'session');
  }

  private isRunnable(item: DurableItem): boolean {
    return !this.runs.has(item.id) && this.book.isReady(item) && this.mayRunFor(item);
  }

  private mayRunFor(item: DurableItem): boolean {
    return mayUpload(item, this.deps.account !== undefined, this.account());
  }

  private account(): ItemAccount | undefined {
    return this.deps.account?.();
  }

  private isIdle(): boolean {
    if (this.runs.size > 0) return false;
    if (!this.started || this.closed || this.heldForSignIn) return true;
    for (const item of this.book.waiting()) if (this.isRunnable(item)) return false;
    return true;
  }

  /** After any change: start what can start, report totals, wake idle() waiters. */
  private changed(): void {
    this.pump();
    this.events.totalsNow();
    if (this.isIdle()) this.resolveIdle();
  }

  private resolveIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  // ---- item bookkeeping ----

  private setState(item: DurableItem, state: QueueState): void {
    if (item.state === state) return;
    transition(item, state);
    if (state === 'queued') item.duplicateOf = null;
    this.book.offer(item);
    this.store.save([item]);
    this.events.item(item.id, true);
  }

  private progress(item: DurableItem, variant: Variant, loaded: number): void {
    this.meter.record(this.book.progress(item, variant, loaded));
    this.events.item(item.id, false);
  }

  /**
   * Shown to the signed-in account: its own files and files queued without an account. A queue
   * that tracks no account (tests, tools) shows everything.
   */
  private isVisible(item: DurableItem): boolean {
    if (!this.deps.account || !item.account) return true;
    const current = this.account();
    return current !== undefined && accountKey(item.account) === accountKey(current);
  }

  private itemView(id: string): QueueItemView | undefined {
    const current = this.account();
    return this.book.view(id, {
      queuePaused: this.heldForSignIn,
      heldFor: (item) => heldForAccount(item, current),
    });
  }

  private anyPaused(): boolean {
    for (const item of this.book.values()) if (item.paused && !isTerminal(item.state)) return true;
    return false;
  }

  private setPausedAll(paused: boolean): void {
    if (this.pausedAll === paused) return;
    this.pausedAll = paused;
    this.store.setPaused(paused);
  }

  private assertOpen(): void {
    if (this.closed) throw new CodedError('INTERNAL', 'The upload queue was closed.');
  }
}
