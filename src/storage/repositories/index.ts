/** Every repository over one executor, and transactions that hand out the same set. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { ApiKeyRepository } from './api-key-repository.js';
import { ArticleAdminRepository } from './article-admin-repository.js';
import { ArticleNoteRepository } from './article-note-repository.js';
import { ArticleRepository } from './article-repository.js';
import { CommentRepository } from './comment-repository.js';
import { ExportRepository } from './export-repository.js';
import { LoginThrottleRepository } from './login-throttle-repository.js';
import { MediaRepository } from './media-repository.js';
import { RedirectRepository } from './redirect-repository.js';
import { RelatedRepository } from './related-repository.js';
import { createSearchIndex } from '../search/create-search-index.js';
import type { SearchIndex } from '../search/search-index.js';
import { SearchTermsRepository } from '../search/search-terms-repository.js';
import { RevisionRepository } from './revision-repository.js';
import { SessionRepository } from './session-repository.js';
import { SettingsRepository } from './settings-repository.js';
import { TaxonomyRepository } from './taxonomy-repository.js';
import { UserRepository } from './user-repository.js';

/** The repositories bound to one database or transaction. */
export interface Repositories {
  apiKeys: ApiKeyRepository;
  articleAdmin: ArticleAdminRepository;
  articleNotes: ArticleNoteRepository;
  articles: ArticleRepository;
  comments: CommentRepository;
  /** Whole-site reads of the exports. */
  exports: ExportRepository;
  loginThrottle: LoginThrottleRepository;
  media: MediaRepository;
  redirects: RedirectRepository;
  related: RelatedRepository;
  /** The full-text index (FTS5 or tsvector, by dialect). */
  searchIndex: SearchIndex;
  searchTerms: SearchTermsRepository;
  revisions: RevisionRepository;
  sessions: SessionRepository;
  settings: SettingsRepository;
  taxonomy: TaxonomyRepository;
  users: UserRepository;
  /** Runs `work` in one transaction with repositories bound to it. */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /** Runs `work` on one consistent view of the database (exports): a repeatable-read transaction. */
  snapshot<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

/** Binds every repository to a Kysely handle. */
export function createRepositories(db: Kysely<Database>): Repositories {
  return {
    apiKeys: new ApiKeyRepository(db),
    articleAdmin: new ArticleAdminRepository(db),
    articleNotes: new ArticleNoteRepository(db),
    articles: new ArticleRepository(db),
    comments: new CommentRepository(db),
    exports: new ExportRepository(db),
    loginThrottle: new LoginThrottleRepository(db),
    media: new MediaRepository(db),
    redirects: new RedirectRepository(db),
    related: new RelatedRepository(db),
    searchIndex: createSearchIndex(db),
    searchTerms: new SearchTermsRepository(db),
    revisions: new RevisionRepository(db),
    sessions: new SessionRepository(db),
    settings: new SettingsRepository(db),
    taxonomy: new TaxonomyRepository(db),
    users: new UserRepository(db),
    transaction: (work) => (db.isTransaction ? work(createRepositories(db)) : db.transaction().execute((trx) => work(createRepositories(trx)))),
    // SQLite's transactions are snapshots already (WAL); PostgreSQL's need repeatable read.
    snapshot: (work) => (db.isTransaction ? work(createRepositories(db)) : db.transaction().setIsolationLevel('repeatable read').execute((trx) => work(createRepositories(trx)))),
  };
}

export type { ListingScope, ListingWindow } from './article-repository.js';
