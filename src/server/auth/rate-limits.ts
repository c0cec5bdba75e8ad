// Rate-limit budgets shared by every API server: in PostgreSQL (the rate_limits table, through
// rate-limiter-flexible's RateLimiterPostgres on the server's own pg pool) when DATABASE_URL is
// set, so N servers enforce one budget; in memory with embedded PGlite, where there is only ever
// one server. Windows are computed from each server's clock, so servers' clocks must agree
// (NTP) to within a small part of the shortest window (one minute).
import type pg from 'pg';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { CodedError } from '../../shared/errors';

const TABLE = 'rate_limits';
/** Rows of windows that ended over an hour ago are deleted this often (one statement). */
const JANITOR_INTERVAL_MS = 5 * 60_000;

export interface BudgetOptions {
  /** Names the budget's keys in the shared table; must be unique per budget. */
  name: string;
  points: number;
  durationSeconds: number;
}

/** One budget: take a point per attempt, give it back or clear the key when that is earned. */
export class Budget {
  constructor(private readonly limiter: RateLimiterAbstract) {}

  /**
   * Takes one point for `key`, or throws RATE_LIMITED with `sentence(minutes)` (the wait, rounded
   * up to whole minutes) once the budget is spent. Store failures propagate as they are.
   */
  async take(key: string, sentence: (minutes: number) => string): Promise<void> {
    try {
      await this.limiter.consume(key, 1);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new CodedError(
        'RATE_LIMITED',
        sentence(Math.max(1, Math.ceil(error.msBeforeNext / 60_000))),
      );
    }
  }

  /** Whether `key` has spent its budget, without taking a point. */
  async spent(key: string): Promise<boolean> {
    const res = await this.limiter.get(key);
    return res !== null && res.remainingPoints <= 0;
  }

  /** Whether `key` has taken any point in the current window. */
  async seen(key: string): Promise<boolean> {
    return (await this.limiter.get(key)) !== null;
  }

  async giveBack(key: string): Promise<void> {
    await this.limiter.reward(key, 1);
  }

  async clear(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}

export class RateLimits {
  private readonly janitor: NodeJS.Timeout | undefined;
  /** Where a failed cleanup is reported (the server's logger, once the app exists). */
  onSweepError: (error: unknown) => void = () => undefined;

  /** `pool`: the server's PostgreSQL pool, or undefined for in-memory budgets (PGlite). */
  constructor(private readonly pool: pg.Pool | undefined) {
    if (pool) {
      this.janitor = setInterval(() => void this.sweep(), JANITOR_INTERVAL_MS);
      this.janitor.unref();
    }
  }

  get shared(): boolean {
    return this.pool !== undefined;
  }

  budget(options: BudgetOptions): Budget {
    const common = {
      keyPrefix: options.name,
      points: options.points,
      duration: options.durationSeconds,
    };
    if (!this.pool) return new Budget(new RateLimiterMemory(common));
    return new Budget(
      new RateLimiterPostgres({
        ...common,
        storeClient: this.pool,
        storeType: 'pool',
        tableName: TABLE,
        // The table comes from migration 0003; the library's own timer is replaced by sweep().
        tableCreated: true,
        clearExpiredByTimeout: false,
      }),
    );
  }

  /** Deletes windows that ended over an hour ago; any server may do it for all. */
  async sweep(): Promise<void> {
    if (!this.pool) return;
    try {
      await this.pool.query(`delete from ${TABLE} where expire < $1`, [Date.now() - 3_600_000]);
    } catch (error) {
      // Expired rows only take space (a key's next consume resets an expired window) and the
      // next sweep tries again; reported so a database that keeps refusing is noticed.
      this.onSweepError(error);
    }
  }

  close(): void {
    if (this.janitor) clearInterval(this.janitor);
  }
}
