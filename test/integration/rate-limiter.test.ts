/**
 * One conformance suite for the rate-limit port, run against the in-process limiter and the
 * Redis one; then the comment route limited through Redis across two app instances (two
 * "nodes" sharing one database and one Redis).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, systemClock } from '../../src/services/clock.js';
import { MemoryRateLimiter } from '../../src/services/rate-limit/memory-rate-limiter.js';
import type { RateLimiter } from '../../src/services/rate-limit/rate-limiter.js';
import { RedisRateLimiter } from '../../src/services/rate-limit/redis-rate-limiter.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { formToken, postForm } from '../support/comments.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { buildArticle, buildSite } from '../support/factories.js';
import { redisRequired, TEST_REDIS_URL } from '../support/redis.js';

const redis = await redisRequired();
const prefix = () => `depeche-test:${randomBytes(6).toString('hex')}:`;

const implementations: [string, boolean, () => RateLimiter][] = [
  ['in-process', true, () => new MemoryRateLimiter(systemClock)],
  [redis.run ? 'Redis' : `Redis — ${redis.reason}`, redis.run, () => new RedisRateLimiter(TEST_REDIS_URL, { prefix: prefix() })],
];

for (const [name, run, make] of implementations) {
  (run ? describe : describe.skip)(`rate limiter conformance: ${name}`, () => {
    let limiter: RateLimiter;
    beforeAll(() => {
      limiter = make();
    });
    afterAll(async () => limiter?.close());

    it('allows up to the limit, then refuses, counting every hit', async () => {
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await limiter.hit('a', 3, 60_000));
      expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
      expect(results.map((r) => r.count)).toEqual([1, 2, 3, 4, 5]);
      expect(results.every((r) => r.resetInMs > 0 && r.resetInMs <= 60_000)).toBe(true);
    });

    it('keeps keys apart', async () => {
      expect((await limiter.hit('b', 1, 60_000)).allowed).toBe(true);
      expect((await limiter.hit('c', 1, 60_000)).allowed).toBe(true);
      expect((await limiter.hit('b', 1, 60_000)).allowed).toBe(false);
    });

    it('starts a new window once the old one has ended', async () => {
      expect((await limiter.hit('d', 1, 50)).allowed).toBe(true);
      expect((await limiter.hit('d', 1, 50)).allowed).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect((await limiter.hit('d', 1, 50)).allowed).toBe(true);
    });

    it('counts concurrent hits exactly', async () => {
      const results = await Promise.all(Array.from({ length: 40 }, () => limiter.hit('e', 25, 60_000)));
      expect(results.filter((r) => r.allowed)).toHaveLength(25);
      expect(results.map((r) => r.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });
  });
}

describe('the Redis limiter when Redis is away', () => {
  it('lets hits through at once and reports the failure, rather than blocking comments', async () => {
    const errors: unknown[] = [];
    const limiter = new RedisRateLimiter('redis://127.0.0.1:1', { onError: (e) => errors.push(e) });
    try {
      const results = [await limiter.hit('x', 1, 1000), await limiter.hit('x', 1, 1000)];
      expect(results.map((r) => r.allowed)).toEqual([true, true]);
      expect(errors).toHaveLength(2);
      expect(await limiter.ping()).toBe(false);
    } finally {
      await limiter.close();
    }
  });
});

describe('the in-process limiter forgets expired keys when full', () => {
  it('stays bounded', async () => {
    const clock = fixedClock(0);
    const limiter = new MemoryRateLimiter(clock, 10);
    for (let i = 0; i < 10; i++) await limiter.hit(`k${i}`, 1, 1000);
    clock.set(2000);
    expect((await limiter.hit('k0', 1, 1000)).count).toBe(1);
  });
});

describeEachDatabase('comment rate limits shared through Redis by two app nodes', (dialect) => {
  if (!redis.run) {
    it.skip(`Redis ${redis.reason}`, () => undefined);
    return;
  }
  let db: TestDatabase;
  let nodes: TestApp[] = [];
  let articleId: number;
  const clock = fixedClock(Date.parse('2026-03-10T12:00:00Z'));

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    const shared = prefix();
    nodes = [
      await buildTestApp(db, { clock, rateLimiter: new RedisRateLimiter(TEST_REDIS_URL, { prefix: shared }) }),
      await buildTestApp(db, { clock, rateLimiter: new RedisRateLimiter(TEST_REDIS_URL, { prefix: shared }) }),
    ];
    const site = await buildSite(nodes[0]!.services);
    articleId = await buildArticle(nodes[0]!.services, site, { slug: 'limite-partagee' });
    await nodes[0]!.services.ctx.commentSettings.update({ perIpLimit: { max: 4, windowSeconds: 600 } });
  });
  afterAll(async () => {
    for (const node of nodes) await node.close();
    await db?.destroy();
  });

  it('counts posts from one address on both nodes together', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const node = nodes[i % 2]!;
      codes.push((await postForm(node, '/monde/limite-partagee', { token: await formToken(node, articleId, clock) }, { ip: '198.51.100.77' })).statusCode);
    }
    expect(codes).toEqual([303, 303, 303, 303, 429, 429]);
  });
});
