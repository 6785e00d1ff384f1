/** Rate limits counted in this process: right for one process, not shared between nodes. */
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import type { RateLimiter, RateLimitResult } from './rate-limiter.js';

interface Window {
  count: number;
  endsAt: number;
}

/** Fixed windows in a Map, swept of expired keys as it grows. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly clock: Clock = systemClock,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one hit on `key`. */
  async hit(key: string, max: number, windowMs: number): Promise<RateLimitResult> {
    const now = this.clock.now();
    let window = this.windows.get(key);
    if (window === undefined || window.endsAt <= now) {
      if (this.windows.size >= this.maxKeys) this.sweep(now);
      window = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count++;
    return { allowed: window.count <= max, count: window.count, resetInMs: window.endsAt - now };
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    // Still full (a flood of distinct keys): forget everything rather than grow without bound.
    if (this.windows.size >= this.maxKeys) this.windows.clear();
  }

  /** Nothing to free. */
  async close(): Promise<void> {
    this.windows.clear();
  }
}
