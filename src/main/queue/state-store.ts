// The queue's durable state: the rows of its SQLite database. A change to a file writes that
// file's row in one small transaction, so what a change costs does not grow with the list; a
// batch (files added, "pause all") writes its rows in a few larger ones.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CodedError } from '../../shared/errors';
import { durableItemSchema, type DurableItem } from './durable-item';
import { loadLegacyQueueFile } from './legacy-json-file';
import { openQueueDatabase } from './queue-database';

/** Rows per transaction when many are written at once: the event loop turns in between. */
const CHUNK_ROWS = 1000;

export interface LoadedState {
  /** "Pause all" was on when the queue was last closed. */
  paused: boolean;
  items: DurableItem[];
  /** Sentences for the person: a damaged file set aside, rows that could not be read. */
  warning: string | undefined;
}

export interface StoreOptions {
  /** The SQLite database; created on first use. */
  file: string;
  /** A JSON queue file of an earlier version, imported once and then renamed. */
  importFrom?: string;
  /** Told about writes that failed (they are tried again with the next change). */
  report: (message: string, error: unknown) => void;
}

export class StateStore {
  private readonly upsert: StatementSync;
  private readonly remover: StatementSync;
  private readonly metaWriter: StatementSync;
  /** Rows changed but not yet written (a failed write): written with the next change. */
  private readonly unsaved = new Map<string, DurableItem>();
  private closed = false;
  /** Rows of a saveSoon() not written yet. */
  private readonly backlog = new Map<string, DurableItem>();
  /** A saveSoon() still writing its chunks. */
  private draining: Promise<void> | undefined;

  /** Opens and locks the database, imports a legacy JSON file once, and reads every row. */
  static async open(options: StoreOptions): Promise<{ store: StateStore; loaded: LoadedState }> {
    const { db, warning } = openQueueDatabase(options.file);
    try {
      const store = new StateStore(db, options.report);
      const warnings = [warning];
      if (options.importFrom) {
        const legacy = await loadLegacyQueueFile(options.importFrom);
        warnings.push(legacy.warning);
        if (legacy.queue) {
          store.importItems(legacy.queue.items, legacy.queue.paused);
          await legacy.retire();
        }
      }
      const loaded = store.load();
      warnings.push(loaded.warning);
      const text = warnings.filter(Boolean).join(' ');
      return { store, loaded: { ...loaded, warning: text || undefined } };
    } catch (error) {
      db.close();
      throw error;
    }
  }

  private constructor(
    private readonly db: DatabaseSync,
    private readonly report: StoreOptions['report'],
  ) {
    this.upsert = db.prepare(
      `INSERT INTO items (id, state, record) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, record = excluded.record`,
    );
    this.remover = db.prepare('DELETE FROM items WHERE id = ?');
    this.metaWriter = db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  /**
   * Writes these files' rows in one transaction. `durable`: on disk before this returns, even
   * against a power cut (presigned keys before their PUT); a failure then throws, because the
   * caller must not go on as if it were saved.
   */
  save(items: readonly DurableItem[], options: { durable?: boolean } = {}): void {
    // After close another process may own the database; the final state was written then.
    if (this.closed) return;
    const rows = new Map(this.unsaved);
    for (const item of items) rows.set(item.id, item);
    try {
      if (options.durable) this.db.exec('PRAGMA synchronous = FULL');
      this.transaction(() => {
        for (const item of rows.values()) {
          this.upsert.run(item.id, item.state, JSON.stringify(item));
        }
      });
      this.unsaved.clear();
      for (const id of rows.keys()) this.backlog.delete(id);
    } catch (error) {
      for (const item of items) this.unsaved.set(item.id, item);
      this.report('The upload queue could not save its state; it tries again.', error);
      if (options.durable) {
        throw new CodedError(
          'INTERNAL',
          'The upload queue could not save its progress to disk. Check that the disk has free ' +
            'space, then retry the file.',
        );
      }
    } finally {
      if (options.durable) this.db.exec('PRAGMA synchronous = NORMAL');
    }
  }

  /** Many rows (files just added): chunked, so a large folder does not stall the event loop. */
  async saveMany(items: readonly DurableItem[]): Promise<void> {
    for (let start = 0; start < items.length; start += CHUNK_ROWS) {
      if (start > 0) await nextTurn();
      this.save(items.slice(start, start + CHUNK_ROWS));
    }
  }

  /**
   * Many rows changed by one action ("pause all"): written in chunks over the next turns of the
   * event loop, so the action answers at once. They count as unsaved until written (close()
   * writes what is left), and each chunk writes the files as they are then, so a later change
   * is never overwritten by an older copy.
   */
  saveSoon(items: readonly DurableItem[]): void {
    if (items.length <= CHUNK_ROWS) return this.save(items);
    for (const item of items) this.backlog.set(item.id, item);
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
  }

  private async drain(): Promise<void> {
    while (this.backlog.size > 0 && !this.closed) {
      await nextTurn();
      const chunk: DurableItem[] = [];
      for (const item of this.backlog.values()) {
        if (chunk.length === CHUNK_ROWS) break;
        chunk.push(item);
      }
      for (const item of chunk) this.backlog.delete(item.id);
      // A failed write keeps them in unsaved: written again with the next change.
      this.save(chunk);
    }
  }

  /** Files that left the list. */
  remove(ids: readonly string[]): void {
    for (const id of ids) {
      this.unsaved.delete(id);
      this.backlog.delete(id);
    }
    if (this.closed || ids.length === 0) return;
    try {
      this.transaction(() => {
        for (const id of ids) this.remover.run(id);
      });
    } catch (error) {
      // They come back on the next start, which is a nuisance, not a loss.
      this.report('The upload queue could not forget finished files.', error);
    }
  }

  /** "Pause all" on or off, kept for the next start. */
  setPaused(paused: boolean): void {
    if (this.closed) return;
    try {
      this.metaWriter.run('paused', paused ? '1' : '0');
    } catch (error) {
      this.report('The upload queue could not save "pause all".', error);
    }
  }

  /** Writes what is still unsaved and closes the database, which releases the lock. */
  close(): void {
    if (this.closed) return;
    if (this.unsaved.size > 0 || this.backlog.size > 0) this.save([...this.backlog.values()]);
    this.closed = true;
    this.db.close();
  }

  private load(): LoadedState {
    const rows = this.db.prepare('SELECT id, record FROM items ORDER BY seq').all();
    const items: DurableItem[] = [];
    const unreadable: string[] = [];
    for (const row of rows) {
      const parsed = durableItemSchema.safeParse(parseJson(String(row.record)));
      if (parsed.success) items.push(parsed.data);
      else unreadable.push(String(row.id));
    }
    // Left in place they would fail again on every start; the warning says how many.
    this.remove(unreadable);
    const paused = this.db.prepare("SELECT value FROM meta WHERE key = 'paused'").get();
    return {
      paused: paused?.value === '1',
      items,
      warning:
        unreadable.length > 0
          ? `${unreadable.length} ${unreadable.length === 1 ? 'file' : 'files'} in the upload ` +
            'queue could not be read and were left out; add them again.'
          : undefined,
    };
  }

  /** Rows of a legacy file; one already in the database (an import cut short) is skipped. */
  private importItems(items: readonly DurableItem[], paused: boolean): void {
    const insert = this.db.prepare(
      'INSERT INTO items (id, state, record) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING',
    );
    this.transaction(() => {
      for (const item of items) insert.run(item.id, item.state, JSON.stringify(item));
      if (paused) this.metaWriter.run('paused', '1');
    });
  }

  private transaction(work: () => void): void {
    this.db.exec('BEGIN');
    try {
      work();
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
