/** The benchmark report: its JSON shape and its text rendering. */
import type { LoadResult, LoadSettings } from './load.js';

/** One page measured on the app and on the ceiling. */
export interface PageReport {
  name: string;
  path: string;
  bytes: number;
  contentType: string;
  app: LoadResult;
  ceiling: LoadResult;
  /** app req/s ÷ ceiling req/s, in percent. */
  ratioPercent: number;
}

/** Everything one run measured, as written to last-run.json. */
export interface BenchReport {
  startedAt: string;
  node: string;
  platform: string;
  cpu: { model: string; count: number };
  load: LoadSettings & { warmupSec: number };
  coldStartMs: number;
  appRssBytes: number | null;
  pages: PageReport[];
}

const COLUMNS = ['page', 'server', 'req/s', 'p50 ms', 'p99 ms', 'errors/non-2xx'] as const;
const RIGHT_ALIGNED = new Set([2, 3, 4, 5]);

/** app req/s as a percentage of ceiling req/s (0 when the ceiling did nothing). */
export function ratioPercent(app: LoadResult, ceiling: LoadResult): number {
  return ceiling.requestsPerSec > 0 ? (app.requestsPerSec / ceiling.requestsPerSec) * 100 : 0;
}

function number(value: number, digits = 0, minDigits = digits): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: minDigits, maximumFractionDigits: digits });
}

function mebibytes(bytes: number | null): string {
  return bytes === null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function row(page: string, server: string, result: LoadResult): string[] {
  return [page, server, number(result.requestsPerSec, 1), number(result.p50Ms, 2, 0), number(result.p99Ms, 2, 0), `${result.errors}/${result.non2xx}`];
}

function table(rows: string[][]): string[] {
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...rows.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (RIGHT_ALIGNED.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(' | ');
  return [line(COLUMNS), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)];
}

/** The report as text, one line per array item. */
export function renderReport(report: BenchReport): string[] {
  const { load, pages } = report;
  const nameWidth = Math.max(...pages.map((p) => p.name.length));
  return [
    `Dépêche benchmark, ${report.startedAt}`,
    `Node ${report.node} on ${report.platform}; CPU: ${report.cpu.count} × ${report.cpu.model}`,
    `Load: autocannon, ${load.connections} connections, ${load.durationSec} s measured after a ${load.warmupSec} s warm-up, app and ceiling one after the other`,
    `App cold start (spawn → first 200 on /): ${number(report.coldStartMs)} ms`,
    `App RSS after the run: ${mebibytes(report.appRssBytes)}`,
    '',
    ...table(pages.flatMap((p) => [row(p.name, 'app', p.app), row(p.name, 'ceiling', p.ceiling)])),
    '',
    'Page sizes:',
    ...pages.map((p) => `  ${p.name.padEnd(nameWidth)}  ${number(p.bytes).padStart(9)} bytes  ${p.contentType}  ${p.path}`),
    'Ratio to the ceiling (app req/s ÷ ceiling req/s):',
    ...pages.map((p) => `  ${p.name.padEnd(nameWidth)}  ${p.ratioPercent.toFixed(1)} %`),
  ];
}
