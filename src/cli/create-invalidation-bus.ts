/**
 * Chooses how cache invalidations travel: Redis when configured (every process of every
 * node), else the cluster's IPC channel in a `serve --workers N` worker, else this process only.
 */
import cluster from 'node:cluster';
import type { Config } from '../config.js';
import { ClusterInvalidationBus } from '../services/cache/cluster-invalidation-bus.js';
import { LocalInvalidationBus, type InvalidationBus } from '../services/cache/invalidation-bus.js';
import { RedisInvalidationBus } from '../services/cache/redis-invalidation-bus.js';

/** The invalidation bus this process should use. */
export function createInvalidationBus(config: Pick<Config, 'redisUrl' | 'redisPrefix'>): InvalidationBus {
  if (config.redisUrl !== null) return new RedisInvalidationBus(config.redisUrl, { channel: `${config.redisPrefix}invalidate`, onError: warnOnce });
  if (cluster.isWorker) return new ClusterInvalidationBus();
  return new LocalInvalidationBus();
}

let warned = false;

/** Says once that Redis fails: this node keeps serving, its caches hear only its own writes until it answers. */
function warnOnce(error: unknown): void {
  if (warned) return;
  warned = true;
  const detail = error instanceof Error ? error.message : String(error);
  process.stderr.write(`depeche: Redis does not answer (${detail}); cache invalidations from other nodes are not heard until it does (caches are emptied then).\n`);
}
