/**
 * BM25 exactly as SQLite's FTS5 bm25() computes it, for engines that cannot run it themselves
 * (PostgreSQL). Same definitions and the same floating-point operations in the same order:
 * - N: indexed documents; avgdl: all indexed terms / N; D: the document's terms (all fields);
 * - per phrase i of the query, in order: idf = ln((N − nHit + 0.5) / (nHit + 0.5)), at least 1e-6,
 *   where nHit counts documents containing the phrase;
 * - f_i: the sum, over the phrase's occurrences in the document, of the weight of their field;
 * - score = Σ idf_i · f_i·(k1 + 1) / (f_i + k1·(1 − b + b·D/avgdl)).
 */
import { RANKING } from './search-index.js';

/** Collection statistics of a query. */
export interface Bm25Stats {
  documents: number;
  totalTerms: number;
  /** Documents containing each phrase, in query order. */
  phraseHits: readonly number[];
}

/** The IDF of each phrase, as FTS5 computes it. */
export function phraseIdf(stats: Bm25Stats): number[] {
  return stats.phraseHits.map((nHit) => {
    const idf = Math.log((stats.documents - nHit + 0.5) / (nHit + 0.5));
    return idf <= 0.0 ? 1e-6 : idf;
  });
}

/** BM25 of one document from its weighted phrase frequencies (f_i) and its length. */
export function bm25Score(idf: readonly number[], frequencies: readonly number[], length: number, stats: Bm25Stats): number {
  const { k1, b } = RANKING;
  const avgdl = stats.totalTerms / stats.documents;
  const D = length;
  let score = 0.0;
  for (let i = 0; i < idf.length; i++) {
    const f = frequencies[i] ?? 0;
    score += (idf[i] ?? 0) * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + (b * D) / avgdl)));
  }
  return score;
}
