import { describe, expect, it } from 'vitest';
import { mean, ndcgAt, precisionAt, recallAt } from '../../bench/search/eval-metrics.js';
import { halfTyped, withTypo } from '../../bench/search/wikinews-queries.js';

describe('evaluation metrics', () => {
  const judgments = new Map([['a', 3], ['b', 1]]);

  it('gives nDCG 1 to the ideal ranking and less to worse ones', () => {
    expect(ndcgAt(['a', 'b', 'x'], judgments)).toBeCloseTo(1, 10);
    expect(ndcgAt(['b', 'a'], judgments)).toBeLessThan(1);
    expect(ndcgAt(['x', 'y'], judgments)).toBe(0);
    expect(ndcgAt([], new Map())).toBe(0);
  });

  it('computes recall@k and precision@k', () => {
    expect(recallAt(['a', 'x'], judgments)).toBe(0.5);
    expect(recallAt(['x', 'a'], judgments, 1)).toBe(0);
    expect(precisionAt(['a', 'b', 'x', 'y', 'z'], judgments, 5)).toBeCloseTo(0.4, 10);
    expect(mean([1, 0])).toBe(0.5);
    expect(mean([])).toBe(0);
  });

  it('derives reader-like variants of a query', () => {
    expect(withTypo('typhon saola')).toBe('tyhpon saola');
    expect(withTypo('ue')).toBeUndefined();
    expect(halfTyped('capsule dragon')).toBe('capsule drag');
    expect(halfTyped('iss')).toBeUndefined();
  });
});
