/**
 * `npm run bench:import`: generates a WordPress export of 100,000 posts with comments
 * (BENCH_IMPORT_POSTS to change it; kept in bench/.work/import/ for later runs) and imports it
 * with the built CLI, `depeche import wordpress FILE`, into a fresh SQLite database — and into
 * a fresh PostgreSQL database too with BENCH_IMPORT_POSTGRES=1 (or a server URL). Reports the
 * wall time and the importer's peak memory against the goals (5 minutes, 500 MB), what the
 * database holds afterwards, in bench/RESULTS.md (its "Import" section) and
 * bench/.work/import-last-run.json. A measuring tool: it asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { hasExited, killAllNow, processMemory, startNode, stopAll } from '../children.js';
import { BenchError, oneLine } from '../errors.js';
import { describeMachine, loadLine, machineLine, machineLoad, type MachineDescription, type MachineLoad } from '../machine.js';
import { benchPaths, type BenchPaths, shown } from '../paths.js';
import { writeResultsSection } from '../results-file.js';
import { generateWxr, WXR_GENERATOR_VERSION, type WxrStats } from './generate-wxr.js';

const DEFAULT_POSTS = 100_000;
const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DATABASE = 'depeche_bench_import';
const SAMPLE_EVERY_MS = 200;
const MB = 1_000_000;
const GOALS = { seconds: 300, peakRssBytes: 500 * MB } as const;

/** What the database holds after the import. */
interface Contents {
  articlesByStatus: Record<string, number>;
  commentsByStatus: Record<string, number>;
  categories: number;
  tags: number;
  users: number;
  redirects: number;
}

/** One import into one database. */
interface ImportRun {
  database: 'sqlite' | 'postgres';
  exitCode: number | null;
  wallSeconds: number;
  /** Exact peak from getrusage in the importer, or null if it did not exit normally. */
  peakRssBytes: number | null;
  /** The highest VmRSS seen by polling every 200 ms (a cross-check). */
  polledPeakRssBytes: number | null;
  cpuSeconds: number | null;
  databaseBytes: number | null;
  contents: Contents | null;
  /** The importer's own JSON report (--report), when it wrote one. */
  importerReport: unknown;
  log: string;
}

/** Everything written to import-last-run.json. */
interface ImportReport {
  startedAt: string;
  machine: MachineDescription;
  loadAtEnd: MachineLoad;
  posts: number;
  wxr: { file: string; bytes: number; generatedSeconds: number | null; stats: WxrStats };
  runs: ImportRun[];
  postgres: 'not requested' | 'measured' | string;
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

function postsFromEnv(): number {
  const raw = process.env.BENCH_IMPORT_POSTS?.trim();
  if (raw === undefined || raw === '') return DEFAULT_POSTS;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new BenchError(`BENCH_IMPORT_POSTS must be a whole number ≥ 1, got "${raw}"`);
  return Number(raw);
}

function postgresFromEnv(): string | null {
  const raw = process.env.BENCH_IMPORT_POSTGRES?.trim();
  if (raw === undefined || raw === '' || raw === '0') return null;
  if (raw === '1') return DEFAULT_POSTGRES;
  if (!/^postgres(ql)?:\/\//.test(raw)) throw new BenchError(`BENCH_IMPORT_POSTGRES must be 1 or a postgres:// URL of a server where databases may be created, got "${raw}"`);
  return raw;
}

/** Fails early, with the reason, when the built CLI cannot import WordPress files yet. */
function checkImporter(paths: BenchPaths): void {
  if (!existsSync(paths.cli)) throw new BenchError(`${shown(paths, paths.cli)} is missing; run \`npm run build\` first (or \`npm run bench:import\`)`);
  let help = '';
  try {
    // An unknown command's --help prints the root help, so the usage line is what tells.
    help = execFileSync(process.execPath, [paths.cli, 'import', 'wordpress', '--help'], { cwd: paths.root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    help = '';
  }
  if (!/Usage: depeche import wordpress/.test(help)) throw new BenchError('the built CLI has no `depeche import wordpress` command; nothing to measure');
}

/** The export with `posts` posts, generated once and kept (by count and generator version). */
function prepareExport(dir: string, posts: number): ImportReport['wxr'] {
  const file = join(dir, `wxr-v${WXR_GENERATOR_VERSION}-${posts}.xml`);
  const statsFile = `${file}.stats.json`;
  if (existsSync(file) && existsSync(statsFile)) {
    progress(`Reusing the export ${file}.`);
    return { file, bytes: statSync(file).size, generatedSeconds: null, stats: JSON.parse(readFileSync(statsFile, 'utf8')) as WxrStats };
  }
  progress(`Generating a WordPress export of ${posts.toLocaleString('en')} posts (once; kept as ${file})…`);
  const started = performance.now();
  const partial = `${file}.partial`;
  const stats = generateWxr(partial, { posts });
  renameSync(partial, file);
  writeFileSync(statsFile, `${JSON.stringify(stats, null, 2)}\n`);
  const seconds = (performance.now() - started) / 1000;
  progress(`  ${(stats.bytes / MB).toFixed(0)} MB, ${stats.comments.toLocaleString('en')} comments, in ${seconds.toFixed(1)} s.`);
  return { file, bytes: stats.bytes, generatedSeconds: seconds, stats };
}

function countsBy(rows: { key: string; n: number | string }[]): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));
}

const CONTENT_QUERIES = {
  articles: 'SELECT status AS key, count(*) AS n FROM articles GROUP BY status ORDER BY status',
  comments: 'SELECT status AS key, count(*) AS n FROM comments GROUP BY status ORDER BY status',
  totals: 'SELECT (SELECT count(*) FROM categories) AS categories, (SELECT count(*) FROM tags) AS tags, (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM redirects) AS redirects',
};

type Totals = { categories: number | string; tags: number | string; users: number | string; redirects: number | string };

function contents(articles: { key: string; n: number | string }[], comments: { key: string; n: number | string }[], totals: Totals | undefined): Contents {
  return {
    articlesByStatus: countsBy(articles),
    commentsByStatus: countsBy(comments),
    categories: Number(totals?.categories ?? 0),
    tags: Number(totals?.tags ?? 0),
    users: Number(totals?.users ?? 0),
    redirects: Number(totals?.redirects ?? 0),
  };
}

function sqliteContents(file: string): Contents | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = (query: string) => db?.prepare(query).all() as { key: string; n: number }[];
    return contents(rows(CONTENT_QUERIES.articles), rows(CONTENT_QUERIES.comments), db.prepare(CONTENT_QUERIES.totals).get() as Totals | undefined);
  } catch (error) {
    progress(`  could not read the imported database: ${oneLine(error)}`);
    return null;
  } finally {
    db?.close();
  }
}

async function postgresContents(url: string): Promise<{ contents: Contents | null; bytes: number | null }> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const rows = async (query: string) => (await client.query<{ key: string; n: string }>(query)).rows;
    const totals = (await client.query<Totals>(CONTENT_QUERIES.totals)).rows[0];
    const size = (await client.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes')).rows[0];
    return { contents: contents(await rows(CONTENT_QUERIES.articles), await rows(CONTENT_QUERIES.comments), totals), bytes: size ? Number(size.bytes) : null };
  } catch (error) {
    progress(`  could not read the imported database: ${oneLine(error)}`);
    return { contents: null, bytes: null };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs one CLI command to its end (not measured), failing on a non-zero exit. */
async function runCli(paths: BenchPaths, name: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  const child = startNode({ name, args: [paths.cli, ...args], cwd: paths.root, env, logFile, logLabel: shown(paths, logFile) });
  const code = await child.exited;
  if (code !== 0) throw new BenchError(`${name} failed (exit code ${String(code)}); see ${child.logLabel}`);
}

/** Imports the export into the database of `env` and measures time and memory. */
async function measureImport(paths: BenchPaths, dir: string, database: ImportRun['database'], wxrFile: string, env: NodeJS.ProcessEnv): Promise<Omit<ImportRun, 'databaseBytes' | 'contents'>> {
  const peakFile = join(dir, `peak-${database}.json`);
  const reportFile = join(dir, `importer-report-${database}.json`);
  const logFile = join(dir, `import-${database}.log`);
  for (const file of [peakFile, reportFile]) rmSync(file, { force: true });
  await runCli(paths, `migrate (${database})`, ['migrate'], env, join(dir, `migrate-${database}.log`));
  progress(`Importing into ${database}…`);
  const preload = pathToFileURL(join(paths.root, 'dist/bench/import/peak-memory.js')).href;
  const started = performance.now();
  const child = startNode({
    name: `import (${database})`,
    args: ['--import', preload, paths.cli, 'import', 'wordpress', wxrFile, '--report', reportFile],
    cwd: paths.root,
    env: { ...env, DEPECHE_BENCH_PEAK_FILE: peakFile },
    logFile,
    logLabel: shown(paths, logFile),
  });
  let polledPeak: number | null = null;
  let lastReport = started;
  const timer = setInterval(() => {
    const memory = processMemory(child.process.pid);
    if (memory !== null) polledPeak = Math.max(polledPeak ?? 0, memory.peakRssBytes);
    const now = performance.now();
    if (now - lastReport >= 30_000 && !hasExited(child)) {
      lastReport = now;
      progress(`  ${((now - started) / 1000).toFixed(0)} s, RSS ${memory ? (memory.rssBytes / MB).toFixed(0) : '?'} MB`);
    }
  }, SAMPLE_EVERY_MS);
  const exitCode = await child.exited;
  clearInterval(timer);
  const wallSeconds = (performance.now() - started) / 1000;
  const peak = existsSync(peakFile) ? (JSON.parse(readFileSync(peakFile, 'utf8')) as { maxRssBytes: number; userCpuSeconds: number; systemCpuSeconds: number }) : null;
  let importerReport: unknown = null;
  try {
    if (existsSync(reportFile)) importerReport = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch {
    importerReport = 'unreadable';
  }
  progress(`  exit code ${String(exitCode)} after ${wallSeconds.toFixed(1)} s, peak RSS ${peak ? (peak.maxRssBytes / MB).toFixed(0) : '?'} MB`);
  return { database, exitCode, wallSeconds, peakRssBytes: peak?.maxRssBytes ?? null, polledPeakRssBytes: polledPeak, cpuSeconds: peak ? peak.userCpuSeconds + peak.systemCpuSeconds : null, importerReport, log: shown(paths, logFile) };
}

async function importSqlite(paths: BenchPaths, dir: string, wxrFile: string): Promise<ImportRun> {
  const file = join(dir, 'imported.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const media = join(dir, 'media');
  rmSync(media, { recursive: true, force: true });
  const env = { ...process.env, DATABASE_URL: `sqlite:${file}`, MEDIA_DIR: media, LOG_LEVEL: 'warn' };
  const run = await measureImport(paths, dir, 'sqlite', wxrFile, env);
  const bytes = ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(file + suffix) ? statSync(file + suffix).size : 0), 0);
  return { ...run, databaseBytes: bytes, contents: sqliteContents(file) };
}

/** A fresh database on the PostgreSQL server, or the reason there is none. */
async function freshPostgresDatabase(adminUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new BenchError(`PostgreSQL at ${new URL(adminUrl).host} is not reachable (${oneLine(error)})`);
  }
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE}`);
    await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.href;
}

async function dropPostgresDatabase(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE}`);
  } catch (error) {
    progress(`  could not drop ${BENCH_DATABASE}: ${oneLine(error)}`);
  } finally {
    await admin.end().catch(() => undefined);
  }
}

async function importPostgres(paths: BenchPaths, dir: string, wxrFile: string, adminUrl: string): Promise<ImportRun> {
  const url = await freshPostgresDatabase(adminUrl);
  try {
    const media = join(dir, 'media-postgres');
    rmSync(media, { recursive: true, force: true });
    const run = await measureImport(paths, dir, 'postgres', wxrFile, { ...process.env, DATABASE_URL: url, MEDIA_DIR: media, LOG_LEVEL: 'warn' });
    const { contents, bytes } = await postgresContents(url);
    return { ...run, databaseBytes: bytes, contents };
  } finally {
    if (process.env.BENCH_IMPORT_KEEP !== '1') await dropPostgresDatabase(adminUrl);
  }
}

function num(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function megabytes(bytes: number | null): string {
  return bytes === null ? 'n/a' : `${num(bytes / MB)} MB`;
}

function mark(met: boolean | null): string {
  return met === null ? '–' : met ? '✓' : '✗';
}

/** wp:comment_approved values as words. */
const APPROVED_LABELS: Record<string, string> = { '1': 'approved', '0': 'pending' };

function statusList(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return entries.length === 0 ? 'none' : entries.map(([k, n]) => `${APPROVED_LABELS[k] ?? k} ${num(n)}`).join(', ');
}

/** The "Import" section of bench/RESULTS.md. */
export function renderImportMarkdown(report: ImportReport): string {
  const s = report.wxr.stats;
  const lines = [
    '## Import (`npm run bench:import`)',
    '',
    `Run ${report.startedAt}. Machine: ${machineLine(report.machine)}. Other work on the machine: ${loadLine(report.machine.load, report.loadAtEnd)}.`,
    '',
    `Export: a generated WXR 1.2 file (bench/import/generate-wxr.ts, original French-like text), ${num(report.wxr.bytes / MB)} MB: ${num(s.posts)} posts (${statusList(s.postsByStatus)}; ${num(s.gutenbergPosts)} in block-editor markup, ${num(s.captions)} \`[caption]\`/image blocks, ${num(s.cdataSplits)} with a split CDATA), ${num(s.comments)} comments (${statusList(s.commentsByStatus)}; ${num(s.replies)} replies, ${num(s.pingbacks)} pingbacks), ${s.authors} authors, ${s.categories} categories (nested), ${s.tags} tags${report.wxr.generatedSeconds === null ? '; reused from an earlier run' : `; generated in ${num(report.wxr.generatedSeconds, 1)} s`}.`,
    '',
    'Measured: `node dist/src/cli/depeche.js import wordpress FILE` on a freshly migrated database; wall time from spawn to exit; peak RSS from the importer’s own getrusage at exit (cross-checked by polling /proc every 200 ms).',
    '',
    '| database | exit | wall time | goal ≤ 5 min | peak RSS | goal ≤ 500 MB | CPU time | database size |',
    '| --- | ---: | ---: | :---: | ---: | :---: | ---: | ---: |',
    ...report.runs.map((r) => {
      const peak = r.peakRssBytes ?? r.polledPeakRssBytes;
      const ok = r.exitCode === 0;
      return `| ${r.database} | ${String(r.exitCode)} | ${num(r.wallSeconds, 1)} s | ${mark(ok ? r.wallSeconds <= GOALS.seconds : null)} | ${megabytes(peak)}${r.peakRssBytes === null ? ' (polled)' : ''} | ${mark(ok && peak !== null ? peak <= GOALS.peakRssBytes : null)} | ${r.cpuSeconds === null ? 'n/a' : `${num(r.cpuSeconds, 1)} s`} | ${megabytes(r.databaseBytes)} |`;
    }),
    '',
    ...report.runs.flatMap((r) => [
      r.contents === null
        ? `- ${r.database}: the database could not be read after the import (see ${r.log}).`
        : `- ${r.database}, imported: articles ${statusList(r.contents.articlesByStatus)}; comments ${statusList(r.contents.commentsByStatus)}; ${num(r.contents.categories)} categories, ${num(r.contents.tags)} tags, ${num(r.contents.users)} users, ${num(r.contents.redirects)} redirects.`,
    ]),
  ];
  if (report.postgres !== 'measured' && report.postgres !== 'not requested') lines.push(`- PostgreSQL: ${report.postgres}.`);
  if (report.postgres === 'not requested') lines.push('- PostgreSQL: not measured in this run (`BENCH_IMPORT_POSTGRES=1`).');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const posts = postsFromEnv();
  const postgresUrl = postgresFromEnv();
  const paths = benchPaths();
  const machine = describeMachine(paths.root);
  checkImporter(paths);
  const dir = join(paths.workDir, 'import');
  mkdirSync(dir, { recursive: true });
  const wxr = prepareExport(dir, posts);
  const runs: ImportRun[] = [await importSqlite(paths, dir, wxr.file)];
  let postgres: ImportReport['postgres'] = 'not requested';
  if (postgresUrl !== null) {
    try {
      runs.push(await importPostgres(paths, dir, wxr.file, postgresUrl));
      postgres = 'measured';
    } catch (error) {
      if (!(error instanceof BenchError)) throw error;
      postgres = `skipped: ${error.message}`;
      progress(`PostgreSQL ${postgres}`);
    }
  }
  const report: ImportReport = { startedAt, machine, loadAtEnd: machineLoad(), posts, wxr: { ...wxr, file: shown(paths, wxr.file) }, runs, postgres };
  writeFileSync(join(paths.workDir, 'import-last-run.json'), `${JSON.stringify(report, null, 2)}\n`);
  const markdown = renderImportMarkdown(report);
  const results = process.env.BENCH_RESULTS?.trim() || 'bench/RESULTS.md';
  if (results !== 'none') {
    const file = isAbsolute(results) ? results : join(paths.root, results);
    writeResultsSection(file, 'import', markdown);
    progress(`Results written to ${shown(paths, file)} and bench/.work/import-last-run.json.`);
  }
  process.stdout.write(`\n${markdown}\n`);
  const failed = runs.filter((r) => r.exitCode !== 0);
  if (failed.length > 0) throw new BenchError(`the import failed on ${failed.map((r) => r.database).join(' and ')}; see ${failed.map((r) => r.log).join(', ')}`);
}

function onSignal(signal: NodeJS.Signals): void {
  progress(`\nbench:import: ${signal} received, stopping the import`);
  void stopAll().finally(() => process.exit(130));
}

process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);
process.once('exit', killAllNow);

try {
  await main();
} catch (error) {
  process.stderr.write(`bench:import: ${oneLine(error)}\n`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
