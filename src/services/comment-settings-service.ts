/** Reads and changes the comment settings (one JSON value in the settings table). */
import { mergeCommentSettings, readCommentSettings, type CommentSettings } from '../domain/comment-settings.js';
import { DepecheError } from '../errors.js';
import type { Repositories } from '../storage/repositories/index.js';
import type { Clock } from './clock.js';

/** Settings key of the comment settings. */
export const COMMENT_SETTINGS_KEY = 'comments.settings';

/**
 * How long a process trusts its copy of the settings. Pages read them on every request; a
 * change made on another app node is seen within this delay (the node that made it sees it at once).
 */
const CACHE_MS = 5_000;

/** The comment settings, cached briefly. */
export class CommentSettingsService {
  private cached: { settings: CommentSettings; until: number } | undefined;

  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** The settings in force. */
  async current(): Promise<CommentSettings> {
    const now = Date.now();
    if (this.cached !== undefined && this.cached.until > now) return this.cached.settings;
    const settings = readCommentSettings(await this.repos.settings.get<unknown>(COMMENT_SETTINGS_KEY));
    this.cached = { settings, until: now + CACHE_MS };
    return settings;
  }

  /** Changes some settings; every field is checked and a bad one changes nothing. */
  async update(patch: unknown): Promise<CommentSettings> {
    const base = readCommentSettings(await this.repos.settings.get<unknown>(COMMENT_SETTINGS_KEY));
    const merged = mergeCommentSettings(base, patch);
    if ('problems' in merged) throw new DepecheError('DEPECHE_VALIDATION', { detail: merged.problems.join('; ') });
    await this.repos.settings.set(COMMENT_SETTINGS_KEY, merged.settings, this.clock.now());
    this.cached = undefined;
    return merged.settings;
  }
}
