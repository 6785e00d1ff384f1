/**
 * How a write tells every page cache (this process's, other workers', other nodes') that the
 * pages tagged with some records are stale. One process: {@link LocalInvalidationBus}. Several
 * processes or nodes: a Redis pub/sub implementation of the same interface.
 */

/** Carries invalidations (lists of cache tags) to every cache of the site. */
export interface InvalidationBus {
  /**
   * Says that pages tagged with any of `tags` are stale. Local listeners are called before the
   * promise resolves (nothing stale is served on this node once the write has returned); other
   * processes hear it as fast as the transport allows.
   */
  publish(tags: readonly string[]): Promise<void>;
  /** Listens to invalidations from every process, this one included. Returns the unsubscribe. */
  subscribe(listener: InvalidationListener): () => void;
  /** Releases connections. */
  close(): Promise<void>;
}

/** Told of stale tags; `everything` asks to drop the whole cache (e.g. after lost messages). */
export type InvalidationListener = (tags: readonly string[], options?: { everything?: boolean }) => void;

/** Invalidations within this process only. */
export class LocalInvalidationBus implements InvalidationBus {
  private readonly listeners = new Set<InvalidationListener>();

  async publish(tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    for (const listener of this.listeners) listener(tags);
  }

  subscribe(listener: InvalidationListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
