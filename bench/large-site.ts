/**
 * The large site of the benchmark: a SQLite database of N synthetic articles (100,000 by
 * default) made with the search benchmark's generator, its search index rebuilt with the code
 * of `depeche reindex`. Generating it takes minutes, so the file is kept in bench/.work under a
 * name carrying the article count and the generator version; later runs reuse it.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { fixedClock } from '../src/services/clock.js';
import { createServices } from '../src/services/index.js';
import { PAGE_SIZE } from '../src/services/public-site.js';
import { migrateToLatest, openDatabase } from '../src/storage/db.js';
import { FrenchLikeText } from './search/synthetic-corpus.js';
import { generateSyntheticSite } from './search/synthetic-site.js';

/**
 * Bump when the generated content changes (generator, seed, anchor date): older files are then
 * ignored. New migrations do not need a bump: the app migrates the file when it starts.
 */
export const LARGE_SITE_VERSION = 1;

/** Articles are dated within the five years before this instant, so they are all in the past. */
const ANCHOR = Date.parse('2025-06-01T12:00:00Z');
const SEED = 11;
const DONE_KEY = 'bench.large_site';

/** A generated database, ready to serve. */
export interface LargeSite {
  /** Absolute path of the SQLite file. */
  file: string;
  articles: number;
  /** Seconds spent generating it in this run, or null when an earlier run's file was reused. */
  generatedSeconds: number | null;
}

/** Where the large site with `count` articles lives. */
export function largeSiteFile(workDir: string, count: number): string {
  return join(workDir, `large-site-v${LARGE_SITE_VERSION}-${count}.db`);
}

function isComplete(file: string): boolean {
  if (!existsSync(file)) return false;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return db.prepare('SELECT value FROM settings WHERE key = ?').get(DONE_KEY) !== undefined;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/**
 * Returns the large site, generating it first when no complete file exists. It is written under
 * a temporary name and renamed at the end, so an interrupted run leaves nothing half-made.
 */
export async function prepareLargeSite(workDir: string, count: number, progress: (line: string) => void): Promise<LargeSite> {
  const file = largeSiteFile(workDir, count);
  if (isComplete(file)) return { file, articles: count, generatedSeconds: null };
  const partial = `${file}.partial`;
  removeDatabase(partial);
  removeDatabase(file);
  progress(`Generating the ${count.toLocaleString('en')}-article site (once; kept as ${file})…`);
  const started = performance.now();
  const handle = await openDatabase({ kind: 'sqlite', filename: partial });
  try {
    await migrateToLatest(handle.db);
    const services = createServices({
      db: handle.db,
      clock: fixedClock(ANCHOR),
      site: { siteUrl: 'https://www.example.fr', siteName: 'Dépêche (banc d’essai)', siteLanguage: 'fr', timeZone: 'Europe/Paris' },
      mediaDir: workDir,
    });
    let reported = 0;
    const report = (phase: string) => (done: number, total: number) => {
      if (done === total || done - reported >= total / 10 || done < reported) {
        reported = done;
        progress(`  ${phase} ${done.toLocaleString('en')}/${total.toLocaleString('en')}`);
      }
    };
    await generateSyntheticSite(services, new FrenchLikeText(SEED), { count, now: ANCHOR, onProgress: report('articles') });
    reported = 0;
    // Related lists are left out: computing them for every article takes longer than the rest
    // together; the article page then picks related articles by shared tags (its fallback).
    await services.searchIndexer.reindexAll({ related: false, onProgress: (_phase, done, total) => report('search index')(done, total) });
    await services.ctx.repos.settings.set(DONE_KEY, `v${LARGE_SITE_VERSION} ${count}`, ANCHOR);
    await sql`pragma wal_checkpoint(truncate)`.execute(handle.db);
  } finally {
    await handle.close();
  }
  removeDatabase(file);
  renameSync(partial, file);
  removeDatabase(partial);
  const seconds = (performance.now() - started) / 1000;
  progress(`  generated in ${seconds.toFixed(0)} s.`);
  return { file, articles: count, generatedSeconds: seconds };
}

/** The URLs a reader may visit on the large site: every article, every category page. */
export interface LargeSiteUrls {
  articles: string[];
  /** Category listing pages, several pages deep per category. */
  categoryPages: string[];
  categories: number;
  tags: number;
}

/** Reads the article and category paths of the large site (read-only); listings go at most `categoryDepth` pages deep. */
export function largeSiteUrls(file: string, categoryDepth: number): LargeSiteUrls {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const articles = db
      .prepare("SELECT '/' || c.slug || '/' || a.slug AS path FROM articles a JOIN categories c ON c.id = a.primary_category_id WHERE a.status = 'published' ORDER BY a.id")
      .pluck()
      .all() as string[];
    const categories = db
      .prepare("SELECT c.slug, (SELECT count(*) FROM articles a WHERE a.primary_category_id = c.id AND a.status = 'published') AS articles FROM categories c ORDER BY c.position, c.id")
      .all() as { slug: string; articles: number }[];
    const categoryPages = categories.flatMap(({ slug, articles: count }) => {
      const pages = Math.max(1, Math.min(categoryDepth, Math.ceil(count / PAGE_SIZE)));
      return Array.from({ length: pages }, (_, i) => (i === 0 ? `/${slug}/` : `/${slug}/?page=${i + 1}`));
    });
    const tags = db.prepare('SELECT count(*) FROM tags').pluck().get() as number;
    return { articles, categoryPages, categories: categories.length, tags };
  } finally {
    db.close();
  }
}
