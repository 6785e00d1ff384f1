import { expect, it } from 'vitest';
import { buildThreads } from '../../src/domain/comment.js';

it('threads a 20,000-long reply chain without deep recursion, keeping every comment', () => {
  const chain = Array.from({ length: 20_000 }, (_, i) => ({ id: i + 1, parentId: i === 0 ? null : i }));
  const threads = buildThreads(chain, 3);
  expect(threads).toHaveLength(1);
  const level2 = threads[0]!.replies[0]!;
  expect(level2.replies).toHaveLength(19_998);
  expect(level2.replies.every((r) => r.replies.length === 0)).toBe(true);
});
