/**
 * The SQLite engine: an FTS5 table (columns title, dek, body, tags) holding our analysed terms
 * separated by spaces, read by the `ascii` tokenizer (which splits on spaces only, so terms stay
 * as we wrote them). Ranking is FTS5's bm25() with our field weights, times the recency factor.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import { filterConditions, hasFutureArticles } from './search-filters.js';
import { MAX_RANKED, RANKING, SEARCH_FIELDS, bestByBm25, boundedFields, rankPage, rerankWindow, type EngineMatch, type EngineQuery, type EngineResult, type IndexedDocument, type SearchIndex } from './search-index.js';

/** An FTS5 string for a term: our terms are letters and digits only, quoted all the same. */
function quoted(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** An FTS5 MATCH expression: ("a" OR "b c") AND ("d"). */
export function fts5Expression(match: EngineMatch): string {
  return match.groups.map((group) => `(${group.map((phrase) => quoted(phrase.join(' '))).join(' OR ')})`).join(' AND ');
}

const WEIGHTS = SEARCH_FIELDS.map((f) => RANKING.weights[f].toFixed(1)).join(', ');

/** Search on SQLite's FTS5. */
export class SqliteSearchIndex implements SearchIndex {
  constructor(private readonly db: Kysely<Database>) {}

  async replace(doc: IndexedDocument, now: number): Promise<void> {
    await this.remove(doc.articleId);
    const fields = boundedFields(doc.fields);
    const length = SEARCH_FIELDS.reduce((n, f) => n + fields[f].length, 0);
    await sql`insert into search_fts (rowid, title, dek, body, tags) values (${doc.articleId}, ${fields.title.join(' ')}, ${fields.dek.join(' ')}, ${fields.body.join(' ')}, ${fields.tags.join(' ')})`.execute(this.db);
    await this.db.insertInto('search_documents').values({ article_id: doc.articleId, published_at: doc.publishedAt, length, forms: doc.forms ?? '', indexed_at: now }).execute();
  }

  async storedForms(articleId: number): Promise<string | undefined> {
    const row = await this.db.selectFrom('search_documents').select('forms').where('article_id', '=', articleId).executeTakeFirst();
    return row?.forms;
  }

  async remove(articleId: number): Promise<void> {
    // The FTS row goes even when search_documents lost its row already (an article deleted by cascade).
    await sql`delete from search_fts where rowid = ${articleId}`.execute(this.db);
    await this.db.deleteFrom('search_documents').where('article_id', '=', articleId).execute();
  }

  async clear(): Promise<void> {
    await sql`delete from search_fts`.execute(this.db);
    await this.db.deleteFrom('search_documents').execute();
  }

  private where(query: EngineQuery, future: boolean): RawBuilder<unknown> {
    const parts: RawBuilder<unknown>[] = [sql`search_fts match ${fts5Expression(query.match)}`, filterConditions(query, sql`+rowid`, future)];
    // "+rowid": the filter sets are checked against the matches, never used to drive FTS5 (a
    // MATCH evaluated once per filtered rowid is slow). Exclusions run as separate MATCHes so
    // that their phrases do not enter bm25()'s sum.
    for (const not of query.notMatching ?? []) parts.push(sql`+rowid not in (select rowid from search_fts where search_fts match ${fts5Expression(not)})`);
    return sql.join(parts, sql` and `);
  }

  async search(query: EngineQuery): Promise<EngineResult> {
    if (query.match.groups.length === 0 || query.match.groups.some((g) => g.length === 0)) return { total: 0, hits: [] };
    const where = this.where(query, await hasFutureArticles(this.db, query.now));
    const counted = await sql<{ n: number }>`select count(*) as n from search_fts where ${where}`.execute(this.db);
    const total = Number(counted.rows[0]?.n ?? 0);
    if (total === 0 || query.limit <= 0 || query.offset >= total) return { total, hits: [] };
    // Past MAX_RANKED matches, only the newest are ranked: FTS5 walks its lists by id, so the
    // cut-off id is cheap to find and "rowid >=" keeps bm25() to those rows.
    let ranked = where;
    const maxRanked = query.maxRanked ?? MAX_RANKED;
    if (total > maxRanked) {
      const cut = await sql<{ id: number }>`select rowid as id from search_fts where ${where} order by rowid desc limit 1 offset ${maxRanked - 1}`.execute(this.db);
      ranked = sql`${where} and rowid >= ${Number(cut.rows[0]?.id ?? 0)}`;
    }
    // FTS5 ranks the matches by bm25(); only the best few are joined for their date (recency).
    const rows = await sql<{ id: number; bm25: number; published_at: number }>`
      select c.id as id, c.bm25 as bm25, d.published_at as published_at
      from (select rowid as id, bm25(search_fts, ${sql.raw(WEIGHTS)}) as bm25 from search_fts where ${ranked}
            order by bm25 asc, rowid desc limit ${rerankWindow(query)}) c
      join search_documents d on d.article_id = c.id`.execute(this.db);
    const best = bestByBm25(rows.rows.map((r) => ({ articleId: Number(r.id), bm25: Number(r.bm25), publishedAt: Number(r.published_at) })), query);
    return { total, hits: rankPage(best, query) };
  }

  async documentFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const term of new Set(terms)) {
      const result = await sql<{ n: number }>`select count(*) as n from search_fts where search_fts match ${quoted(term)}`.execute(this.db);
      out.set(term, Number(result.rows[0]?.n ?? 0));
    }
    return out;
  }

  async documentCount(): Promise<number> {
    const row = await this.db.selectFrom('search_documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
