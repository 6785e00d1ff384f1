/** Runs labelled queries through search systems and aggregates the metrics per query kind. */
import type { Ranker } from './baselines.js';
import { mean, ndcgAt, precisionAt, recallAt } from './eval-metrics.js';

/** A labelled query of any set. */
export interface EvalQuery {
  q: string;
  kind: string;
  relevant: Record<string, number>;
}

/** Metrics of one system on one kind of queries. */
export interface KindScore {
  queries: number;
  ndcg10: number;
  recall10: number;
  /** Queries with no result at all. */
  empty: number;
}

/** Per system, per kind (and "toutes" for all), the mean metrics. */
export type EvalReport = Record<string, Record<string, KindScore>>;

/** Scores every system on every query. */
export async function evaluateRankers(rankers: Record<string, Ranker>, queries: readonly EvalQuery[]): Promise<EvalReport> {
  const report: EvalReport = {};
  for (const [name, rank] of Object.entries(rankers)) {
    const byKind = new Map<string, { ndcg: number[]; recall: number[]; empty: number }>();
    for (const query of queries) {
      const ranked = await rank(query.q);
      const judgments = new Map(Object.entries(query.relevant));
      for (const kind of [query.kind, 'toutes']) {
        const entry = byKind.get(kind) ?? { ndcg: [], recall: [], empty: 0 };
        entry.ndcg.push(ndcgAt(ranked, judgments, 10));
        entry.recall.push(recallAt(ranked, judgments, 10));
        if (ranked.length === 0) entry.empty++;
        byKind.set(kind, entry);
      }
    }
    report[name] = Object.fromEntries([...byKind].map(([kind, e]) => [kind, { queries: e.ndcg.length, ndcg10: mean(e.ndcg), recall10: mean(e.recall), empty: e.empty }]));
  }
  return report;
}

/** Mean precision@5 of related lists against "should be related" sets (articles without any are skipped). */
export function relatedPrecision(lists: ReadonlyMap<string, readonly string[]>, relevant: ReadonlyMap<string, ReadonlySet<string>>): { articles: number; precision5: number } {
  const scores: number[] = [];
  for (const [slug, expected] of relevant) {
    if (expected.size === 0) continue;
    const list = lists.get(slug) ?? [];
    scores.push(precisionAt(list, new Map([...expected].map((s) => [s, 1])), 5));
  }
  return { articles: scores.length, precision5: mean(scores) };
}

/** A Markdown table: kinds as rows, systems' nDCG@10 and recall@10 as columns. */
export function reportTable(report: EvalReport, kinds: readonly string[]): string {
  const systems = Object.keys(report);
  const head = `| kind | n | ${systems.map((s) => `${s} nDCG@10 | ${s} R@10`).join(' | ')} |`;
  const rule = `|---|---:|${systems.map(() => '---:|---:').join('|')}|`;
  const rows = [...kinds, 'toutes'].map((kind) => {
    const n = report[systems[0] ?? '']?.[kind]?.queries ?? 0;
    return `| ${kind} | ${n} | ${systems.map((s) => `${(report[s]?.[kind]?.ndcg10 ?? 0).toFixed(3)} | ${(report[s]?.[kind]?.recall10 ?? 0).toFixed(3)}`).join(' | ')} |`;
  });
  return [head, rule, ...rows].join('\n');
}
