import { describe, expect, it } from 'vitest';
import { restartDelay } from '../../src/cli/serve-cluster.js';

describe('the delay before a dead worker is replaced', () => {
  it('doubles with each quick death, from 1 s up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(restartDelay)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });
});
