/**
 * Invalidations between the workers of one `depeche serve --workers N` without Redis: each
 * worker sends its invalidations to the primary over the cluster's IPC channel, and the
 * primary passes them on to every other worker. One host only; several nodes need Redis.
 */
import type { Cluster } from 'node:cluster';
import type { InvalidationBus, InvalidationListener } from './invalidation-bus.js';

/** What travels between a worker and the primary. */
export interface ClusterInvalidationMessage {
  type: 'depeche:invalidate';
  tags: string[];
}

/** Whether an IPC message is an invalidation (workers exchange other messages too). */
export function isInvalidationMessage(message: unknown): message is ClusterInvalidationMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { type, tags } = message as Partial<ClusterInvalidationMessage>;
  return type === 'depeche:invalidate' && Array.isArray(tags) && tags.every((t) => typeof t === 'string');
}

/** A worker's link to the primary: sends messages and hears them. */
export interface IpcLink {
  send(message: ClusterInvalidationMessage): void;
  /** Calls `receive` with every message from the primary; returns how to stop. */
  listen(receive: (message: unknown) => void): () => void;
}

/** The link of this process when it is a cluster worker (its IPC channel to the primary). */
export function workerLink(): IpcLink {
  return {
    send(message) {
      // The primary is gone when the channel is closed: there is no one left to tell.
      if (process.send === undefined || !process.connected) return;
      try {
        process.send(message, undefined, undefined, () => undefined);
      } catch {
        // Same: the channel closed while sending.
      }
    },
    listen(receive) {
      process.on('message', receive);
      return () => {
        process.off('message', receive);
      };
    },
  };
}

/** An {@link InvalidationBus} between the workers of one cluster. */
export class ClusterInvalidationBus implements InvalidationBus {
  private readonly listeners = new Set<InvalidationListener>();
  private readonly stopListening: () => void;

  constructor(private readonly link: IpcLink = workerLink()) {
    this.stopListening = link.listen((message) => {
      if (!isInvalidationMessage(message)) return;
      for (const listener of this.listeners) listener(message.tags);
    });
  }

  async publish(tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    for (const listener of this.listeners) listener(tags);
    this.link.send({ type: 'depeche:invalidate', tags: [...tags] });
  }

  subscribe(listener: InvalidationListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async close(): Promise<void> {
    this.stopListening();
    this.listeners.clear();
  }
}

/** In the primary: passes every worker's invalidations on to the other workers. Returns how to stop. */
export function relayInvalidations(cluster: Pick<Cluster, 'on' | 'off' | 'workers'>): () => void {
  const relay = (from: { id: number }, message: unknown) => {
    if (!isInvalidationMessage(message)) return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker === undefined || worker.id === from.id || !worker.isConnected()) continue;
      try {
        worker.send(message, undefined, undefined, () => undefined);
      } catch {
        // That worker is exiting; its replacement starts with an empty cache.
      }
    }
  };
  cluster.on('message', relay);
  return () => {
    cluster.off('message', relay);
  };
}
