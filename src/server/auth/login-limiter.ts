// Login throttling: every attempt counts per IP; attempts per email address count until one
// succeeds. In memory per API server; with several servers each enforces its own budget.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { CodedError } from '../../shared/errors';

const WINDOW_SECONDS = 15 * 60;

export class LoginLimiter {
  private readonly perIp: RateLimiterMemory;
  private readonly perEmail: RateLimiterMemory;

  constructor(maxFailuresPerEmail: number) {
    this.perIp = new RateLimiterMemory({
      points: maxFailuresPerEmail * 3,
      duration: WINDOW_SECONDS,
    });
    this.perEmail = new RateLimiterMemory({
      points: maxFailuresPerEmail,
      duration: WINDOW_SECONDS,
    });
  }

  /**
   * Takes one attempt from this IP's and this email's budgets, or throws RATE_LIMITED. The point
   * is taken before the password is checked: counting only after a (slow) failed check would let
   * a burst of parallel guesses all pass the budget check before the first failure is counted.
   */
  async check(ip: string, email: string): Promise<void> {
    await this.consume(this.perIp, ip);
    await this.consume(this.perEmail, email);
  }

  /** A correct password clears the email's budget, so a user's own typos do not lock them out later. */
  async recordSuccess(email: string): Promise<void> {
    await this.perEmail.delete(email);
  }

  private async consume(limiter: RateLimiterMemory, key: string): Promise<void> {
    try {
      await limiter.consume(key, 1);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
      throw new CodedError(
        'RATE_LIMITED',
        `Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
      );
    }
  }
}
