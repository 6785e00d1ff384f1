/** Reads and changes the comment settings (one JSON value in the settings table). */
import { SITE_TAG } from '../domain/cache-tags.js';
import { mergeCommentSettings, readCommentSettings, type CommentSettings } from '../domain/comment-settings.js';
import { DepecheError } from '../errors.js';
import type { Repositories } from '../storage/repositories/index.js';
import type { InvalidationBus } from './cache/invalidation-bus.js';
import type { PageInvalidator } from './cache/page-invalidator.js';
import type { Clock } from './clock.js';

/** Settings key of the comment settings. */
export const COMMENT_SETTINGS_KEY = 'comments.settings';

/**
 * How long a process trusts its copy of the settings. Pages read them on every request; a
 * change made on another app node drops the copy with the cached pages (the `site` cache tag),
 * this delay only bounds how stale it could get if that message were lost.
 */
const CACHE_MS = 5_000;

/** The comment settings, cached briefly. */
export class CommentSettingsService {
  private cached: { settings: CommentSettings; until: number } | undefined;
  /** Bumped by every invalidation: a read that started before one must not be kept. */
  private generation = 0;
  private invalidator: PageInvalidator | undefined;

  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /**
   * Drops the copy whenever cached pages are dropped for a settings change (here or on another
   * node), and publishes that change after each update. Listeners run synchronously, so no page
   * can be rendered between the two drops with the old settings.
   */
  followInvalidations(bus: InvalidationBus, invalidator: PageInvalidator): void {
    this.invalidator = invalidator;
    bus.subscribe((tags, options) => {
      if (options?.everything === true || tags.includes(SITE_TAG)) {
        this.cached = undefined;
        this.generation++;
      }
    });
  }

  /** The settings in force. */
  async current(): Promise<CommentSettings> {
    const now = Date.now();
    if (this.cached !== undefined && this.cached.until > now) return this.cached.settings;
    const generation = this.generation;
    const settings = readCommentSettings(await this.repos.settings.get<unknown>(COMMENT_SETTINGS_KEY));
    if (generation === this.generation) this.cached = { settings, until: now + CACHE_MS };
    return settings;
  }

  /** Changes some settings; every field is checked and a bad one changes nothing. */
  async update(patch: unknown): Promise<CommentSettings> {
    const base = readCommentSettings(await this.repos.settings.get<unknown>(COMMENT_SETTINGS_KEY));
    const merged = mergeCommentSettings(base, patch);
    if ('problems' in merged) throw new DepecheError('DEPECHE_VALIDATION', { detail: merged.problems.join('; ') });
    await this.repos.transaction(async (repos) => {
      await repos.settings.set(COMMENT_SETTINGS_KEY, merged.settings, this.clock.now());
      // Thread depth, length limit and closing delay show on every article page.
      this.invalidator?.afterCommit(repos, [SITE_TAG]);
    });
    this.cached = undefined;
    this.generation++;
    return merged.settings;
  }
}
