/**
 * The PostgreSQL engine: a tsvector per article built from our analysed terms (no text search
 * configuration runs: positions and weights A title, B dek, C body, D tags are written by us),
 * matched with a GIN index. PostgreSQL's ts_rank is not BM25, so ranking reads the positions of
 * the query's terms in the matching articles and computes FTS5's bm25() in TypeScript (bm25.ts):
 * the same numbers as SQLite. Fields are separated by an empty position so that a phrase never
 * spans two fields, as in FTS5 where each field is its own column.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import { bm25Score, phraseIdf } from './bm25.js';
import { filterConditions, hasFutureArticles } from './search-filters.js';
import { MAX_RANKED, RANKING, SEARCH_FIELDS, bestByBm25, boundedFields, rankPage, termsOf, type EngineMatch, type EnginePhrase, type EngineQuery, type EngineResult, type IndexedDocument, type SearchField, type SearchIndex } from './search-index.js';

const WEIGHT_LETTER: Record<SearchField, string> = { title: 'A', dek: 'B', body: 'C', tags: 'D' };
const LETTER_WEIGHT: Record<string, number> = { A: RANKING.weights.title, B: RANKING.weights.dek, C: RANKING.weights.body, D: RANKING.weights.tags };

function lexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The tsvector text of a document: 'term':1A,4A 'other':9C … */
export function tsvectorText(fields: Record<SearchField, readonly string[]>): string {
  const positions = new Map<string, string[]>();
  let position = 1;
  for (const field of SEARCH_FIELDS) {
    for (const term of fields[field]) {
      let list = positions.get(term);
      if (list === undefined) positions.set(term, (list = []));
      list.push(`${position}${WEIGHT_LETTER[field]}`);
      position++;
    }
    position++; // the gap between fields
  }
  return [...positions].map(([term, list]) => `${lexeme(term)}:${list.join(',')}`).join(' ');
}

function phraseQuery(phrase: EnginePhrase): string {
  return phrase.length === 1 ? lexeme(phrase[0] ?? '') : `(${phrase.map(lexeme).join(' <-> ')})`;
}

/** A tsquery for a match: ('a' | ('b' <-> 'c')) & ('d'). */
export function tsqueryText(match: EngineMatch): string {
  return match.groups.map((group) => `(${group.map(phraseQuery).join(' | ')})`).join(' & ');
}

/** Positions of one term in a document, with the weight of each. */
type TermPositions = { positions: number[]; weights: string[] };

/** Weighted occurrences of a phrase in a document (f_i of BM25). */
function phraseFrequency(phrase: EnginePhrase, byTerm: Map<string, TermPositions>): number {
  const first = byTerm.get(phrase[0] ?? '');
  if (!first) return 0;
  const rest = phrase.slice(1).map((t) => new Set(byTerm.get(t)?.positions ?? []));
  let f = 0;
  first.positions.forEach((p, i) => {
    if (rest.every((set, j) => set.has(p + j + 1))) f += LETTER_WEIGHT[first.weights[i] ?? 'D'] ?? 0;
  });
  return f;
}

interface CandidateRow {
  id: number;
  published_at: number;
  length: number;
  hits: [string, number[], string[]][];
}

/** Search on PostgreSQL with tsvector and GIN. */
export class PostgresSearchIndex implements SearchIndex {
  constructor(private readonly db: Kysely<Database>) {}

  async replace(doc: IndexedDocument, now: number): Promise<void> {
    const fields = boundedFields(doc.fields);
    const length = SEARCH_FIELDS.reduce((n, f) => n + fields[f].length, 0);
    const vector = tsvectorText(fields);
    await sql`insert into search_documents (article_id, published_at, length, forms, indexed_at, vector)
      values (${doc.articleId}, ${doc.publishedAt}, ${length}, ${doc.forms ?? ''}, ${now}, ${vector}::tsvector)
      on conflict (article_id) do update set published_at = excluded.published_at, length = excluded.length, forms = excluded.forms, indexed_at = excluded.indexed_at, vector = excluded.vector`.execute(this.db);
  }

  async storedForms(articleId: number): Promise<string | undefined> {
    const row = await this.db.selectFrom('search_documents').select('forms').where('article_id', '=', articleId).executeTakeFirst();
    return row?.forms;
  }

  async remove(articleId: number): Promise<void> {
    await this.db.deleteFrom('search_documents').where('article_id', '=', articleId).execute();
  }

  async clear(): Promise<void> {
    await this.db.deleteFrom('search_documents').execute();
  }

  async search(query: EngineQuery): Promise<EngineResult> {
    if (query.match.groups.length === 0 || query.match.groups.some((g) => g.length === 0)) return { total: 0, hits: [] };
    const conditions: RawBuilder<unknown>[] = [sql`d.vector @@ ${tsqueryText(query.match)}::tsquery`, filterConditions(query, sql`d.article_id`, await hasFutureArticles(this.db, query.now))];
    for (const not of query.notMatching ?? []) conditions.push(sql`not (d.vector @@ ${tsqueryText(not)}::tsquery)`);
    const terms = termsOf([query.match]);
    const result = await sql<CandidateRow>`
      select d.article_id as id, d.published_at, d.length,
        (select coalesce(json_agg(json_build_array(u.lexeme, u.positions, u.weights)), '[]'::json)
           from unnest(d.vector) u where u.lexeme = any(${terms}::text[])) as hits
      from search_documents d where ${sql.join(conditions, sql` and `)}`.execute(this.db);
    const candidates = result.rows;
    const total = candidates.length;
    if (total === 0) return { total, hits: [] };

    const phrases = query.match.groups.flat();
    const stats = await this.statistics(phrases);
    const idf = phraseIdf(stats);
    // The same cut as SQLite: past MAX_RANKED matches, only the newest ids are ranked.
    const maxRanked = query.maxRanked ?? MAX_RANKED;
    const rankable = total > maxRanked ? [...candidates].sort((a, b) => Number(b.id) - Number(a.id)).slice(0, maxRanked) : candidates;
    const scored = rankable.map((row) => {
      const byTerm = new Map(row.hits.map(([term, positions, weights]) => [term, { positions, weights }]));
      const frequencies = phrases.map((p) => phraseFrequency(p, byTerm));
      // FTS5's bm25() is negative (lower is better): the same sign here.
      return { articleId: Number(row.id), publishedAt: Number(row.published_at), bm25: -1.0 * bm25Score(idf, frequencies, Number(row.length), stats) };
    });
    return { total, hits: rankPage(bestByBm25(scored, query), query) };
  }

  /** N, all indexed terms, and the documents containing each phrase (the whole index, as FTS5 counts). */
  private async statistics(phrases: readonly EnginePhrase[]) {
    const totals = await sql<{ n: number; t: number }>`select count(*) as n, coalesce(sum(length), 0) as t from search_documents`.execute(this.db);
    const distinct = [...new Set(phrases.map(phraseQuery))];
    const counts = sql.join(distinct.map((q, i) => sql`count(*) filter (where vector @@ ${q}::tsquery) as ${sql.ref(`h${i}`)}`));
    const any = distinct.map((q) => `(${q})`).join(' | ');
    const hits = await sql<Record<string, number>>`select ${counts} from search_documents where vector @@ ${any}::tsquery`.execute(this.db);
    const row = hits.rows[0] ?? {};
    const byQuery = new Map(distinct.map((q, i) => [q, Number(row[`h${i}`] ?? 0)]));
    return {
      documents: Number(totals.rows[0]?.n ?? 0),
      totalTerms: Number(totals.rows[0]?.t ?? 0),
      phraseHits: phrases.map((p) => byQuery.get(phraseQuery(p)) ?? 0),
    };
  }

  async documentFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    const distinct = [...new Set(terms)];
    if (distinct.length === 0) return new Map();
    const counts = sql.join(distinct.map((t, i) => sql`count(*) filter (where vector @@ ${lexeme(t)}::tsquery) as ${sql.ref(`h${i}`)}`));
    const any = distinct.map(lexeme).join(' | ');
    const result = await sql<Record<string, number>>`select ${counts} from search_documents where vector @@ ${any}::tsquery`.execute(this.db);
    const row = result.rows[0] ?? {};
    return new Map(distinct.map((t, i) => [t, Number(row[`h${i}`] ?? 0)]));
  }

  async documentCount(): Promise<number> {
    const row = await this.db.selectFrom('search_documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
