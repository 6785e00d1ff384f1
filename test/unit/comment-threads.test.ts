import { describe, expect, it } from 'vitest';
import { buildThreads } from '../../src/domain/comment.js';

const c = (id: number, parentId: number | null) => ({ id, parentId });

describe('comment threads', () => {
  it('nests replies under their parents, in order', () => {
    const threads = buildThreads([c(1, null), c(2, 1), c(3, 2), c(4, null), c(5, 1)]);
    expect(threads.map((t) => t.id)).toEqual([1, 4]);
    expect(threads[0]!.replies.map((r) => r.id)).toEqual([2, 5]);
    expect(threads[0]!.replies[0]!.replies.map((r) => r.id)).toEqual([3]);
  });

  it('attaches replies beyond the depth limit to the deepest allowed ancestor', () => {
    const threads = buildThreads([c(1, null), c(2, 1), c(3, 2), c(4, 3)], 3);
    const level3 = threads[0]!.replies[0]!.replies[0]!;
    expect(level3.id).toBe(3);
    expect(level3.replies).toEqual([]);
    expect(threads[0]!.replies[0]!.replies.map((r) => r.id)).toEqual([3, 4]);
  });

  it('puts replies to hidden comments at the top level instead of dropping them', () => {
    expect(buildThreads([c(2, 99), c(3, 2)]).map((t) => t.id)).toEqual([2]);
  });
});
