/** Builds every service over one database. */
import type { Kysely } from 'kysely';
import { createRepositories } from '../storage/repositories/index.js';
import type { Database } from '../storage/schema.js';
import { ArticleService } from './article-service.js';
import { systemClock, type Clock } from './clock.js';
import { CommentService } from './comment-service.js';
import { FeedService } from './feed-service.js';
import type { ServiceContext, SiteFacts } from './context.js';
import { LocalDiskStorage, type MediaStorage } from './media-storage.js';
import { MediaService } from './media-service.js';
import { PublicSiteService } from './public-site.js';
import { SitemapService } from './sitemap-service.js';
import { TaxonomyService } from './taxonomy-service.js';
import { UserService } from './user-service.js';

/** Every use case of Dépêche, sharing one context. */
export interface Services {
  ctx: ServiceContext;
  articles: ArticleService;
  comments: CommentService;
  feeds: FeedService;
  media: MediaService;
  publicSite: PublicSiteService;
  sitemaps: SitemapService;
  taxonomy: TaxonomyService;
  users: UserService;
}

/** What services need from the outside. */
export interface ServiceOptions {
  db: Kysely<Database>;
  site: SiteFacts;
  mediaDir: string;
  clock?: Clock;
  mediaStorage?: MediaStorage;
}

/** Wires the services. */
export function createServices(options: ServiceOptions): Services {
  const ctx: ServiceContext = {
    repos: createRepositories(options.db),
    clock: options.clock ?? systemClock,
    site: options.site,
    media: options.mediaStorage ?? new LocalDiskStorage(options.mediaDir),
    articleWriteListeners: [],
  };
  return {
    ctx,
    articles: new ArticleService(ctx),
    comments: new CommentService(ctx),
    feeds: new FeedService(ctx),
    media: new MediaService(ctx),
    publicSite: new PublicSiteService(ctx),
    sitemaps: new SitemapService(ctx),
    taxonomy: new TaxonomyService(ctx),
    users: new UserService(ctx),
  };
}
