/** The page-load benchmark's report: its JSON shape (last-run.json), the goals, and its Markdown. */
import type { ProcessMemory } from './children.js';
import type { LoadResult } from './load.js';
import { type MachineDescription, machineLine, type MachineLoad, loadLine } from './machine.js';
import type { BenchOptions, CacheMode } from './options.js';

/** A page of the demo site as the app sends it to the load generator. */
export interface PageSample {
  name: string;
  path: string;
  contentType: string;
  /** Bytes of the body as sent with the benchmark's Accept-Encoding. */
  bytes: number;
  /** Its Content-Encoding, or null when sent uncompressed. */
  contentEncoding: string | null;
  /** Bytes of the uncompressed body. */
  identityBytes: number;
}

/** The ceiling at one connection count: measured before and after the app, averaged. */
export interface CeilingRun {
  connections: number;
  /** What the ceiling was asked for ("br, gzip", identity…). */
  acceptEncoding: string;
  samples: LoadResult[];
  /** Mean req/s of the samples: the denominator of every ratio at this connection count. */
  requestsPerSec: number;
}

/** One page measured on the app in one cache mode at one connection count. */
export interface PageRun {
  page: string;
  mode: CacheMode;
  connections: number;
  acceptEncoding: string;
  /** The page as this server sent it just before the run (a cache may compress, the renderer not). */
  answer: { bytes: number; contentEncoding: string | null };
  result: LoadResult;
  /** app req/s ÷ ceiling req/s at the same connection count, in percent. */
  ratioPercent: number;
}

/** The app's memory in one cache mode. */
export interface ModeMemory {
  mode: CacheMode;
  afterRun: ProcessMemory | null;
}

/** Cold start samples (spawn → first 200 on /), milliseconds. */
export interface ColdStart {
  samplesMs: number[];
  medianMs: number | null;
}

/** One load run on the large site. */
export interface LargeRun {
  name: string;
  /** How many distinct URLs the run went through. */
  urls: number;
  connections: number;
  result: LoadResult;
  ratioPercent: number;
}

/** The large (synthetic) site: memory and throughput with many articles. */
export interface LargeSiteReport {
  articles: number;
  categories: number;
  tags: number;
  databaseBytes: number;
  /** Seconds spent generating it during this run; null when a cached file was reused. */
  generatedSeconds: number | null;
  coldStartMs: number;
  memoryAfterStart: ProcessMemory | null;
  memoryAfterRun: ProcessMemory | null;
  runs: LargeRun[];
}

/** One goal of issue 7, measured. */
export interface GoalResult {
  goal: string;
  target: string;
  measured: string;
  /** null when not measured in this run. */
  met: boolean | null;
}

/** Everything one run measured, as written to last-run.json. */
export interface BenchReport {
  startedAt: string;
  elapsedSeconds: number;
  machine: MachineDescription;
  /** How busy the machine was when the run ended. */
  loadAtEnd: MachineLoad;
  options: BenchOptions;
  /** Environment of the cached mode's page cache (PAGE_CACHE_MB as passed, or "default"). */
  pageCacheSetting: string;
  ceiling: { page: string; bytes: number; contentEncoding: string | null; identityBytes: number; runs: CeilingRun[] };
  pages: PageSample[];
  runs: PageRun[];
  memory: ModeMemory[];
  coldStart: ColdStart;
  /** Extra runs without compression (only when the app compresses, so that both are known). */
  identityRuns: PageRun[];
  large: LargeSiteReport | null;
  goals: GoalResult[];
}

/** app req/s as a percentage of ceiling req/s (0 when the ceiling did nothing). */
export function ratioPercent(app: LoadResult, ceilingRequestsPerSec: number): number {
  return ceilingRequestsPerSec > 0 ? (app.requestsPerSec / ceilingRequestsPerSec) * 100 : 0;
}

/** The middle value (mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const MB = 1_000_000;
const GOAL = { cachedRatio: 70, uncachedRatio: 25, p99Ms: 20, p99Connections: 32, rssBytes: 250 * MB, coldStartMs: 1000 } as const;

function num(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function ms(value: number): string {
  return value < 10 ? num(value, 2) : value < 100 ? num(value, 1) : num(value, 0);
}

function megabytes(bytes: number | null | undefined): string {
  return bytes === null || bytes === undefined ? 'n/a' : `${num(bytes / MB, 0)} MB`;
}

function mark(met: boolean | null): string {
  return met === null ? '–' : met ? '✓' : '✗';
}

/** The goals of issue 7 against what this run measured. */
export function evaluateGoals(report: Omit<BenchReport, 'goals'>): GoalResult[] {
  const goals: GoalResult[] = [];
  const article = (mode: CacheMode, connections: number) => report.runs.find((r) => r.page === 'article' && r.mode === mode && r.connections === connections);
  for (const [mode, target] of [['cached', GOAL.cachedRatio], ['uncached', GOAL.uncachedRatio]] as const) {
    for (const connections of report.options.connections) {
      const run = article(mode, connections);
      goals.push({
        goal: `${mode} article page, req/s vs the ceiling, ${connections} connections`,
        target: `≥ ${target} %`,
        measured: run ? `${num(run.ratioPercent, 1)} % (${num(run.result.requestsPerSec)} req/s)` : 'not measured',
        met: run ? run.ratioPercent >= target : null,
      });
    }
  }
  for (const mode of ['cached', 'uncached'] as const) {
    const run = article(mode, GOAL.p99Connections);
    goals.push({
      goal: `${mode} article page, p99 latency at ${GOAL.p99Connections} connections`,
      target: `≤ ${GOAL.p99Ms} ms`,
      measured: run ? `${latency(run.result, run.result.p99Ms)} ms` : 'not measured',
      met: run ? run.result.totalRequests > run.result.non2xx && run.result.p99Ms <= GOAL.p99Ms : null,
    });
  }
  const large = report.large;
  // Judged on the peak: the resident memory must stay under the goal all along, not only at the end.
  const largePeak = large?.memoryAfterRun ? Math.max(large.memoryAfterRun.peakRssBytes, large.memoryAfterRun.rssBytes, large.memoryAfterStart?.rssBytes ?? 0) : null;
  goals.push({
    goal: large ? `app RSS with ${num(large.articles)} articles (after startup / after the load runs; peak, judged)` : 'app RSS with 100,000 articles',
    target: '≤ 250 MB',
    measured: large ? `${megabytes(large.memoryAfterStart?.rssBytes)} / ${megabytes(large.memoryAfterRun?.rssBytes)}; peak ${megabytes(large.memoryAfterRun?.peakRssBytes)}` : 'not measured',
    // The goal is stated for 100,000 articles: a smaller site is reported, not judged.
    met: largePeak === null || large === null || large.articles < 100_000 ? null : largePeak <= GOAL.rssBytes,
  });
  const cold = report.coldStart.medianMs;
  goals.push({
    goal: `cold start, spawn → first 200 on / (median of ${report.coldStart.samplesMs.length}, demo site)`,
    target: '≤ 1 s',
    measured: cold === null ? 'not measured' : `${num(cold)} ms`,
    met: cold === null ? null : cold <= GOAL.coldStartMs,
  });
  return goals;
}

/** A Markdown table; the columns named in `right` are right-aligned (numbers). */
function table(header: string[], rows: string[][], right: readonly number[] = []): string[] {
  const align = header.map((_, i) => (right.includes(i) ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((cells) => `| ${cells.join(' | ')} |`)];
}

function errors(result: LoadResult): string {
  return `${result.errors} / ${result.non2xx}`;
}

function encodingLabel(encoding: string | null): string {
  return encoding ?? 'none';
}

/** Latency cells read "n/a" when no 2xx answer arrived in the run. */
function latency(result: LoadResult, value: number): string {
  return result.totalRequests - result.non2xx > 0 ? ms(value) : 'n/a';
}

function pageRunRow(r: PageRun): string[] {
  const sent = `${num(r.answer.bytes)} B${r.answer.contentEncoding === null ? '' : ` ${r.answer.contentEncoding}`}`;
  return [r.page, r.mode, sent, String(r.connections), num(r.result.requestsPerSec), num(r.ratioPercent, 1), latency(r.result, r.result.p50Ms), latency(r.result, r.result.p99Ms), errors(r.result)];
}

/** The report as the Markdown section of bench/RESULTS.md. */
export function renderMarkdown(report: BenchReport): string {
  const o = report.options;
  const lines: string[] = [
    '## Page load (`npm run bench`)',
    '',
    `Run ${report.startedAt}, ${num(report.elapsedSeconds / 60, 1)} min in all.`,
    '',
    `- Machine: ${machineLine(report.machine)}.`,
    `- Other work on the machine: ${loadLine(report.machine.load, report.loadAtEnd)}.`,
    `- Load: autocannon in the bench process, keep-alive connections, no pipelining, \`Accept-Encoding: ${o.acceptEncoding}\` (what browsers send); ${o.durationSec} s per measurement after a ${o.warmupSec} s warm-up whose figures are dropped. Latencies are autocannon's per-response timings of 2xx responses.`,
    `- App: the built server, \`depeche serve --workers ${o.workers}\` (${o.workers === 1 ? 'one process' : `a primary and ${o.workers} workers; the ceiling runs ${o.workers} node:http processes too`}), NODE_ENV=production, SQLite. Cached = page cache at ${report.pageCacheSetting}, warmed with a few requests; uncached = \`PAGE_CACHE_MB=0\`. A fresh server per mode.`,
    `- Ceiling: bare \`node:http\` answering every request with the ${report.ceiling.page} page's bytes from memory, as the app sent them (${num(report.ceiling.bytes)} bytes, Content-Encoding ${encodingLabel(report.ceiling.contentEncoding)}${report.ceiling.contentEncoding === null ? '' : `; ${num(report.ceiling.identityBytes)} uncompressed bytes to identity requests`}): the most this machine and load generator can do for a page of that size. Measured before and after the app; ratios divide by the mean at the same connection count and Accept-Encoding.`,
    '',
    '### Goals (issue 7)',
    '',
    ...table(['goal', 'target', 'measured', 'met'], report.goals.map((g) => [g.goal, g.target, g.measured, mark(g.met)])),
    '',
    '### Ceiling',
    '',
    ...table(
      ['connections', 'Accept-Encoding', 'req/s (mean)', 'samples req/s', 'p50 ms', 'p99 ms'],
      report.ceiling.runs.map((c) => [
        String(c.connections),
        c.acceptEncoding,
        num(c.requestsPerSec),
        c.samples.map((s) => num(s.requestsPerSec)).join(', '),
        c.samples.map((s) => ms(s.p50Ms)).join(', '),
        c.samples.map((s) => ms(s.p99Ms)).join(', '),
      ]),
      [0, 2, 3, 4, 5],
    ),
    '',
    '### Pages of the demo site',
    '',
    ...table(
      ['page', 'path', 'bytes sent', 'Content-Encoding', 'uncompressed bytes'],
      report.pages.map((p) => [p.name, `\`${p.path}\``, num(p.bytes), encodingLabel(p.contentEncoding), num(p.identityBytes)]),
      [2, 4],
    ),
    '',
    ...table(
      ['page', 'mode', 'sent as', 'connections', 'req/s', '% of ceiling', 'p50 ms', 'p99 ms', 'errors / non-2xx'],
      report.runs.map(pageRunRow),
      [3, 4, 5, 6, 7, 8],
    ),
  ];
  if (report.identityRuns.length > 0) {
    lines.push(
      '',
      'Without compression (`Accept-Encoding: identity`, ceiling sending the uncompressed bytes):',
      '',
      ...table(
        ['page', 'mode', 'sent as', 'connections', 'req/s', '% of ceiling', 'p50 ms', 'p99 ms', 'errors / non-2xx'],
        report.identityRuns.map(pageRunRow),
        [3, 4, 5, 6, 7, 8],
      ),
    );
  } else if (report.pages.every((p) => p.contentEncoding === null)) {
    lines.push('', 'The app sent every page uncompressed whatever the Accept-Encoding, so these figures are for uncompressed bodies and an identity run would measure the same thing.');
  }
  lines.push(
    '',
    '### Memory and cold start',
    '',
    ...table(['what', 'processes', 'resident (RSS)', 'peak RSS'], report.memory.map((m) => [`app after the ${m.mode} runs (demo site)`, String(m.afterRun?.processes ?? 'n/a'), megabytes(m.afterRun?.rssBytes), megabytes(m.afterRun?.peakRssBytes)]), [1, 2, 3]),
    ...(o.workers > 1 ? ['', 'RSS is summed over the primary and its workers; the peak is the sum of each process’s own peak (an upper bound).'] : []),
    '',
    `Cold start (process spawn → first 200 on \`/\`, demo site, database already migrated, files in the OS cache): median ${report.coldStart.medianMs === null ? 'n/a' : `${num(report.coldStart.medianMs)} ms`} of ${report.coldStart.samplesMs.map((s) => `${num(s)}`).join(', ')} ms.`,
  );
  const large = report.large;
  if (large) {
    lines.push(
      '',
      `### Large site: ${num(large.articles)} articles`,
      '',
      `Synthetic French-like articles (bench/search generator: ${large.categories} categories, 20 authors, ${num(large.tags)} tags, no comments, no images), search index built, related lists not computed (the article page then picks related articles by shared tags); database ${megabytes(large.databaseBytes)}${large.generatedSeconds === null ? ', reused from an earlier run' : `, generated in ${num(large.generatedSeconds)} s during this run`}. Served with the page cache on (default size). Random URLs, so nearly every request misses the cache.`,
      '',
      `- Cold start (spawn → first 200 on \`/\`): ${num(large.coldStartMs)} ms`,
      `- RSS after startup (first page served, 1 s idle): ${megabytes(large.memoryAfterStart?.rssBytes)}; after the load runs: ${megabytes(large.memoryAfterRun?.rssBytes)} (peak ${megabytes(large.memoryAfterRun?.peakRssBytes)})`,
      '',
      ...table(
        ['pages', 'distinct URLs', 'connections', 'req/s', '% of ceiling', 'p50 ms', 'p99 ms', 'errors / non-2xx'],
        large.runs.map((r) => [r.name, num(r.urls), String(r.connections), num(r.result.requestsPerSec), num(r.ratioPercent, 1), latency(r.result, r.result.p50Ms), latency(r.result, r.result.p99Ms), errors(r.result)]),
        [1, 2, 3, 4, 5, 6, 7],
      ),
    );
  }
  return lines.join('\n');
}
