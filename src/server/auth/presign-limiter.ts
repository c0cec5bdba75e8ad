// Presign budgets: anonymous callers (who can only presign profile images for sign-up) share 20
// a minute per address; signed-in users get 600 a minute each, which their own traffic from the
// same address (an office behind one NAT) does not take from anonymous callers.
import type { Budget, RateLimits } from './rate-limits';

const ANONYMOUS_PER_MINUTE = 20;
const SIGNED_IN_PER_MINUTE = 600;

export class PresignLimiter {
  private readonly anonymous: Budget;
  private readonly signedIn: Budget;

  constructor(limits: RateLimits) {
    this.anonymous = limits.budget({
      name: 'presign-ip',
      points: ANONYMOUS_PER_MINUTE,
      durationSeconds: 60,
    });
    this.signedIn = limits.budget({
      name: 'presign-user',
      points: SIGNED_IN_PER_MINUTE,
      durationSeconds: 60,
    });
  }

  /** Takes one request from the caller's budget, or throws RATE_LIMITED. */
  async take(viewerId: string | undefined, ip: string): Promise<void> {
    const sentence = (n: number) =>
      `Too many upload requests. Wait ${n} minute${n === 1 ? '' : 's'} and try again.`;
    if (viewerId) await this.signedIn.take(viewerId, sentence);
    else await this.anonymous.take(ip, sentence);
  }
}
