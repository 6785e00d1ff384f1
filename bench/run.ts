/**
 * `npm run bench`: the page-load benchmark of issue 7, in one command. Against the built server
 * (`depeche serve`) and, in the same run, a bare node:http server sending the article page's
 * bytes from memory (the ceiling), it measures the article, home, category, tag, search and
 * feed pages with and without the page cache at 32 and 128 connections, the app's memory, its
 * cold start, and a 100,000-article site. Writes bench/RESULTS.md (its own section) and
 * bench/.work/last-run.json. A measuring tool: it asserts no timings. Options: see options.ts.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { type Child, hasExited, killAllNow, processTreeMemory, startNode, stopAll, stopChild } from './children.js';
import { BenchError, oneLine } from './errors.js';
import { fetchPage, freePorts, HOST, waitFor200 } from './http.js';
import { largeSiteUrls, prepareLargeSite } from './large-site.js';
import { type LoadResult, type LoadSettings, type LoadTarget, measure } from './load.js';
import { describeMachine, machineLoad } from './machine.js';
import { type BenchOptions, benchOptions, type CacheMode, type PageKind } from './options.js';
import { type BenchPaths, benchPaths, shown, workFile } from './paths.js';
import {
  type BenchReport,
  type CeilingRun,
  type ColdStart,
  evaluateGoals,
  type LargeRun,
  type LargeSiteReport,
  median,
  type ModeMemory,
  type PageRun,
  type PageSample,
  ratioPercent,
  renderMarkdown,
} from './report.js';
import { writeResultsSection } from './results-file.js';
import { random } from './search/synthetic-corpus.js';

/** The demo site's page of each kind. */
export const DEMO_PAGES: Record<PageKind, string> = {
  article: '/actualite/plan-de-paix-rencontre-diplomatique-a-moscou',
  home: '/',
  category: '/international/',
  tag: '/tag/union-europeenne',
  search: `/recherche?q=${encodeURIComponent('union européenne')}`,
  feed: '/feed.xml',
};

const START_TIMEOUT_MS = 120_000;
/** Requests per page sent before measuring, so that the cache holds every page. */
const CACHE_WARMING_REQUESTS = 3;
/** Listing pages per category visited on the large site. */
const LARGE_CATEGORY_DEPTH = 20;
/** Idle time after the first page before the large site's "after startup" memory is read. */
const SETTLE_MS = 1_000;

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

function appEnv(paths: BenchPaths, databaseFile: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: `sqlite:${databaseFile}`, MEDIA_DIR: paths.mediaDir, LOG_LEVEL: 'warn', NODE_ENV: 'production', HOST, ...extra };
}

/** The environment of one cache mode: uncached turns the page cache off, cached keeps the default (or PAGE_CACHE_MB as given). */
function modeEnv(mode: CacheMode): Record<string, string> {
  return mode === 'uncached' ? { PAGE_CACHE_MB: '0' } : {};
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

async function prepareDemoDatabase(paths: BenchPaths): Promise<void> {
  mkdirSync(paths.workDir, { recursive: true });
  if (hasDemoContent(paths)) {
    progress(`Reusing the demo database ${paths.databaseFile}.`);
    return;
  }
  progress(`Loading the demo content into ${paths.databaseFile} (first run, under a minute)…`);
  const demo = startCli(paths, 'demo loader', ['demo'], appEnv(paths, paths.databaseFile));
  const code = await demo.exited;
  if (code !== 0) throw new BenchError(`loading the demo content failed (exit code ${String(code)}); see ${demo.logLabel}`);
}

/** Brings a kept database up to the code's schema, so that no timed start includes a migration. */
async function migrate(paths: BenchPaths, databaseFile: string): Promise<void> {
  const child = startCli(paths, 'migrate', ['migrate'], appEnv(paths, databaseFile));
  const code = await child.exited;
  if (code !== 0) throw new BenchError(`migrating ${databaseFile} failed (exit code ${String(code)}); see ${child.logLabel}`);
}

/** A running app and the time from spawn to its first 200 on `/`. */
interface RunningApp {
  child: Child;
  origin: string;
  startMs: number;
}

async function startApp(paths: BenchPaths, name: string, env: NodeJS.ProcessEnv, workers: number): Promise<RunningApp> {
  const [port = 0] = await freePorts(1);
  const started = performance.now();
  const child = startCli(paths, name, ['serve', '--workers', String(workers)], { ...env, PORT: String(port) });
  const origin = `http://${HOST}:${port}`;
  await waitFor200({ url: `${origin}/`, child, timeoutMs: START_TIMEOUT_MS, intervalMs: 5 });
  return { child, origin, startMs: performance.now() - started };
}

async function measureColdStarts(paths: BenchPaths, count: number, workers: number): Promise<ColdStart> {
  const samplesMs: number[] = [];
  for (let i = 0; i < count; i++) {
    const app = await startApp(paths, 'cold start', appEnv(paths, paths.databaseFile), workers);
    samplesMs.push(Math.round(app.startMs));
    await stopChild(app.child);
  }
  if (count > 0) progress(`Cold start: ${samplesMs.join(', ')} ms.`);
  return { samplesMs, medianMs: median(samplesMs) };
}

/** Fetches one page as the load generator will, and uncompressed; both must answer 200. */
async function samplePage(origin: string, name: string, path: string, acceptEncoding: string): Promise<{ sample: PageSample; body: Buffer; identity: Buffer }> {
  // The last of a few requests: a page cache may answer its first miss differently (uncompressed).
  for (let i = 1; i < CACHE_WARMING_REQUESTS; i++) await fetchPage(origin + path, { headers: { 'accept-encoding': acceptEncoding } });
  const sent = await fetchPage(origin + path, { headers: { 'accept-encoding': acceptEncoding } });
  const identity = await fetchPage(origin + path);
  for (const page of [sent, identity]) if (page.status !== 200) throw new BenchError(`the ${name} page ${path} answered ${page.status}, not 200`);
  return {
    sample: { name, path, contentType: sent.contentType, bytes: sent.body.length, contentEncoding: sent.contentEncoding, identityBytes: identity.body.length },
    body: sent.body,
    identity: identity.body,
  };
}

async function startCeiling(paths: BenchPaths, article: { sample: PageSample; body: Buffer; identity: Buffer }, workers: number): Promise<{ child: Child; origin: string }> {
  const [port = 0] = await freePorts(1);
  const identityFile = workFile(paths, 'ceiling-body');
  writeFileSync(identityFile, article.identity);
  const args = [paths.ceilingServer, '--port', String(port), '--body', identityFile, '--type', article.sample.contentType, '--workers', String(workers)];
  if (article.sample.contentEncoding !== null) {
    const encodedFile = workFile(paths, `ceiling-body.${article.sample.contentEncoding}`);
    writeFileSync(encodedFile, article.body);
    args.push('--encoded', encodedFile, '--encoding', article.sample.contentEncoding);
  }
  const logFile = workFile(paths, 'ceiling-server.log');
  const child = startNode({ name: 'ceiling server', args, cwd: paths.root, env: process.env, logFile, logLabel: shown(paths, logFile), stdinPipe: true });
  const origin = `http://${HOST}:${port}`;
  await waitFor200({ url: `${origin}/`, child, timeoutMs: START_TIMEOUT_MS });
  const served = await fetchPage(`${origin}/`, { headers: { 'accept-encoding': 'identity' } });
  if (!served.body.equals(article.identity)) throw new BenchError('the ceiling server does not send the article page’s bytes');
  return { child, origin };
}

/** Measures one target, failing clearly if the server died meanwhile. */
async function measureOn(child: Child, target: LoadTarget, settings: LoadSettings, warmupSec: number, label: string): Promise<LoadResult> {
  const result = await measure(target, settings, warmupSec);
  if (hasExited(child)) throw new BenchError(`${child.name} exited during the measurement; see ${child.logLabel}`);
  progress(`  ${label}: ${Math.round(result.requestsPerSec).toLocaleString('en')} req/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms${result.errors + result.non2xx > 0 ? `, ${result.errors} errors, ${result.non2xx} non-2xx` : ''}`);
  return result;
}

/** The ceiling at every connection count and encoding, once; called before and after the app. */
async function measureCeiling(ceiling: { child: Child; origin: string }, options: BenchOptions, encodings: string[], into: Map<string, LoadResult[]>): Promise<void> {
  for (const acceptEncoding of encodings) {
    for (const connections of options.connections) {
      const target: LoadTarget = { origin: ceiling.origin, path: '/', headers: { 'accept-encoding': acceptEncoding } };
      const result = await measureOn(ceiling.child, target, { connections, durationSec: options.durationSec }, options.warmupSec, `ceiling, ${connections} connections, ${acceptEncoding}`);
      const key = `${acceptEncoding}|${connections}`;
      into.set(key, [...(into.get(key) ?? []), result]);
    }
  }
}

/** Every page of the demo site in one cache mode, at every connection count. */
async function measureMode(paths: BenchPaths, mode: CacheMode, options: BenchOptions, ceilingFor: (connections: number, acceptEncoding: string) => number, compressed: boolean): Promise<{ runs: PageRun[]; identityRuns: PageRun[]; memory: ModeMemory }> {
  progress(`App, ${mode}:`);
  const app = await startApp(paths, `app ${mode}`, appEnv(paths, paths.databaseFile, modeEnv(mode)), options.workers);
  const runs: PageRun[] = [];
  const identityRuns: PageRun[] = [];
  try {
    const run = async (page: PageKind, connections: number, acceptEncoding: string): Promise<PageRun> => {
      const path = DEMO_PAGES[page];
      let sent = await fetchPage(app.origin + path, { headers: { 'accept-encoding': acceptEncoding } });
      for (let i = 1; i < CACHE_WARMING_REQUESTS; i++) sent = await fetchPage(app.origin + path, { headers: { 'accept-encoding': acceptEncoding } });
      if (sent.status !== 200) throw new BenchError(`the ${page} page ${path} answered ${sent.status}, not 200 (${mode})`);
      const target: LoadTarget = { origin: app.origin, path, headers: { 'accept-encoding': acceptEncoding } };
      const result = await measureOn(app.child, target, { connections, durationSec: options.durationSec }, options.warmupSec, `${page}, ${connections} connections${acceptEncoding === options.acceptEncoding ? '' : `, ${acceptEncoding}`}`);
      const answer = { bytes: sent.body.length, contentEncoding: sent.contentEncoding };
      return { page, mode, connections, acceptEncoding, answer, result, ratioPercent: ratioPercent(result, ceilingFor(connections, acceptEncoding)) };
    };
    for (const page of options.pages) for (const connections of options.connections) runs.push(await run(page, connections, options.acceptEncoding));
    // Compressed and uncompressed are both worth knowing when they differ: the article page only, to keep the run short.
    if (compressed && options.pages.includes('article')) for (const connections of options.connections) identityRuns.push(await run('article', connections, 'identity'));
    return { runs, identityRuns, memory: { mode, afterRun: processTreeMemory(app.child.process.pid) } };
  } finally {
    await stopChild(app.child);
  }
}

/** A path-giver cycling through `paths` in a shuffled order (seeded: the same order every run). */
function rotation(paths: readonly string[], seed: number): () => string {
  const order = [...paths];
  const r = random(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j] ?? '', order[i] ?? ''];
  }
  let next = 0;
  return () => {
    const path = order[next] ?? '/';
    next = (next + 1) % order.length;
    return path;
  };
}

function fileBytes(file: string): number {
  return ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(file + suffix) ? statSync(file + suffix).size : 0), 0);
}

async function measureLargeSite(paths: BenchPaths, options: BenchOptions, ceilingFor: (connections: number) => number): Promise<LargeSiteReport> {
  const site = await prepareLargeSite(paths.workDir, options.largeArticles, progress);
  const urls = largeSiteUrls(site.file, LARGE_CATEGORY_DEPTH);
  const databaseFile = isAbsolute(relative(paths.root, site.file)) ? site.file : relative(paths.root, site.file);
  await migrate(paths, databaseFile);
  progress(`Large site (${options.largeArticles.toLocaleString('en')} articles), page cache on:`);
  const app = await startApp(paths, 'app large site', appEnv(paths, databaseFile), options.workers);
  try {
    progress(`  started in ${Math.round(app.startMs)} ms`);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const memoryAfterStart = processTreeMemory(app.child.process.pid);
    const connections = options.connections[0] ?? 32;
    const headers = { 'accept-encoding': options.acceptEncoding };
    const plans: { name: string; paths: string[]; seed: number }[] = [
      { name: 'article (random)', paths: urls.articles, seed: 1 },
      { name: 'category listing (random category and page)', paths: urls.categoryPages, seed: 2 },
      { name: 'home', paths: ['/'], seed: 3 },
      { name: 'mix: 80 % article, 15 % category, 5 % home', paths: mixPaths(urls.articles, urls.categoryPages), seed: 4 },
    ];
    const runs: LargeRun[] = [];
    for (const plan of plans) {
      const first = plan.paths[0] ?? '/';
      const target: LoadTarget = { origin: app.origin, path: first, headers, ...(plan.paths.length > 1 ? { nextPath: rotation(plan.paths, plan.seed) } : {}) };
      const result = await measureOn(app.child, target, { connections, durationSec: options.durationSec }, options.warmupSec, `${plan.name}, ${connections} connections`);
      runs.push({ name: plan.name, urls: new Set(plan.paths).size, connections, result, ratioPercent: ratioPercent(result, ceilingFor(connections)) });
    }
    return {
      articles: site.articles,
      categories: urls.categories,
      tags: urls.tags,
      databaseBytes: fileBytes(site.file),
      generatedSeconds: site.generatedSeconds,
      coldStartMs: Math.round(app.startMs),
      memoryAfterStart,
      memoryAfterRun: processTreeMemory(app.child.process.pid),
      runs,
    };
  } finally {
    await stopChild(app.child);
  }
}

/** 20,000 paths, 80 % random articles, 15 % random listing pages, 5 % home: a reader's mix. */
function mixPaths(articles: readonly string[], listings: readonly string[]): string[] {
  const out: string[] = [];
  const r = random(5);
  const pick = (list: readonly string[]) => list[Math.floor(r() * list.length)] ?? '/';
  for (let i = 0; i < 20_000; i++) {
    const x = i % 20;
    out.push(x < 16 ? pick(articles) : x < 19 ? pick(listings) : '/');
  }
  return out;
}

async function main(): Promise<void> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const options = benchOptions();
  const paths = benchPaths();
  const machine = describeMachine(paths.root);
  checkBuilt(paths);
  await prepareDemoDatabase(paths);
  await migrate(paths, paths.databaseFile);
  if (process.env.PAGE_CACHE_MB?.trim() === '0') progress('Warning: PAGE_CACHE_MB=0 is set, so the "cached" mode runs without the page cache too.');

  const coldStart = await measureColdStarts(paths, options.coldStarts, options.workers);

  // The pages as the app sends them (the cached mode's server; both modes send the same bytes).
  const probe = await startApp(paths, 'app probe', appEnv(paths, paths.databaseFile), options.workers);
  const samples: Awaited<ReturnType<typeof samplePage>>[] = [];
  try {
    for (const page of options.pages) samples.push(await samplePage(probe.origin, page, DEMO_PAGES[page], options.acceptEncoding));
    if (!options.pages.includes('article')) samples.push(await samplePage(probe.origin, 'article', DEMO_PAGES.article, options.acceptEncoding));
  } finally {
    await stopChild(probe.child);
  }
  const article = samples.find((s) => s.sample.name === 'article');
  if (!article) throw new BenchError('the article page was not sampled');
  const compressed = article.sample.contentEncoding !== null;
  const encodings = compressed ? [options.acceptEncoding, 'identity'] : [options.acceptEncoding];

  const ceiling = await startCeiling(paths, article, options.workers);
  const ceilingSamples = new Map<string, LoadResult[]>();
  let ceilingRuns: CeilingRun[] = [];
  const runs: PageRun[] = [];
  const identityRuns: PageRun[] = [];
  const memory: ModeMemory[] = [];
  let large: LargeSiteReport | null = null;
  try {
    progress('Ceiling (before the app):');
    await measureCeiling(ceiling, options, encodings, ceilingSamples);
    // Ratios are computed once the "after" samples are in; until then the "before" mean stands in.
    const ceilingFor = (connections: number, acceptEncoding: string = options.acceptEncoding): number => {
      const list = ceilingSamples.get(`${acceptEncoding}|${connections}`) ?? [];
      return list.length === 0 ? 0 : list.reduce((sum, r) => sum + r.requestsPerSec, 0) / list.length;
    };
    for (const mode of options.modes) {
      const measured = await measureMode(paths, mode, options, ceilingFor, compressed);
      runs.push(...measured.runs);
      identityRuns.push(...measured.identityRuns);
      memory.push(measured.memory);
    }
    progress('Ceiling (after the app):');
    await measureCeiling(ceiling, options, encodings, ceilingSamples);
    for (const run of [...runs, ...identityRuns]) run.ratioPercent = ratioPercent(run.result, ceilingFor(run.connections, run.acceptEncoding));
    ceilingRuns = encodings.flatMap((acceptEncoding) =>
      options.connections.map((connections) => ({ connections, acceptEncoding, samples: ceilingSamples.get(`${acceptEncoding}|${connections}`) ?? [], requestsPerSec: ceilingFor(connections, acceptEncoding) })),
    );
    if (options.largeArticles > 0) large = await measureLargeSite(paths, options, (connections) => ceilingFor(connections));
  } finally {
    await stopChild(ceiling.child);
  }

  const partial: Omit<BenchReport, 'goals'> = {
    startedAt,
    elapsedSeconds: (performance.now() - started) / 1000,
    machine,
    loadAtEnd: machineLoad(),
    options,
    pageCacheSetting: process.env.PAGE_CACHE_MB?.trim() ? `PAGE_CACHE_MB=${process.env.PAGE_CACHE_MB.trim()}` : 'its default size',
    ceiling: { page: 'article', bytes: article.sample.bytes, contentEncoding: article.sample.contentEncoding, identityBytes: article.sample.identityBytes, runs: ceilingRuns },
    pages: samples.filter((s) => options.pages.includes(s.sample.name as PageKind)).map((s) => s.sample),
    runs,
    memory,
    coldStart,
    identityRuns,
    large,
  };
  const report: BenchReport = { ...partial, goals: evaluateGoals(partial) };
  writeFileSync(paths.reportFile, `${JSON.stringify(report, null, 2)}\n`);
  const markdown = renderMarkdown(report);
  if (options.resultsFile !== null) {
    const file = isAbsolute(options.resultsFile) ? options.resultsFile : join(paths.root, options.resultsFile);
    writeResultsSection(file, 'load', markdown);
    progress(`Results written to ${shown(paths, file)} and ${shown(paths, paths.reportFile)}.`);
  }
  process.stdout.write(`\n${markdown}\n`);
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
