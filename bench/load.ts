/** One autocannon run against one URL, reduced to the numbers the report needs. */
import autocannon from 'autocannon';

/** How hard and how long to load a server. */
export interface LoadSettings {
  connections: number;
  durationSec: number;
}

/** What one measured run gave. */
export interface LoadResult {
  /** Mean of the per-second request counts. */
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses received, all statuses. */
  totalRequests: number;
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  /** Response bytes per second (mean). */
  bytesPerSec: number;
}

/** Loads `url` with autocannon and returns the summary. */
export async function runLoad(url: string, settings: LoadSettings): Promise<LoadResult> {
  const result = await autocannon({ url, connections: settings.connections, duration: settings.durationSec, pipelining: 1 });
  return {
    requestsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    totalRequests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerSec: result.throughput.average,
  };
}

/** A warm-up then a measured run; the warm-up's numbers are discarded. */
export async function measure(url: string, settings: LoadSettings, warmupSec: number): Promise<LoadResult> {
  if (warmupSec > 0) await runLoad(url, { ...settings, durationSec: warmupSec });
  return runLoad(url, settings);
}
