/** Rate limits counted in Redis, shared by every app process that points at the same server. */
import type { Redis } from 'ioredis';
import { lazyModule } from '../../lazy-module.js';

/** Loaded only when REDIS_URL is set. */
const loadIoredis = lazyModule<typeof import('ioredis')>('ioredis');
import type { RateLimiter, RateLimitResult } from './rate-limiter.js';

// INCR and the expiry in one atomic step: the first hit of a window starts its clock.
const HIT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}
`;

/** Options of {@link RedisRateLimiter}. */
export interface RedisRateLimiterOptions {
  /** Prefix of every key (tests use their own). */
  prefix?: string;
  /** Told when Redis fails; the hit is then allowed (a limiter outage must not stop comments). */
  onError?: (error: unknown) => void;
}

type HitClient = Redis & { depecheHit(key: string, windowMs: number): Promise<[number, number]> };

/** Fixed windows as Redis counters with an expiry. */
export class RedisRateLimiter implements RateLimiter {
  private readonly client: HitClient;
  private readonly prefix: string;
  private readonly onError: (error: unknown) => void;
  private readonly firstAttempt: Promise<void>;

  constructor(url: string, options: RedisRateLimiterOptions = {}) {
    // Fail fast rather than queue: a post must not wait for Redis to come back (it reconnects on its own).
    const client = new (loadIoredis().Redis)(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 });
    client.defineCommand('depecheHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    client.on('error', () => undefined);
    // The first hits wait for the first connection attempt (ready or failed), never longer.
    this.firstAttempt = new Promise<void>((resolve) => {
      client.once('ready', resolve);
      client.once('error', () => resolve());
      client.once('end', resolve);
    });
    this.client = client as HitClient;
    this.prefix = options.prefix ?? 'depeche:rl:';
    this.onError = options.onError ?? (() => undefined);
  }

  /** Counts one hit on `key`. */
  async hit(key: string, max: number, windowMs: number): Promise<RateLimitResult> {
    try {
      await this.firstAttempt;
      const [count, ttl] = await this.client.depecheHit(this.prefix + key, Math.max(1, Math.round(windowMs)));
      return { allowed: count <= max, count, resetInMs: ttl };
    } catch (error) {
      this.onError(error);
      return { allowed: true, count: 0, resetInMs: 0 };
    }
  }

  /** Whether Redis answers (start-up check), after the first connection attempt. */
  async ping(): Promise<boolean> {
    try {
      await this.firstAttempt;
      return (await this.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  /** Closes the connection. */
  async close(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
