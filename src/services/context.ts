/** What every service is built from: repositories, a clock and the site's settings. */
import type { TypographyMode } from '../domain/text/french-typography.js';
import type { Repositories } from '../storage/repositories/index.js';
import type { InvalidationBus } from './cache/invalidation-bus.js';
import type { PageInvalidator } from './cache/page-invalidator.js';
import type { Clock } from './clock.js';
import type { CommentSettingsService } from './comment-settings-service.js';
import type { MediaStorage } from './media-storage.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import type { SecretKeys } from './secret-key.js';

/** Site facts services need (a subset of the configuration). */
export interface SiteFacts {
  siteUrl: string;
  siteName: string;
  siteLanguage: string;
  timeZone: string;
  /** French typography on or off; when absent, on for French-language sites. */
  typography?: TypographyMode;
  /** Base URL of media files (MEDIA_PUBLIC_URL); when absent, the site's own /media. */
  mediaBaseUrl?: string;
}

/** The typography mode of a site: as configured, else French rules for a French site. */
export function siteTypography(site: SiteFacts): TypographyMode {
  return site.typography ?? (site.siteLanguage === 'fr' ? 'fr' : 'off');
}

/**
 * Told of every article write, inside its transaction, after the article and its join rows
 * are stored: whatever must follow an article (search index, related articles, caches)
 * hooks in here, so no write path can forget it.
 */
export type ArticleWriteListener = (repos: Repositories, articleId: number) => Promise<void>;

/** Dependencies shared by the services. */
export interface ServiceContext {
  repos: Repositories;
  clock: Clock;
  site: SiteFacts;
  media: MediaStorage;
  /** Run in order on every article write (see {@link ArticleWriteListener}). */
  articleWriteListeners: ArticleWriteListener[];
  /** Keys derived from the server secret. */
  secrets: SecretKeys;
  /** Rate limits (in-process, or shared through Redis). */
  rateLimiter: RateLimiter;
  /** The comment settings, briefly cached. */
  commentSettings: CommentSettingsService;
  /** Told of comments that wait for moderation (email notifications), when configured. */
  notifier?: CommentNotifier;
  /** Carries stale cache tags to every cache of the site (this process's and the others'). */
  invalidation: InvalidationBus;
  /** How writes publish the cache tags they made stale (after their commit). */
  invalidator: PageInvalidator;
  /**
   * Set by a bulk writer (an import) that drops every cached page once it ends: article writes
   * then skip working out which pages they made stale (a few reads per write, for nothing).
   */
  siteStaleAtEnd?: boolean;
}

/** Hears about comments that need a moderator. */
export interface CommentNotifier {
  /** A new comment waits for moderation. */
  commentHeld(commentId: number): Promise<void>;
}
