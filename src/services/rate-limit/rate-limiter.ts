/**
 * The rate-limit port: counts hits on a key within a fixed window. One implementation keeps
 * counts in the process, the other in Redis so that every app node shares them; both pass
 * the same conformance suite (test/integration/rate-limiter.test.ts).
 */

/** The answer to one hit. */
export interface RateLimitResult {
  /** Whether this hit is within the limit. */
  allowed: boolean;
  /** Hits counted in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends. */
  resetInMs: number;
}

/** Counts hits per key. */
export interface RateLimiter {
  /** Counts one hit on `key` and tells whether it stays within `max` per `windowMs`. */
  hit(key: string, max: number, windowMs: number): Promise<RateLimitResult>;
  /** Frees what the limiter holds (connections, timers). */
  close(): Promise<void>;
}
