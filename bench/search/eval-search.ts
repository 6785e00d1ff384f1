/**
 * `npm run eval:search`: search quality on two labelled sets (our demo set, the 100 French
 * Wikinews articles with reader keyphrases), Dépêche on SQLite and PostgreSQL against a
 * WordPress-style LIKE search and PostgreSQL's own French search, plus precision@5 of the
 * related articles. Prints Markdown tables and writes bench/.work/search-eval.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { fixedClock } from '../../src/services/clock.js';
import { createServices, type Services } from '../../src/services/index.js';
import { bodyText } from '../../src/services/search/indexed-document.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/storage/db.js';
import { LikeBaseline, PostgresFrenchBaseline, type PlainArticle, type Ranker } from './baselines.js';
import { loadDemoText, loadWikinews, readWikinews } from './corpora.js';
import { DEMO_QUERIES, DEMO_TOPICS, QUERY_KINDS } from './demo-judgments.js';
import { evaluateRankers, relatedPrecision, reportTable, type EvalQuery, type EvalReport } from './eval-harness.js';
import { wikinewsQueries, wikinewsRelated } from './wikinews-queries.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const PG_URL = process.env.EVAL_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const WIKINEWS = resolve(ROOT, '../shared/testdata/french-text/wikinews-fr-100');

/** One corpus loaded into Dépêche on one database. */
interface Loaded {
  services: Services;
  handle: DatabaseHandle;
  cleanup(): Promise<void>;
}

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function open(dialect: 'sqlite' | 'postgres', now: number, load: (s: Services) => Promise<unknown>): Promise<Loaded> {
  const site = { siteUrl: 'https://www.example.fr', siteName: 'Évaluation', siteLanguage: 'fr', timeZone: 'Europe/Paris' };
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'depeche-eval-'));
    const handle = await openDatabase({ kind: 'sqlite', filename: join(dir, 'eval.db') });
    await migrateToLatest(handle.db);
    const services = createServices({ db: handle.db, clock: fixedClock(now), site, mediaDir: dir });
    await load(services);
    return { services, handle, cleanup: async () => { await handle.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const schema = `eval_${randomBytes(5).toString('hex')}`;
  await admin(`create schema ${schema}`);
  const handle = await openDatabase({ kind: 'postgres', connectionString: PG_URL }, { postgresSchema: schema, poolSize: 4 });
  await migrateToLatest(handle.db);
  const services = createServices({ db: handle.db, clock: fixedClock(now), site, mediaDir: tmpdir() });
  await load(services);
  return { services, handle, cleanup: async () => { await handle.close(); await admin(`drop schema if exists ${schema} cascade`); } };
}

/** Our search as a ranker: slugs of the first page. */
function ours(services: Services): Ranker {
  return async (q) => (await services.search.search({ q })).results.map((r) => r.card.url.split('/').pop() ?? '');
}

async function plainArticles(services: Services, now: number): Promise<PlainArticle[]> {
  const ids = await services.ctx.repos.articles.publishedIdsForIndex();
  const rows = await services.ctx.repos.articles.findByIds(ids);
  return rows.filter((r) => (r.published_at ?? Infinity) <= now).map((r) => ({ slug: r.slug, title: r.title, dek: r.dek, body: bodyText(r.body), publishedAt: r.published_at ?? 0 }));
}

async function relatedLists(services: Services): Promise<Map<string, string[]>> {
  const ids = await services.ctx.repos.articles.publishedIdsForIndex();
  const rows = await services.ctx.repos.articles.findCardsByIds(ids);
  const slug = new Map(rows.map((r) => [r.id, r.slug]));
  const lists = new Map<string, string[]>();
  for (const id of ids) lists.set(slug.get(id) ?? '', (await services.ctx.repos.related.computedFor(id)).map((e) => slug.get(e.relatedId) ?? ''));
  return lists;
}

interface SetResult {
  name: string;
  kinds: string[];
  report: EvalReport;
  related: { articles: number; precision5: number };
  identicalTop10: { same: number; of: number } | null;
}

async function evaluateSet(name: string, kinds: readonly string[], now: number, load: (s: Services) => Promise<unknown>, queries: readonly EvalQuery[], relatedJudgments: Map<string, Set<string>>, withPostgres: boolean): Promise<SetResult> {
  process.stderr.write(`\n${name}: loading the articles…\n`);
  const lite = await open('sqlite', now, load);
  const pgLoaded = withPostgres ? await open('postgres', now, load) : undefined;
  const articles = await plainArticles(lite.services, now);
  const like = new LikeBaseline(articles);
  const french = withPostgres ? await PostgresFrenchBaseline.create(PG_URL, `evalfr_${randomBytes(5).toString('hex')}`, articles) : undefined;
  try {
    const rankers: Record<string, Ranker> = { 'Dépêche': ours(lite.services), 'WordPress LIKE': like.search };
    if (french) rankers['PostgreSQL french'] = french.search;
    process.stderr.write(`${name}: ${queries.length} queries, ${articles.length} articles…\n`);
    const report = await evaluateRankers(rankers, queries);
    let identicalTop10: SetResult['identicalTop10'] = null;
    if (pgLoaded) {
      let same = 0;
      for (const query of queries) {
        const [a, b] = await Promise.all([ours(lite.services)(query.q), ours(pgLoaded.services)(query.q)]);
        if (JSON.stringify(a) === JSON.stringify(b)) same++;
      }
      identicalTop10 = { same, of: queries.length };
    }
    const related = relatedPrecision(await relatedLists(lite.services), relatedJudgments);
    return { name, kinds: [...kinds], report, related, identicalTop10 };
  } finally {
    like.close();
    await french?.close();
    await lite.cleanup();
    await pgLoaded?.cleanup();
  }
}

function print(result: SetResult): void {
  const lines = [`\n## ${result.name}\n`, reportTable(result.report, result.kinds), ''];
  for (const [system, kinds] of Object.entries(result.report)) lines.push(`- ${system}: ${kinds.toutes?.empty ?? 0} of ${kinds.toutes?.queries ?? 0} queries found nothing`);
  lines.push(`- related articles (Dépêche): precision@5 = ${result.related.precision5.toFixed(3)} over ${result.related.articles} articles`);
  if (result.identicalTop10) lines.push(`- Dépêche on PostgreSQL: identical top-10 to SQLite on ${result.identicalTop10.same} of ${result.identicalTop10.of} queries`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const withPostgres = await postgresAnswers();
  if (!withPostgres) process.stderr.write(`⚠ PostgreSQL does not answer at ${PG_URL}: the PostgreSQL runs (ours on PostgreSQL, PostgreSQL french) are skipped.\n`);
  const results: SetResult[] = [];

  const demoRelated = new Map<string, Set<string>>();
  for (const [slug, topics] of Object.entries(DEMO_TOPICS)) {
    demoRelated.set(slug, new Set(Object.entries(DEMO_TOPICS).filter(([other, t]) => other !== slug && t.some((x) => topics.includes(x))).map(([other]) => other)));
  }
  results.push(await evaluateSet('Demo corpus (our labelled set)', QUERY_KINDS, Date.parse('2025-12-10T12:00:00+01:00'), loadDemoText, DEMO_QUERIES, demoRelated, withPostgres));

  if (existsSync(WIKINEWS)) {
    const articles = readWikinews(WIKINEWS);
    results.push(await evaluateSet('Wikinews FR 100 (reader keyphrases)', ['tel quel', 'sans accents', 'faute de frappe', 'mot tapé à moitié'], Date.parse('2013-01-01T00:00:00Z'), (s) => loadWikinews(s, articles), wikinewsQueries(articles), wikinewsRelated(articles), withPostgres));
  } else {
    process.stderr.write(`⚠ ${WIKINEWS} not found: the Wikinews set is skipped.\n`);
  }
  for (const r of results) print(r);
  const out = join(ROOT, 'bench', '.work');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'search-eval.json'), JSON.stringify(results, null, 2));
}

main().catch((error: unknown) => {
  process.stderr.write(`eval:search failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
