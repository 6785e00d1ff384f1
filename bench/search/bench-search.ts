/**
 * `npm run bench:search`: search at scale on SQLite. Generates a synthetic corpus of 100,000
 * French-like articles (BENCH_ARTICLES to change it) straight through the repositories in
 * batched transactions, rebuilds the search index with the same code as `depeche reindex`
 * (time, database size), then measures search latency over a query mix (p50/p95/p99) and
 * the cost of publishing and editing one article (index + related lists, in the transaction).
 * A measuring tool: it asserts nothing.
 */
import { mkdirSync, rmSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { analyzeFrench } from '../../src/domain/text/french-analyzer.js';
import { fixedClock } from '../../src/services/clock.js';
import { createServices } from '../../src/services/index.js';
import { migrateToLatest, openDatabase } from '../../src/storage/db.js';
import { FrenchLikeText } from './synthetic-corpus.js';
import { generateSyntheticSite, SYNTHETIC_BATCH } from './synthetic-site.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const WORK = join(ROOT, 'bench', '.work', 'search');
const NOW = Date.parse('2026-06-01T12:00:00Z');
const BATCH = SYNTHETIC_BATCH;

function progress(label: string, done: number, total: number): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${label} ${done}/${total}   `);
  else if (done === total || done % (total / 10) < BATCH) process.stderr.write(`${label} ${done}/${total}\n`);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? 0 };
}

function fileSize(path: string): number {
  return ['', '-wal'].reduce((n, suffix) => n + (existsSync(path + suffix) ? statSync(path + suffix).size : 0), 0);
}

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A mix of what readers type: common and rare words, several words, phrases, prefixes, typos, filters. */
function queryMix(text: FrenchLikeText, samples: string[], categories: string[]): { kind: string; q: string; rubrique?: string }[] {
  const mix: { kind: string; q: string; rubrique?: string }[] = [];
  const words = samples.flatMap((s) => analyzeFrench(s).filter((t) => t.form.length >= 6 && !/\d/.test(t.form)).map((t) => s.slice(t.start, t.end)));
  const pick = <T,>(list: readonly T[]) => list[Math.floor(text.next() * list.length)] as T;
  for (let i = 0; i < 60; i++) {
    mix.push({ kind: 'un mot', q: text.queryWord() });
    mix.push({ kind: 'deux mots', q: `${text.queryWord()} ${text.queryWord()}` });
    mix.push({ kind: 'trois mots', q: `${pick(words)} ${text.queryWord()} ${text.queryWord()}` });
    const sample = pick(samples).split(' ');
    const at = Math.floor(text.next() * Math.max(1, sample.length - 3));
    mix.push({ kind: 'expression', q: `"${sample.slice(at, at + 2).join(' ').replace(/[".,]/g, '')}"` });
    const w = pick(words);
    mix.push({ kind: 'mot tapé à moitié', q: w.slice(0, Math.max(3, Math.ceil(w.length * 0.6))) });
    const t = [...pick(words)];
    const k = Math.floor(t.length / 2);
    [t[k - 1], t[k]] = [t[k] ?? '', t[k - 1] ?? ''];
    mix.push({ kind: 'faute de frappe', q: `${t.join('')} ` });
    mix.push({ kind: 'sans accents', q: `${pick(words).normalize('NFD').replace(/\p{M}/gu, '')} ` });
    mix.push({ kind: 'avec filtre', q: `${text.queryWord()} `, rubrique: pick(categories) });
  }
  return mix;
}

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_ARTICLES ?? 100_000);
  if (!Number.isInteger(count) || count < 100) throw new Error('BENCH_ARTICLES must be a whole number ≥ 100');
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const file = join(WORK, 'bench.db');
  const handle = await openDatabase({ kind: 'sqlite', filename: file });
  await migrateToLatest(handle.db);
  const clock = fixedClock(NOW);
  const services = createServices({ db: handle.db, clock, site: { siteUrl: 'https://www.example.fr', siteName: 'Banc', siteLanguage: 'fr', timeZone: 'Europe/Paris' }, mediaDir: WORK });
  const text = new FrenchLikeText(7);

  let start = process.hrtime.bigint();
  const { categories } = await generateSyntheticSite(services, text, { count, now: NOW, onProgress: (done, total) => progress('generating', done, total) });
  const generateMs = ms(start);
  const sizeBefore = fileSize(file);

  start = process.hrtime.bigint();
  const report = await services.searchIndexer.reindexAll({ related: false, onProgress: (_p, done, total) => progress('indexing', done, total) });
  const indexMs = ms(start);
  await sql`pragma wal_checkpoint(truncate)`.execute(handle.db);
  const sizeAfter = fileSize(file);

  // Related lists for a sample (a full rebuild computes them for every article the same way).
  const ids = await services.ctx.repos.articles.publishedIdsForIndex();
  const relatedSample = ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / 300)) === 0).slice(0, 300);
  start = process.hrtime.bigint();
  for (const id of relatedSample) await services.ctx.repos.transaction((trx) => services.searchIndexer.sync(trx, id));
  const relatedPerArticle = ms(start) / relatedSample.length;

  const sampleRows = await services.ctx.repos.articles.findByIds(relatedSample.slice(0, 100));
  const categorySlugs = (await services.ctx.repos.taxonomy.allCategories()).map((c) => c.slug);
  const mix = queryMix(text, sampleRows.map((r) => `${r.title} ${r.dek}`), categorySlugs);
  for (const q of mix.slice(0, 50)) await services.search.search(q);
  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  const results: number[] = [];
  for (const q of mix) {
    const t = process.hrtime.bigint();
    const outcome = await services.search.search(q);
    const elapsed = ms(t);
    all.push(elapsed);
    results.push(outcome.total);
    byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), elapsed]);
  }

  const publish: number[] = [];
  const edit: number[] = [];
  const authorId = (await services.ctx.repos.users.findBySlug('auteur-0'))?.id ?? 1;
  for (let i = 0; i < 40; i++) {
    const a = text.article();
    const body = { type: 'doc', content: a.paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) };
    let t = process.hrtime.bigint();
    const id = await services.articles.createArticle({ title: a.title, dek: a.dek, body, categoryId: categories[i % categories.length] ?? 0, authorIds: [authorId], tagNames: a.tags, status: 'published', publishedAt: NOW - 1000 });
    publish.push(ms(t));
    t = process.hrtime.bigint();
    await services.articles.updateArticle(id, { title: `${a.title} (mise à jour)` });
    edit.push(ms(t));
  }
  // The same writes without the search listener: what indexing adds to a publish.
  const listeners = services.ctx.articleWriteListeners.splice(0);
  const bare: number[] = [];
  for (let i = 0; i < 40; i++) {
    const a = text.article();
    const body = { type: 'doc', content: a.paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) };
    const t = process.hrtime.bigint();
    await services.articles.createArticle({ title: a.title, dek: a.dek, body, categoryId: categories[0] ?? 0, authorIds: [authorId], tagNames: a.tags, status: 'draft' });
    bare.push(ms(t));
  }
  services.ctx.articleWriteListeners.push(...listeners);
  await handle.close();

  const out = {
    articles: count,
    generateSeconds: generateMs / 1000,
    index: { seconds: indexMs / 1000, forms: report.forms, databaseBytesBefore: sizeBefore, databaseBytesAfter: sizeAfter },
    relatedRefreshMsPerArticle: relatedPerArticle,
    search: { all: summary(all), byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, summary(v)])), medianResults: [...results].sort((a, b) => a - b)[Math.floor(results.length / 2)] },
    publishMs: summary(publish),
    editMs: summary(edit),
    publishWithoutSearchMs: summary(bare),
  };
  writeFileSync(join(ROOT, 'bench', '.work', 'search-bench.json'), JSON.stringify(out, null, 2));
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  const f = (s: { p50: number; p95: number; p99: number }) => `p50 ${s.p50.toFixed(2)} ms · p95 ${s.p95.toFixed(2)} ms · p99 ${s.p99.toFixed(2)} ms`;
  const lines = [
    `\n## Search benchmark (SQLite, ${count.toLocaleString('en')} synthetic articles)\n`,
    `- generated in ${out.generateSeconds.toFixed(1)} s (repositories, batches of ${BATCH})`,
    `- index rebuilt in ${out.index.seconds.toFixed(1)} s (goal: under 120 s), ${report.forms.toLocaleString('en')} word forms; database ${mb(sizeBefore)} → ${mb(sizeAfter)}`,
    `- search over ${all.length} queries (full service: plan, engine, cards, snippets): ${f(out.search.all)} (goal: p95 under 15 ms)`,
    ...[...byKind].map(([k, v]) => `  - ${k}: ${f(summary(v))}`),
    `- publish one article (create + index + related lists + neighbours, one transaction): ${f(out.publishMs)} (goal: under 50 ms)`,
    `- edit one published article: ${f(out.editMs)}; the same create without the search listener: ${f(out.publishWithoutSearchMs)}`,
    `- related lists recomputed for one article (index + related + neighbours): ${relatedPerArticle.toFixed(1)} ms on average (${relatedSample.length} articles)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:search failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
