/** Builds every service over one database. */
import type { Kysely } from 'kysely';
import { CommitScope, createRepositories } from '../storage/repositories/index.js';
import type { Database } from '../storage/schema.js';
import { ArticleService } from './article-service.js';
import { AuthService } from './auth-service.js';
import { BackupExporter } from './backup/backup-export.js';
import { BackupRestorer } from './backup/backup-restore.js';
import { WxrExporter } from './export/wxr-export.js';
import { systemClock, type Clock } from './clock.js';
import { CommentModerationService } from './comment-moderation.js';
import { CommentService } from './comment-service.js';
import { FeedService } from './feed-service.js';
import { EditorialService } from './editorial-service.js';
import { CommentSettingsService } from './comment-settings-service.js';
import { LocalInvalidationBus, type InvalidationBus } from './cache/invalidation-bus.js';
import { PageInvalidator } from './cache/page-invalidator.js';
import { PurgeWebhook } from './cache/purge-webhook.js';
import type { CommentNotifier, ServiceContext, SiteFacts } from './context.js';
import { LocalDiskStorage, type MediaStorage } from './media-storage.js';
import { CommentMailNotifier } from './mail/comment-mail-notifier.js';
import type { Mailer } from './mail/mailer.js';
import { MediaService } from './media-service.js';
import { NewsroomReadService } from './newsroom-read-service.js';
import { PageService } from './page-service.js';
import { PublicSiteService } from './public-site.js';
import { SitemapService } from './sitemap-service.js';
import { RevisionService } from './revision-service.js';
import { SettingsService } from './settings-service.js';
import { MemoryRateLimiter } from './rate-limit/memory-rate-limiter.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import { SecretKeys } from './secret-key.js';
import { StaffCommentService } from './staff-comment-service.js';
import { RelatedCurationService } from './search/related-curation-service.js';
import { RelatedService } from './search/related-service.js';
import { SearchIndexer } from './search/search-indexer.js';
import { SearchService } from './search/search-service.js';
import { TaxonomyService } from './taxonomy-service.js';
import { UserService } from './user-service.js';
import { WorkflowService } from './workflow-service.js';

/** Every use case of Dépêche, sharing one context. */
export interface Services {
  ctx: ServiceContext;
  articles: ArticleService;
  auth: AuthService;
  /** Whole-site backup (export) and restore into an empty site. */
  backups: { exporter: BackupExporter; restorer: BackupRestorer };
  comments: CommentService;
  /** The site as a WordPress WXR 1.2 file. */
  wxrExport: WxrExporter;
  feeds: FeedService;
  editorial: EditorialService;
  moderation: CommentModerationService;
  media: MediaService;
  newsroom: NewsroomReadService;
  /** Standalone pages (À propos…), outside article listings. */
  pages: PageService;
  publicSite: PublicSiteService;
  sitemaps: SitemapService;
  revisions: RevisionService;
  settings: SettingsService;
  /** Moderation from the admin, behind the staff policies. */
  staffComments: StaffCommentService;
  /** Full-text search (page and API). */
  search: SearchService;
  /** Keeps the search index and related lists in step with articles; rebuilds them. */
  searchIndexer: SearchIndexer;
  /** "Vous aimerez aussi": stored lists, pins and exclusions. */
  related: RelatedService;
  /** Editors' pins and exclusions, behind the staff policy (Admin API). */
  relatedCuration: RelatedCurationService;
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
  /** SECRET_KEY; when null or absent, a generated secret kept in the settings table. */
  secretKey?: string | null;
  /** Shared rate limits (Redis); in-process when absent. */
  rateLimiter?: RateLimiter;
  notifier?: CommentNotifier;
  /** Sends email (comment notifications when the setting is on); none when absent. */
  mailer?: Mailer;
  /** Told when a notification email fails. */
  onMailError?: (error: unknown) => void;
  /** Carries cache invalidations between processes (Redis); in-process when absent. */
  invalidationBus?: InvalidationBus;
  /** Where cache warnings go (a failing purge webhook or bus); standard error when absent. */
  onCacheWarning?: (message: string) => void;
  /** Services bound to a transaction (restores): its commit scope and the outer invalidator. */
  transaction?: { scope: CommitScope; invalidator: PageInvalidator };
}

/** Wires the services. */
export function createServices(options: ServiceOptions): Services {
  const repos = createRepositories(options.db, options.transaction?.scope);
  const clock = options.clock ?? systemClock;
  const invalidation = options.invalidationBus ?? new LocalInvalidationBus();
  const warn = options.onCacheWarning ?? ((message: string) => process.stderr.write(`${message}\n`));
  const webhook = new PurgeWebhook({ template: () => SettingsService.purgeTemplate(repos), siteUrl: options.site.siteUrl, warn });
  const ctx: ServiceContext = {
    repos,
    clock,
    site: options.site,
    media: options.mediaStorage ?? new LocalDiskStorage(options.mediaDir),
    articleWriteListeners: [],
    secrets: new SecretKeys(repos, clock, options.secretKey ?? null),
    rateLimiter: options.rateLimiter ?? new MemoryRateLimiter(clock),
    commentSettings: new CommentSettingsService(repos, clock),
    invalidation,
    invalidator: options.transaction?.invalidator ?? new PageInvalidator(invalidation, { webhook, warn }),
  };
  // Services bound to one transaction live as long as it: the outer services follow the bus.
  if (options.transaction === undefined) ctx.commentSettings.followInvalidations(invalidation, ctx.invalidator);
  const articles = new ArticleService(ctx);
  const editorial = new EditorialService(ctx, articles);
  const mailer = options.mailer;
  const notifier = options.notifier ?? (mailer ? new CommentMailNotifier({ repos, settings: ctx.commentSettings, site: options.site, mailer, ...(options.onMailError ? { onError: options.onMailError } : {}) }) : undefined);
  if (notifier) ctx.notifier = notifier;
  const comments = new CommentService(ctx);
  const moderation = new CommentModerationService(ctx);
  const publicSite = new PublicSiteService(ctx);
  const related = new RelatedService(ctx);
  const searchIndexer = new SearchIndexer(ctx);
  // Inside every article write's transaction: the index never disagrees with the site.
  ctx.articleWriteListeners.push(searchIndexer.listener);
  // Restores write everything in one transaction: the same services, bound to it.
  const inTransaction = async <T>(work: (services: Services) => Promise<T>): Promise<T> => {
    if (options.db.isTransaction) return work(services);
    // Invalidations of the restore wait for its commit, then go through this process's invalidator.
    const scope = new CommitScope();
    const result = await options.db.transaction().execute((trx) =>
      work(createServices({ ...options, db: trx, clock, mediaStorage: ctx.media, rateLimiter: ctx.rateLimiter, secretKey: options.secretKey ?? null, invalidationBus: invalidation, transaction: { scope, invalidator: ctx.invalidator } })),
    );
    await scope.committed();
    return result;
  };
  const services: Services = {
    ctx,
    articles,
    auth: new AuthService(ctx),
    backups: { exporter: new BackupExporter(ctx), restorer: new BackupRestorer(ctx, inTransaction) },
    comments,
    wxrExport: new WxrExporter(ctx),
    feeds: new FeedService(ctx),
    editorial,
    moderation,
    staffComments: new StaffCommentService(ctx, comments, moderation),
    media: new MediaService(ctx),
    newsroom: new NewsroomReadService(ctx, editorial),
    pages: new PageService(ctx),
    publicSite,
    sitemaps: new SitemapService(ctx),
    revisions: new RevisionService(ctx, editorial),
    settings: new SettingsService(ctx),
    search: new SearchService(ctx, publicSite),
    searchIndexer,
    related,
    relatedCuration: new RelatedCurationService(related),
    taxonomy: new TaxonomyService(ctx),
    users: new UserService(ctx),
    workflow: new WorkflowService(ctx, articles, editorial),
  };
  return services;
}
