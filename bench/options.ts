/** `npm run bench` options, from the environment (BENCH_*), each checked with a one-line error. */
import { BenchError } from './errors.js';

/** The two ways the app is measured: with its page cache (default size) and without it. */
export const CACHE_MODES = ['cached', 'uncached'] as const;
export type CacheMode = (typeof CACHE_MODES)[number];

/** The page kinds of the demo site measured. */
export const PAGE_KINDS = ['article', 'home', 'category', 'tag', 'search', 'feed'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** What one run measures and how long. */
export interface BenchOptions {
  /** Seconds of each measurement (BENCH_SECONDS, default 10). */
  durationSec: number;
  /** Seconds of load before each measurement, discarded (BENCH_WARMUP_SECONDS, default 2). */
  warmupSec: number;
  /** Connection counts (BENCH_CONNECTIONS, default 32,128). */
  connections: number[];
  pages: PageKind[];
  modes: CacheMode[];
  /** Accept-Encoding sent with every request (BENCH_ACCEPT_ENCODING, default "br, gzip"). */
  acceptEncoding: string;
  /** App starts timed for the cold start (BENCH_COLD_STARTS, default 5). */
  coldStarts: number;
  /** Articles of the large site; 0 leaves that section out (BENCH_LARGE_ARTICLES, default 100000). */
  largeArticles: number;
  /** Where the Markdown results go (BENCH_RESULTS, default bench/RESULTS.md). */
  resultsFile: string | null;
  /**
   * Processes serving (BENCH_WORKERS, default 1): the app runs `serve --workers N` and the
   * ceiling the same number of node:http processes, so that ratios compare like with like.
   */
  workers: number;
}

type Env = Readonly<Record<string, string | undefined>>;

function raw(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function wholeNumber(env: Env, name: string, fallback: number, min: number): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new BenchError(`${name} must be a whole number ≥ ${min}, got "${value}"`);
  return Number(value);
}

function list<T extends string>(env: Env, name: string, allowed: readonly T[]): T[] {
  const value = raw(env, name);
  if (value === undefined) return [...allowed];
  const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (unknown.length > 0 || items.length === 0) throw new BenchError(`${name} must list some of ${allowed.join(', ')} (comma-separated), got "${value}"`);
  return allowed.filter((item) => items.includes(item));
}

/** Reads and checks the options. */
export function benchOptions(env: Env = process.env): BenchOptions {
  // BENCH_DURATION is the older name of BENCH_SECONDS.
  const durationName = raw(env, 'BENCH_SECONDS') === undefined && raw(env, 'BENCH_DURATION') !== undefined ? 'BENCH_DURATION' : 'BENCH_SECONDS';
  const connectionsText = raw(env, 'BENCH_CONNECTIONS') ?? '32,128';
  const connections = connectionsText.split(',').map((item) => item.trim());
  if (connections.some((c) => !/^\d+$/.test(c) || Number(c) < 1 || Number(c) > 10_000)) throw new BenchError(`BENCH_CONNECTIONS must list connection counts from 1 to 10000 (e.g. 32,128), got "${connectionsText}"`);
  const resultsFile = raw(env, 'BENCH_RESULTS') ?? 'bench/RESULTS.md';
  return {
    durationSec: wholeNumber(env, durationName, 10, 1),
    warmupSec: wholeNumber(env, 'BENCH_WARMUP_SECONDS', 2, 0),
    connections: [...new Set(connections.map(Number))],
    pages: list(env, 'BENCH_PAGES', PAGE_KINDS),
    modes: list(env, 'BENCH_MODES', CACHE_MODES),
    acceptEncoding: raw(env, 'BENCH_ACCEPT_ENCODING') ?? 'br, gzip',
    coldStarts: wholeNumber(env, 'BENCH_COLD_STARTS', 5, 0),
    largeArticles: wholeNumber(env, 'BENCH_LARGE_ARTICLES', 100_000, 0),
    resultsFile: resultsFile === 'none' ? null : resultsFile,
    workers: wholeNumber(env, 'BENCH_WORKERS', 1, 1),
  };
}
