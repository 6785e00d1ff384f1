/** Builds every service over one database. */
import type { Kysely } from 'kysely';
import { createRepositories } from '../storage/repositories/index.js';
import type { Database } from '../storage/schema.js';
import { ArticleService } from './article-service.js';
import { systemClock, type Clock } from './clock.js';
import { CommentService } from './comment-service.js';
import type { ServiceContext, SiteFacts } from './context.js';
import { LocalDiskStorage, type MediaStorage } from './media-storage.js';
import { MediaService } from './media-service.js';
import { PublicSiteService } from './public-site.js';
import { RelatedService } from './search/related-service.js';
import { SearchIndexer } from './search/search-indexer.js';
import { SearchService } from './search/search-service.js';
import { TaxonomyService } from './taxonomy-service.js';
import { UserService } from './user-service.js';

/** Every use case of Dépêche, sharing one context. */
export interface Services {
  ctx: ServiceContext;
  articles: ArticleService;
  comments: CommentService;
  media: MediaService;
  publicSite: PublicSiteService;
  /** Full-text search (page and API). */
  search: SearchService;
  /** Keeps the search index and related lists in step with articles; rebuilds them. */
  searchIndexer: SearchIndexer;
  /** "Vous aimerez aussi": pins and exclusions for the Admin API. */
  related: RelatedService;
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
  const publicSite = new PublicSiteService(ctx);
  const searchIndexer = new SearchIndexer(ctx);
  // Inside every article write's transaction: the index never disagrees with the site.
  ctx.articleWriteListeners.push(searchIndexer.listener);
  return {
    ctx,
    articles: new ArticleService(ctx),
    comments: new CommentService(ctx),
    media: new MediaService(ctx),
    publicSite,
    search: new SearchService(ctx, publicSite),
    searchIndexer,
    related: new RelatedService(ctx),
    taxonomy: new TaxonomyService(ctx),
    users: new UserService(ctx),
  };
}
