/**
 * The search index port: one interface, two engines (SQLite FTS5, PostgreSQL tsvector + GIN),
 * one conformance suite (test/integration/search-index.test.ts) run against both.
 *
 * How both engines give the same results: neither analyses text. They receive our analysed
 * terms (folded Snowball stems, see domain/text/french-analyzer.ts), so matching is exact
 * token equality on both. Ranking is one formula, BM25 as FTS5's bm25() computes it (per-phrase
 * IDF, field weights multiplying term frequencies, document length = all fields), times a small
 * recency boost. SQLite evaluates it inside FTS5; PostgreSQL's ts_rank is a different formula,
 * so the PostgreSQL engine reads the matching documents' term positions and evaluates the same
 * formula in TypeScript (bm25.ts). Ties break on publication time, then id, on both.
 */
/** The fields of an article the index knows, in engine column order. */
export const SEARCH_FIELDS = ['title', 'dek', 'body', 'tags'] as const;

/** One field name of {@link SEARCH_FIELDS}. */
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** An article as given to the index: its analysed terms per field, in order. */
export interface IndexedDocument {
  articleId: number;
  publishedAt: number;
  fields: Record<SearchField, readonly string[]>;
  /** Its vocabulary, serialised (see search-terms-repository.ts), kept to be taken back later. */
  forms?: string;
}

/** Consecutive terms; a plain word is a phrase of one term. */
export type EnginePhrase = readonly string[];

/** A boolean match: every group must match; a group matches when one of its phrases does. */
export interface EngineMatch {
  groups: readonly (readonly EnginePhrase[])[];
}

/** Restrictions of a search besides the words. */
export interface EngineFilters {
  categoryId?: number;
  tagId?: number;
  authorId?: number;
  /** Published at or after this instant. */
  from?: number;
  /** Published before this instant. */
  until?: number;
  /** Articles to leave out (e.g. the article itself, for related articles). */
  excludeIds?: readonly number[];
}

/** One search run by an engine. */
export interface EngineQuery {
  match: EngineMatch;
  /** Rows matching any of these are left out (user exclusions, earlier result tiers). */
  notMatching?: readonly EngineMatch[];
  filters?: EngineFilters;
  /** Only articles published at or before this instant are found. */
  now: number;
  limit: number;
  offset: number;
  /** Most matches ranked (default {@link MAX_RANKED}; tests lower it). */
  maxRanked?: number;
}

/** A ranked result. */
export interface EngineHit {
  articleId: number;
  publishedAt: number;
  /** Relevance (higher is better). */
  score: number;
}

/** A page of results and how many there are in all. */
export interface EngineResult {
  total: number;
  hits: EngineHit[];
}

/** What a search engine does for Dépêche. */
export interface SearchIndex {
  /** Adds an article or replaces what the index held for it. */
  replace(doc: IndexedDocument, now: number): Promise<void>;
  /** The serialised vocabulary stored with an article, or undefined when it is not indexed. */
  storedForms(articleId: number): Promise<string | undefined>;
  /** Removes an article (no-op when absent). */
  remove(articleId: number): Promise<void>;
  /** Empties the index (before a rebuild). */
  clear(): Promise<void>;
  /** Ranked matches (see the module comment for the ranking). */
  search(query: EngineQuery): Promise<EngineResult>;
  /** In how many indexed articles each term occurs. */
  documentFrequencies(terms: readonly string[]): Promise<Map<string, number>>;
  /** Number of indexed articles. */
  documentCount(): Promise<number>;
}

/** BM25 parameters and field weights: title > dek > body > tags. Dyadic, so sums are exact in any order. */
export const RANKING = {
  k1: 1.2,
  b: 0.75,
  weights: { title: 8, dek: 4, body: 1, tags: 0.5 } as Record<SearchField, number>,
  /** At most +15 % for an article published now, fading over about a month. */
  recencyBoost: 0.15,
  recencyScaleMs: 30 * 24 * 3_600_000,
} as const;

/** Largest number of terms indexed per field; PostgreSQL positions stop at 16,383. */
export const FIELD_LIMITS: Record<SearchField, number> = { title: 200, dek: 600, body: 15_000, tags: 200 };
/** PostgreSQL keeps at most 256 positions per term: further occurrences are dropped on both engines. */
export const MAX_OCCURRENCES = 256;

/** Applies the limits both engines share, so they index exactly the same tokens. */
export function boundedFields(fields: Record<SearchField, readonly string[]>): Record<SearchField, string[]> {
  const seen = new Map<string, number>();
  const out = {} as Record<SearchField, string[]>;
  for (const field of SEARCH_FIELDS) {
    const kept: string[] = [];
    for (const term of fields[field].slice(0, FIELD_LIMITS[field])) {
      const n = (seen.get(term) ?? 0) + 1;
      seen.set(term, n);
      if (n <= MAX_OCCURRENCES) kept.push(term);
    }
    out[field] = kept;
  }
  return out;
}

/**
 * Most matches ranked by BM25. A word found in half of a large archive would otherwise cost a
 * BM25 computation per match on every search; above this, the newest matches (highest ids:
 * ids grow with creation) are ranked — the same rule on both engines. Results past the 500th
 * are never shown anyway (50 pages of 10).
 */
export const MAX_RANKED = 5_000;

/** How many of the best BM25 matches the recency factor re-orders. */
export const RERANK_WINDOW = 100;

/** A match with its BM25 score as FTS5 gives it (negative: lower is better). */
export interface Bm25Candidate {
  articleId: number;
  bm25: number;
}

/** The best {@link RERANK_WINDOW} (or more, for deep pages) candidates by BM25, ties by id. */
export function bestByBm25<T extends Bm25Candidate>(candidates: readonly T[], query: Pick<EngineQuery, 'offset' | 'limit'>): T[] {
  return [...candidates].sort((a, b) => a.bm25 - b.bm25 || b.articleId - a.articleId).slice(0, rerankWindow(query));
}

/** How many candidates both engines keep before the recency factor. */
export function rerankWindow(query: Pick<EngineQuery, 'offset' | 'limit'>): number {
  return Math.max(RERANK_WINDOW, query.offset + query.limit);
}

/**
 * The final order, shared by both engines: the best BM25 matches (see {@link bestByBm25}) times
 * the recency factor, ties by publication time then id. Re-ordering only the best matches keeps
 * the cost of recency small whatever the number of matches.
 */
export function rankPage(best: readonly (Bm25Candidate & { publishedAt: number })[], query: Pick<EngineQuery, 'offset' | 'limit' | 'now'>): EngineHit[] {
  return best
    .map((c) => ({ ...c, rank: c.bm25 * recencyFactor(query.now, c.publishedAt) }))
    .sort((a, b) => a.rank - b.rank || b.publishedAt - a.publishedAt || b.articleId - a.articleId)
    .slice(query.offset, query.offset + Math.max(0, query.limit))
    .map((c) => ({ articleId: c.articleId, publishedAt: c.publishedAt, score: -c.rank }));
}

/** The recency factor of the ranking, written once for both engines (same float operations). */
export function recencyFactor(now: number, publishedAt: number): number {
  return 1.0 + RANKING.recencyBoost / (1.0 + (now - publishedAt) / RANKING.recencyScaleMs);
}

/** Every distinct term of a match, in order of appearance. */
export function termsOf(matches: readonly EngineMatch[]): string[] {
  const terms = new Set<string>();
  for (const m of matches) for (const g of m.groups) for (const p of g) for (const t of p) terms.add(t);
  return [...terms];
}
