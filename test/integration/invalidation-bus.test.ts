/**
 * The cache invalidation bus: one conformance suite run against the in-process bus, the
 * cluster (IPC) bus and the Redis bus; then what only several processes show: two buses
 * exchanging tags, a real node:cluster relaying them, a dropped Redis subscription answered
 * with "drop everything", and a node that keeps working while Redis is away.
 */
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterInvalidationBus, relayInvalidations, type ClusterInvalidationMessage, type IpcLink } from '../../src/services/cache/cluster-invalidation-bus.js';
import { LocalInvalidationBus, type InvalidationBus } from '../../src/services/cache/invalidation-bus.js';
import { RedisInvalidationBus } from '../../src/services/cache/redis-invalidation-bus.js';
import { createInvalidationBus } from '../../src/cli/create-invalidation-bus.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { redisRequired, TEST_REDIS_URL } from '../support/redis.js';

const redis = await redisRequired();
const channel = () => `depeche-test:${randomBytes(6).toString('hex')}:invalidate`;

/** What a listener heard. */
type Heard = { tags: readonly string[]; everything: boolean };

function recorder(bus: InvalidationBus): Heard[] {
  const heard: Heard[] = [];
  bus.subscribe((tags, options) => heard.push({ tags, everything: options?.everything === true }));
  return heard;
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<number> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - start;
}

/** An in-memory stand-in for the primary: every link's messages go to every other link. */
function fakeCluster(): { link(): IpcLink } {
  const peers = new Set<(message: unknown) => void>();
  return {
    link() {
      let mine: ((message: unknown) => void) | undefined;
      return {
        send(message: ClusterInvalidationMessage) {
          // Structured clone, as the IPC channel does; asynchronous, as it is.
          const copy = structuredClone(message);
          for (const peer of peers) if (peer !== mine) setImmediate(() => peer(copy));
        },
        listen(receive) {
          mine = receive;
          peers.add(receive);
          return () => peers.delete(receive);
        },
      };
    },
  };
}

const implementations: [string, boolean, () => InvalidationBus][] = [
  ['in-process', true, () => new LocalInvalidationBus()],
  ['cluster IPC', true, () => new ClusterInvalidationBus(fakeCluster().link())],
  [redis.run ? 'Redis' : `Redis — ${redis.reason}`, redis.run, () => new RedisInvalidationBus(TEST_REDIS_URL, { channel: channel() })],
];

for (const [name, run, make] of implementations) {
  (run ? describe : describe.skip)(`invalidation bus conformance: ${name}`, () => {
    let bus: InvalidationBus;
    beforeAll(() => {
      bus = make();
    });
    afterAll(async () => bus?.close());

    it('tells this process’s listeners before publish resolves', async () => {
      const heard = recorder(bus);
      await bus.publish(['article:1', 'home']);
      expect(heard).toEqual([{ tags: ['article:1', 'home'], everything: false }]);
    });

    it('publishes nothing for no tags', async () => {
      const heard = recorder(bus);
      await bus.publish([]);
      expect(heard).toEqual([]);
    });

    it('stops telling a listener that unsubscribed', async () => {
      const heard: string[] = [];
      const stop = bus.subscribe((tags) => heard.push(...tags));
      await bus.publish(['a']);
      stop();
      await bus.publish(['b']);
      expect(heard).toEqual(['a']);
    });
  });
}

describe('the cluster bus between workers', () => {
  it('carries one worker’s tags to the others, once, and not back to itself', async () => {
    const cluster = fakeCluster();
    const [a, b, c] = [new ClusterInvalidationBus(cluster.link()), new ClusterInvalidationBus(cluster.link()), new ClusterInvalidationBus(cluster.link())];
    const [heardA, heardB, heardC] = [recorder(a), recorder(b), recorder(c)];
    await a.publish(['article:3']);
    await until(() => heardB.length > 0 && heardC.length > 0, 'the other workers');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([heardA, heardB, heardC]).toEqual([[{ tags: ['article:3'], everything: false }], [{ tags: ['article:3'], everything: false }], [{ tags: ['article:3'], everything: false }]]);
    await Promise.all([a, b, c].map((bus) => bus.close()));
  });

  it('has the primary relay a worker’s invalidation to every other live worker, and nothing else', () => {
    const sent: Array<[number, unknown]> = [];
    const worker = (id: number, connected = true) => ({ id, isConnected: () => connected, send: (message: unknown) => sent.push([id, message]) });
    const emitter = new EventEmitter();
    const fake = Object.assign(emitter, { workers: { 1: worker(1), 2: worker(2), 3: worker(3, false), 4: worker(4) } });
    const stop = relayInvalidations(fake as unknown as Parameters<typeof relayInvalidations>[0]);
    const message: ClusterInvalidationMessage = { type: 'depeche:invalidate', tags: ['tag:9'] };
    emitter.emit('message', { id: 2 }, message);
    emitter.emit('message', { id: 2 }, { type: 'something-else' });
    expect(sent).toEqual([
      [1, message],
      [4, message],
    ]);
    stop();
    emitter.emit('message', { id: 1 }, message);
    expect(sent).toHaveLength(2);
  });

  it('works in a real node:cluster: every worker hears a publish exactly once', async () => {
    const script = join(PROJECT_ROOT, 'test', 'fixtures', 'cluster-bus.mjs');
    const module = join(PROJECT_ROOT, 'dist', 'src', 'services', 'cache', 'cluster-invalidation-bus.js');
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [script, module], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`cluster fixture exited ${code}: ${stderr}`))));
    });
    const result = JSON.parse(output.trim().split('\n').pop() ?? '{}') as { heard: Array<{ worker: number; tags: string[] }>; timedOut?: boolean };
    expect(result.timedOut).toBeUndefined();
    expect(result.heard.map((h) => h.worker).sort()).toEqual([1, 2, 3]);
    expect(result.heard.every((h) => h.tags.join() === 'article:7,home')).toBe(true);
  });
});

(redis.run ? describe : describe.skip)(`the Redis bus between nodes${redis.run ? '' : ` — ${redis.reason}`}`, () => {
  let admin: Redis;
  beforeAll(() => {
    admin = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    await admin?.quit();
  });

  async function connected(bus: RedisInvalidationBus): Promise<void> {
    // Subscribed once Redis lists the bus's subscriber connection with one subscription.
    const start = Date.now();
    for (;;) {
      const list = (await admin.client('LIST')) as string;
      if (list.split('\n').some((line) => line.includes(`name=depeche-bus-sub-${bus.nodeId}`) && / sub=1 /.test(line))) return;
      if (Date.now() - start > 10_000) throw new Error('the bus never subscribed');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('carries tags from one node to another (and not back to the sender)', async () => {
    const shared = channel();
    const a = new RedisInvalidationBus(TEST_REDIS_URL, { channel: shared });
    const b = new RedisInvalidationBus(TEST_REDIS_URL, { channel: shared });
    const other = new RedisInvalidationBus(TEST_REDIS_URL, { channel: channel() });
    try {
      await Promise.all([connected(a), connected(b), connected(other)]);
      const [heardA, heardB, heardOther] = [recorder(a), recorder(b), recorder(other)];
      await a.publish(['article:42', 'category:5']);
      const ms = await until(() => heardB.length > 0, 'node B');
      await b.publish(['home']);
      await until(() => heardA.length > 1, 'node A');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heardB).toEqual([
        { tags: ['article:42', 'category:5'], everything: false },
        { tags: ['home'], everything: false },
      ]);
      expect(heardA).toEqual([
        { tags: ['article:42', 'category:5'], everything: false },
        { tags: ['home'], everything: false },
      ]);
      // Another site's channel (another REDIS_PREFIX) hears nothing.
      expect(heardOther).toEqual([]);
      process.stdout.write(`  Redis bus: node B heard node A's invalidation after ${ms} ms\n`);
    } finally {
      await Promise.all([a.close(), b.close(), other.close()]);
    }
  });

  it('tells its listeners to drop everything when its subscription came back after a drop', async () => {
    const shared = channel();
    const a = new RedisInvalidationBus(TEST_REDIS_URL, { channel: shared });
    const b = new RedisInvalidationBus(TEST_REDIS_URL, { channel: shared });
    try {
      await Promise.all([connected(a), connected(b)]);
      const heardB = recorder(b);
      const line = ((await admin.client('LIST')) as string).split('\n').find((l) => l.includes(`name=depeche-bus-sub-${b.nodeId}`));
      const id = /\bid=(\d+)/.exec(line ?? '')?.[1];
      expect(id).toBeDefined();
      await admin.client('KILL', 'ID', id!);
      await until(() => heardB.some((h) => h.everything), 'the everything after the reconnection');
      expect(heardB.filter((h) => h.everything)).toEqual([{ tags: [], everything: true }]);
      // And the channel is heard again after it.
      await connected(b);
      await a.publish(['article:8']);
      await until(() => heardB.some((h) => h.tags.includes('article:8')), 'a publish after the reconnection');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('says nothing to drop on a first clean connection', async () => {
    const bus = new RedisInvalidationBus(TEST_REDIS_URL, { channel: channel() });
    try {
      const heard = recorder(bus);
      await connected(bus);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heard).toEqual([]);
    } finally {
      await bus.close();
    }
  });
});

describe('the Redis bus when Redis is away', () => {
  it('keeps this node’s listeners told and reports the failure instead of throwing', async () => {
    const errors: unknown[] = [];
    const bus = new RedisInvalidationBus('redis://127.0.0.1:1', { channel: channel(), onError: (error) => errors.push(error) });
    try {
      const heard = recorder(bus);
      await bus.publish(['article:1']);
      await bus.publish(['article:2']);
      expect(heard.map((h) => h.tags)).toEqual([['article:1'], ['article:2']]);
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await bus.close();
    }
  });
});

describe('the bus a process chooses', () => {
  it('is Redis when REDIS_URL is set, else this process only (outside a cluster)', async () => {
    const withRedis = createInvalidationBus({ redisUrl: 'redis://127.0.0.1:1', redisPrefix: 'depeche-test:' });
    const alone = createInvalidationBus({ redisUrl: null, redisPrefix: 'depeche-test:' });
    try {
      expect(withRedis).toBeInstanceOf(RedisInvalidationBus);
      expect(alone).toBeInstanceOf(LocalInvalidationBus);
    } finally {
      await Promise.all([withRedis.close(), alone.close()]);
    }
  });
});
