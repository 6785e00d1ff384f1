/**
 * `npm run bench`: measures the built site (home and article pages) with autocannon against a bare
 * node:http server serving the same bytes from memory (the ceiling). A measuring tool: it asserts no timings.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, platform, arch } from 'node:os';
import Database from 'better-sqlite3';
import { type Child, hasExited, killAllNow, residentBytes, startNode, stopAll } from './children.js';
import { BenchError, oneLine } from './errors.js';
import { fetchPage, freePorts, HOST, waitFor200 } from './http.js';
import { type LoadResult, type LoadSettings, measure } from './load.js';
import { type BenchPaths, benchPaths, shown, workFile } from './paths.js';
import { type BenchReport, type PageReport, ratioPercent, renderReport } from './report.js';

/** The pages measured, in order. */
export const PAGES = [
  { name: 'home', path: '/' },
  { name: 'article', path: '/actualite/plan-de-paix-rencontre-diplomatique-a-moscou' },
] as const;

const CONNECTIONS = 32;
const WARMUP_SEC = 2;
const DEFAULT_DURATION_SEC = 10;
const START_TIMEOUT_MS = 30_000;

/** A page captured from the app, with its bytes saved for the ceiling. */
interface CapturedPage {
  name: string;
  path: string;
  body: Buffer;
  contentType: string;
  file: string;
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

function durationFromEnv(): number {
  const raw = process.env.BENCH_DURATION;
  if (raw === undefined || raw === '') return DEFAULT_DURATION_SEC;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 1) throw new BenchError(`BENCH_DURATION must be a number of seconds ≥ 1, got "${raw}"`);
  return value;
}

function appEnv(paths: BenchPaths, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: `sqlite:${paths.databaseFile}`, MEDIA_DIR: paths.mediaDir, LOG_LEVEL: 'warn', ...extra };
}

function checkBuilt(paths: BenchPaths): void {
  for (const file of [paths.cli, paths.ceilingServer]) {
    if (!existsSync(file)) throw new BenchError(`${shown(paths, file)} is missing; run \`npm run build\` first (or \`npm run bench\`)`);
  }
}

function hasDemoContent(paths: BenchPaths): boolean {
  const file = workFile(paths, 'depeche.db');
  if (!existsSync(file)) return false;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const row = db.prepare("SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM settings WHERE key = 'demo.loaded_at') AS loaded").get() as { articles: number; loaded: number } | undefined;
    return row !== undefined && row.articles > 0 && row.loaded > 0;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

function startCli(paths: BenchPaths, name: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const logFile = workFile(paths, `${name.replaceAll(' ', '-')}.log`);
  return startNode({ name, args: [paths.cli, ...args], cwd: paths.root, env, logFile, logLabel: shown(paths, logFile) });
}

async function prepareDatabase(paths: BenchPaths): Promise<void> {
  mkdirSync(paths.workDir, { recursive: true });
  if (hasDemoContent(paths)) {
    progress(`Reusing the demo database ${paths.databaseFile}.`);
    return;
  }
  progress(`Loading the demo content into ${paths.databaseFile} (first run, about 30 s)…`);
  const started = performance.now();
  const demo = startCli(paths, 'demo loader', ['demo'], appEnv(paths));
  const code = await demo.exited;
  if (code !== 0) throw new BenchError(`loading the demo content failed (exit code ${String(code)}); see ${demo.logLabel}`);
  progress(`Demo content loaded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

async function startApp(paths: BenchPaths, port: number): Promise<{ app: Child; coldStartMs: number }> {
  const started = performance.now();
  const app = startCli(paths, 'app server', ['serve'], appEnv(paths, { PORT: String(port), HOST, NODE_ENV: 'production' }));
  await waitFor200({ url: `http://${HOST}:${port}/`, child: app, timeoutMs: START_TIMEOUT_MS });
  return { app, coldStartMs: Math.round(performance.now() - started) };
}

async function capturePages(paths: BenchPaths, baseUrl: string): Promise<CapturedPage[]> {
  const captured: CapturedPage[] = [];
  for (const { name, path } of PAGES) {
    const page = await fetchPage(baseUrl + path);
    if (page.status !== 200) throw new BenchError(`the ${name} page ${path} answered ${page.status}, not 200`);
    const file = workFile(paths, `page-${name}.body`);
    writeFileSync(file, page.body);
    captured.push({ name, path, body: page.body, contentType: page.contentType, file });
  }
  return captured;
}

async function startCeiling(paths: BenchPaths, port: number, pages: CapturedPage[]): Promise<Child> {
  const logFile = workFile(paths, 'ceiling-server.log');
  const routes = pages.flatMap((p) => [p.path, p.file, p.contentType]);
  const ceiling = startNode({ name: 'ceiling server', args: [paths.ceilingServer, String(port), ...routes], cwd: paths.root, env: process.env, logFile, logLabel: shown(paths, logFile), stdinPipe: true });
  await waitFor200({ url: `http://${HOST}:${port}${pages[0]?.path ?? '/'}`, child: ceiling, timeoutMs: START_TIMEOUT_MS });
  for (const page of pages) {
    const served = await fetchPage(`http://${HOST}:${port}${page.path}`);
    if (served.status !== 200 || !served.body.equals(page.body)) throw new BenchError(`the ceiling server does not serve the ${page.name} page's bytes`);
  }
  return ceiling;
}

async function measureOn(child: Child, url: string, settings: LoadSettings): Promise<LoadResult> {
  progress(`  ${child.name}: ${url}`);
  const result = await measure(url, settings, WARMUP_SEC);
  if (hasExited(child)) throw new BenchError(`${child.name} exited during the measurement; see ${child.logLabel}`);
  return result;
}

async function measurePages(pages: CapturedPage[], servers: { app: Child; appUrl: string; ceiling: Child; ceilingUrl: string }, settings: LoadSettings): Promise<PageReport[]> {
  const reports: PageReport[] = [];
  for (const page of pages) {
    progress(`Measuring the ${page.name} page (${WARMUP_SEC} s warm-up + ${settings.durationSec} s, each server in turn)…`);
    const app = await measureOn(servers.app, servers.appUrl + page.path, settings);
    const ceiling = await measureOn(servers.ceiling, servers.ceilingUrl + page.path, settings);
    reports.push({ name: page.name, path: page.path, bytes: page.body.length, contentType: page.contentType, app, ceiling, ratioPercent: ratioPercent(app, ceiling) });
  }
  return reports;
}

function machine(): Pick<BenchReport, 'node' | 'platform' | 'cpu'> {
  const list = cpus();
  return { node: process.version, platform: `${platform()} ${arch()}`, cpu: { model: list[0]?.model.trim() ?? 'unknown', count: list.length } };
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const settings: LoadSettings = { connections: CONNECTIONS, durationSec: durationFromEnv() };
  const paths = benchPaths();
  checkBuilt(paths);
  await prepareDatabase(paths);
  const [appPort = 0, ceilingPort = 0] = await freePorts(2);
  const { app, coldStartMs } = await startApp(paths, appPort);
  progress(`App started in ${coldStartMs} ms on port ${appPort}.`);
  const appUrl = `http://${HOST}:${appPort}`;
  const pages = await capturePages(paths, appUrl);
  const ceiling = await startCeiling(paths, ceilingPort, pages);
  const pageReports = await measurePages(pages, { app, appUrl, ceiling, ceilingUrl: `http://${HOST}:${ceilingPort}` }, settings);
  const report: BenchReport = { startedAt, ...machine(), load: { ...settings, warmupSec: WARMUP_SEC }, coldStartMs, appRssBytes: residentBytes(app.process.pid), pages: pageReports };
  writeFileSync(paths.reportFile, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n${renderReport(report).join('\n')}\n\nReport written to ${shown(paths, paths.reportFile)}\n`);
}

function onSignal(signal: NodeJS.Signals): void {
  progress(`\nbench: ${signal} received, stopping the servers`);
  void stopAll().finally(() => process.exit(130));
}

process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);
process.once('exit', killAllNow);

try {
  await main();
} catch (error) {
  process.stderr.write(`bench: ${oneLine(error)}\n`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
