/**
 * Work that must wait until a transaction has committed: telling caches that rows changed.
 * Told inside the transaction, a cache could drop a page and have a concurrent request store
 * it again from the old rows before the commit; told after, the rows it reads are the new ones.
 */

/** What runs once the outermost transaction has committed (never when it rolls back). */
export class CommitScope {
  private readonly slots = new Map<object | symbol, { value: unknown; task: (value: never) => Promise<void> }>();

  /**
   * The value kept under `key` for this transaction, created by `init` on first use; `task`
   * then runs once with it after the commit. Several writes of one transaction thus share one
   * value (e.g. one set of cache tags, published once).
   */
  slot<T>(key: object | symbol, init: () => T, task: (value: T) => Promise<void>): T {
    const existing = this.slots.get(key);
    if (existing !== undefined) return existing.value as T;
    const value = init();
    this.slots.set(key, { value, task: task as (value: never) => Promise<void> });
    return value;
  }

  /** Runs the tasks, in the order their slots were opened. */
  async committed(): Promise<void> {
    for (const { value, task } of this.slots.values()) await task(value as never);
    this.slots.clear();
  }
}
