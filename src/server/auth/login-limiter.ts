// Login throttling, in budgets every server shares (see rate-limits.ts):
// - per (email, address): LOGIN_MAX_ATTEMPTS failures per 15 minutes; a correct password clears
//   it. This is the lockout, and it only locks out the address that did the guessing.
// - per address: 3× that many attempts across all emails per 15 minutes; a successful login
//   gives its point back, so an office behind one NAT is not throttled by its own sign-ins.
// - per email, from every address: 10× per hour, a slow back-off against guessing spread over
//   many addresses. It never refuses an address that signed in to that account within the last
//   14 days, so strangers elsewhere cannot lock the owner out of their own devices.
import type { Budget, RateLimits } from './rate-limits';

const WINDOW_SECONDS = 15 * 60;
const GLOBAL_WINDOW_SECONDS = 60 * 60;
// Under 24.8 days: the in-memory store expires keys with setTimeout, whose delay is 32-bit.
const KNOWN_ADDRESS_SECONDS = 14 * 24 * 60 * 60;

const minutes = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;

export class LoginLimiter {
  private readonly perPair: Budget;
  private readonly perIp: Budget;
  private readonly perEmail: Budget;
  /** (email, address) pairs that signed in successfully: one point, kept for 14 days. */
  private readonly known: Budget;

  constructor(limits: RateLimits, maxFailures: number) {
    this.perPair = limits.budget({
      name: 'login-pair',
      points: maxFailures,
      durationSeconds: WINDOW_SECONDS,
    });
    this.perIp = limits.budget({
      name: 'login-ip',
      points: maxFailures * 3,
      durationSeconds: WINDOW_SECONDS,
    });
    this.perEmail = limits.budget({
      name: 'login-email',
      points: maxFailures * 10,
      durationSeconds: GLOBAL_WINDOW_SECONDS,
    });
    this.known = limits.budget({
      name: 'login-known',
      points: 1,
      durationSeconds: KNOWN_ADDRESS_SECONDS,
    });
  }

  /**
   * Takes one attempt from each budget, or throws RATE_LIMITED. Points are taken before the
   * password is checked: counting only after a (slow) failed check would let a burst of parallel
   * guesses all pass the budget check before the first failure is counted. The order matters too:
   * an address locked out of this account stops at its own budget and cannot drain the
   * account-wide one.
   */
  async check(ip: string, email: string): Promise<void> {
    await this.perIp.take(
      ip,
      (n) => `Too many sign-in attempts from your network. Wait ${minutes(n)} and try again.`,
    );
    await this.perPair.take(
      pair(email, ip),
      (n) => `Too many sign-in attempts for this account. Wait ${minutes(n)} and try again.`,
    );
    try {
      await this.perEmail.take(
        email,
        (n) =>
          `Too many sign-in attempts for this account from several places. Wait ${minutes(n)} and try again, or sign in from a device you used before.`,
      );
    } catch (error) {
      if (!(await this.known.seen(pair(email, ip)))) throw error;
    }
  }

  /**
   * A correct password: the address's point comes back, the pair's failures are forgiven (a
   * user's own typos do not lock them out later), the account-wide point comes back, and the
   * address is remembered as one the owner uses.
   */
  async recordSuccess(ip: string, email: string): Promise<void> {
    await Promise.all([
      this.perIp.giveBack(ip),
      this.perPair.clear(pair(email, ip)),
      this.perEmail.giveBack(email),
      this.known.clear(pair(email, ip)).then(() => this.known.take(pair(email, ip), () => '')),
    ]);
  }
}

/** Emails hold no spaces, so a space cannot make two different pairs read the same. */
function pair(email: string, ip: string): string {
  return `${email} ${ip}`;
}
