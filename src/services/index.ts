/** Builds every service over one database. */
import type { Kysely } from 'kysely';
import { createRepositories } from '../storage/repositories/index.js';
import type { Database } from '../storage/schema.js';
import { ArticleService } from './article-service.js';
import { AuthService } from './auth-service.js';
import { systemClock, type Clock } from './clock.js';
import { CommentService } from './comment-service.js';
import { FeedService } from './feed-service.js';
import type { ServiceContext, SiteFacts } from './context.js';
import { EditorialService } from './editorial-service.js';
import { LocalDiskStorage, type MediaStorage } from './media-storage.js';
import { MediaService } from './media-service.js';
import { NewsroomReadService } from './newsroom-read-service.js';
import { PublicSiteService } from './public-site.js';
import { SitemapService } from './sitemap-service.js';
import { RevisionService } from './revision-service.js';
import { SettingsService } from './settings-service.js';
import { TaxonomyService } from './taxonomy-service.js';
import { UserService } from './user-service.js';
import { WorkflowService } from './workflow-service.js';

/** Every use case of Dépêche, sharing one context. */
export interface Services {
  ctx: ServiceContext;
  articles: ArticleService;
  auth: AuthService;
  comments: CommentService;
  feeds: FeedService;
  editorial: EditorialService;
  media: MediaService;
  newsroom: NewsroomReadService;
  publicSite: PublicSiteService;
  sitemaps: SitemapService;
  revisions: RevisionService;
  settings: SettingsService;
  taxonomy: TaxonomyService;
  users: UserService;
  workflow: WorkflowService;
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
  const articles = new ArticleService(ctx);
  const editorial = new EditorialService(ctx, articles);
  return {
    ctx,
    articles,
    auth: new AuthService(ctx),
    comments: new CommentService(ctx),
    feeds: new FeedService(ctx),
    editorial,
    media: new MediaService(ctx),
    newsroom: new NewsroomReadService(ctx, editorial),
    publicSite: new PublicSiteService(ctx),
    sitemaps: new SitemapService(ctx),
    revisions: new RevisionService(ctx, editorial),
    settings: new SettingsService(ctx),
    taxonomy: new TaxonomyService(ctx),
    users: new UserService(ctx),
    workflow: new WorkflowService(ctx, articles, editorial),
  };
}
