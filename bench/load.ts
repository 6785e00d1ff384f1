/** One autocannon run against one URL (or a rotation of paths), reduced to the numbers the report needs. */
import autocannon from 'autocannon';

/** How hard and how long to load a server. */
export interface LoadSettings {
  connections: number;
  durationSec: number;
}

/** What to request: an origin, a path (or a function giving the next path), and the request headers. */
export interface LoadTarget {
  /** e.g. http://127.0.0.1:4000 */
  origin: string;
  /** The one path requested, or the first of a rotation. */
  path: string;
  /** When set, each request asks for the path this returns (many different URLs). */
  nextPath?: () => string;
  headers: Record<string, string>;
}

/** What one measured run gave. */
export interface LoadResult {
  /** Mean of the per-second request counts. */
  requestsPerSec: number;
  /** Latency percentiles of the 2xx responses, in milliseconds (from autocannon's per-response timings). */
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Responses received, all statuses. */
  totalRequests: number;
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  /** Response bytes per second (mean), headers included. */
  bytesPerSec: number;
}

/** The value at percentile `p` (0–100) of ascending values, nearest-rank. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

/** Latencies collected in a growing typed array (hundreds of thousands per run, no boxing). */
class LatencyRecorder {
  private values = new Float64Array(1 << 16);
  private count = 0;

  add(ms: number): void {
    if (this.count === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.count++] = ms;
  }

  sorted(): Float64Array {
    return this.values.subarray(0, this.count).sort();
  }
}

/**
 * Loads the target with autocannon: keep-alive connections, no pipelining (one request at a time
 * per connection, as a browser or a CDN's origin pull does). autocannon's own latency histogram
 * has a 1 ms resolution, too coarse for cached pages, so latencies are taken from its
 * per-response timings instead.
 */
export function runLoad(target: LoadTarget, settings: LoadSettings): Promise<LoadResult> {
  const latencies = new LatencyRecorder();
  const nextPath = target.nextPath;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.origin + target.path,
        connections: settings.connections,
        duration: settings.durationSec,
        pipelining: 1,
        headers: target.headers,
        ...(nextPath ? { requests: [{ method: 'GET', setupRequest: (request: autocannon.Request) => ({ ...request, path: nextPath() }) }] } : {}),
      },
      (error: unknown, result: autocannon.Result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const sorted = latencies.sorted();
        resolve({
          requestsPerSec: result.requests.average,
          p50Ms: percentile(sorted, 50),
          p90Ms: percentile(sorted, 90),
          p99Ms: percentile(sorted, 99),
          maxMs: sorted.length > 0 ? (sorted[sorted.length - 1] ?? 0) : 0,
          totalRequests: result.requests.total,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          bytesPerSec: result.throughput.average,
        });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
      if (statusCode >= 200 && statusCode < 300) latencies.add(responseTimeMs);
    });
  });
}

/** A warm-up then a measured run; the warm-up's numbers are discarded. */
export async function measure(target: LoadTarget, settings: LoadSettings, warmupSec: number): Promise<LoadResult> {
  if (warmupSec > 0) await runLoad(target, { ...settings, durationSec: warmupSec });
  return runLoad(target, settings);
}
