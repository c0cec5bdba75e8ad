// Login throttling: every attempt counts per IP, failed attempts count per email address.
// In memory per API server; with several servers each enforces its own budget.
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
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

  /** Throws RATE_LIMITED (with seconds to wait) when this IP or this email is over budget. */
  async check(ip: string, email: string): Promise<void> {
    const [ipState, emailState] = await Promise.all([this.perIp.get(ip), this.perEmail.get(email)]);
    const blocked = [
      ipState && ipState.remainingPoints <= 0 ? ipState : null,
      emailState && emailState.remainingPoints <= 0 ? emailState : null,
    ].filter((s): s is RateLimiterRes => s !== null);
    if (blocked.length > 0) {
      const wait = Math.ceil(Math.max(...blocked.map((s) => s.msBeforeNext)) / 1000);
      throw new CodedError(
        'RATE_LIMITED',
        `Too many sign-in attempts. Wait ${Math.ceil(wait / 60)} minute(s) and try again.`,
      );
    }
    await this.perIp.penalty(ip, 1);
  }

  async recordFailure(email: string): Promise<void> {
    await this.perEmail.penalty(email, 1);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perEmail.delete(email);
  }
}
