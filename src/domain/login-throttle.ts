/**
 * Login throttling rules, pure: a few free failures, then an exponential back-off capped so
 * that a legitimate user waits minutes at most, never forever. Counters are kept per account
 * and per IP address (the IP limit is looser: offices share addresses).
 */

/** The rule of one kind of key. */
export interface ThrottleRule {
  /** Failures allowed before any waiting. */
  freeFailures: number;
  /** Wait after the first failure past the free ones (ms); doubles with each further failure. */
  baseDelayMs: number;
  /** Longest wait (ms). */
  maxDelayMs: number;
  /** A counter untouched this long starts again from zero (ms). */
  forgetAfterMs: number;
}

/** Per account: 5 free tries, then 15 s, 30 s, 1 min… up to 5 minutes. */
export const ACCOUNT_RULE: ThrottleRule = { freeFailures: 5, baseDelayMs: 15_000, maxDelayMs: 5 * 60_000, forgetAfterMs: 60 * 60_000 };

/** Per IP address: 20 free tries, then the same back-off up to 15 minutes. */
export const IP_RULE: ThrottleRule = { freeFailures: 20, baseDelayMs: 15_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };

/** The stored state of one key. */
export interface ThrottleState {
  failures: number;
  lockedUntil: number;
  updatedAt: number;
}

/** How long (ms) a key must still wait; 0 when it may try now. */
export function waitFor(state: ThrottleState | undefined, now: number): number {
  return state === undefined ? 0 : Math.max(0, state.lockedUntil - now);
}

/** The state after one more failure. */
export function afterFailure(state: ThrottleState | undefined, rule: ThrottleRule, now: number): ThrottleState {
  const previous = state === undefined || now - state.updatedAt > rule.forgetAfterMs ? 0 : state.failures;
  const failures = previous + 1;
  const over = failures - rule.freeFailures;
  // 2 ** over grows fast; the cap keeps the wait (and the number) small.
  const delay = over <= 0 ? 0 : Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** Math.min(over - 1, 20));
  return { failures, lockedUntil: now + delay, updatedAt: now };
}
