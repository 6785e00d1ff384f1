/**
 * How writes say which cached pages are stale. Inside a transaction the tags are collected and
 * published once, after the commit (see CommitScope): the transaction's promise resolves only
 * once this process's cache has dropped them, so nothing stale is served here after a write
 * returns. The bus carries them to the other processes; the purge webhook to the CDN.
 */
import type { Repositories } from '../../storage/repositories/index.js';
import type { InvalidationBus } from './invalidation-bus.js';
import type { PurgeWebhook } from './purge-webhook.js';

/** The commit-scope slot of the tags a transaction made stale. */
const STALE_TAGS = Symbol('stale cache tags');

/** Publishes stale cache tags after commits. */
export class PageInvalidator {
  private busFailing = false;

  constructor(
    private readonly bus: InvalidationBus,
    private readonly options: { webhook?: PurgeWebhook; warn: (message: string) => void },
  ) {}

  /** Marks `tags` stale once the transaction of `repos` commits (nothing if it rolls back). */
  afterCommit(repos: Repositories, tags: Iterable<string>): void {
    const scope = repos.commitScope;
    if (scope === undefined) throw new Error('cache invalidation outside a transaction: use repos.transaction()');
    const pending = scope.slot(STALE_TAGS, () => new Set<string>(), (stale) => this.publish([...stale]));
    for (const tag of tags) pending.add(tag);
  }

  /**
   * Marks `tags` stale now (writes that are not in a transaction). Never throws: the write
   * this follows is already stored; a failing transport is reported.
   */
  async publish(tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    try {
      await this.bus.publish(tags);
      this.busFailing = false;
    } catch (error) {
      if (!this.busFailing) {
        this.busFailing = true;
        const detail = error instanceof Error ? error.message : String(error);
        this.options.warn(`depeche: a cache invalidation could not be sent to the other processes (${detail}).`);
      }
    }
    await this.options.webhook?.notify(tags);
  }

  /** Waits for purge webhook calls in progress. */
  async settle(): Promise<void> {
    await this.options.webhook?.settle();
  }
}
