/** Ranking metrics with graded judgments: nDCG@k, recall@k, precision@k. Pure functions. */

/** Grades of the relevant documents of a query (grade ≥ 1); absent documents are not relevant. */
export type Judgments = ReadonlyMap<string, number>;

/** Normalised discounted cumulative gain at k, with gains 2^grade − 1. */
export function ndcgAt(ranked: readonly string[], judgments: Judgments, k = 10): number {
  const gain = (grade: number) => 2 ** grade - 1;
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + gain(judgments.get(id) ?? 0) / Math.log2(i + 2), 0);
  const ideal = [...judgments.values()].sort((a, b) => b - a).slice(0, k).reduce((sum, grade, i) => sum + gain(grade) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Share of the relevant documents found in the first k. */
export function recallAt(ranked: readonly string[], judgments: Judgments, k = 10): number {
  const relevant = [...judgments.entries()].filter(([, g]) => g > 0).map(([id]) => id);
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

/** Share of the first k that are relevant (k in the denominator, as usual). */
export function precisionAt(ranked: readonly string[], judgments: Judgments, k = 5): number {
  return ranked.slice(0, k).filter((id) => (judgments.get(id) ?? 0) > 0).length / k;
}

/** The mean of a list (0 for none). */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
