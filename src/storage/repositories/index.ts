/** Every repository over one executor, and transactions that hand out the same set. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { ApiKeyRepository } from './api-key-repository.js';
import { ArticleAdminRepository } from './article-admin-repository.js';
import { ArticleNoteRepository } from './article-note-repository.js';
import { ArticleRepository } from './article-repository.js';
import { CommentRepository } from './comment-repository.js';
import { ExportRepository } from './export-repository.js';
import { ImportJobRepository } from './import-job-repository.js';
import { ImportMapRepository } from './import-map-repository.js';
import { LockRepository } from './lock-repository.js';
import { PageRepository } from './page-repository.js';
import { LoginThrottleRepository } from './login-throttle-repository.js';
import { MediaRepository } from './media-repository.js';
import { RedirectRepository } from './redirect-repository.js';
import { RelatedRepository } from './related-repository.js';
import { createSearchIndex } from '../search/create-search-index.js';
import type { SearchIndex } from '../search/search-index.js';
import { CommitScope } from './commit-scope.js';
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
  /** Imports started from the admin. */
  importJobs: ImportJobRepository;
  /** Source item → local row, for imports. */
  importMap: ImportMapRepository;
  /** Jobs one process at a time may run (the scheduler's passes). */
  locks: LockRepository;
  loginThrottle: LoginThrottleRepository;
  media: MediaRepository;
  /** Standalone pages. */
  pages: PageRepository;
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
  /**
   * Runs `work` in one transaction with repositories bound to it; a transaction opened inside
   * another joins it. Resolves once the commit's follow-up work ({@link commitScope}) is done.
   */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /** Follow-up work of the transaction these repositories are bound to; undefined outside one. */
  readonly commitScope: CommitScope | undefined;
  /** Runs `work` on one consistent view of the database (exports): a repeatable-read transaction. */
  snapshot<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /**
   * Inside a transaction, runs `work` under a savepoint: when it throws, only its own writes are
   * undone and the transaction goes on (PostgreSQL would otherwise refuse every later statement).
   * Importers use it to skip one bad item of a batch.
   */
  attempt<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

let savepoints = 0;

async function underSavepoint<T>(db: Kysely<Database>, scope: CommitScope | undefined, work: (repos: Repositories) => Promise<T>): Promise<T> {
  if (!db.isTransaction) return createRepositories(db).transaction(work);
  if (scope === undefined) throw new Error('repositories bound to a transaction need its commit scope');
  // Names are plain identifiers made here, never from input.
  const name = sql.raw(`depeche_sp_${++savepoints}`);
  await sql`savepoint ${name}`.execute(db);
  try {
    // A rolled-back item may leave cache tags in the scope: an extra invalidation, never a missed one.
    const result = await work(createRepositories(db, scope));
    await sql`release savepoint ${name}`.execute(db);
    return result;
  } catch (error) {
    await sql`rollback to savepoint ${name}`.execute(db);
    await sql`release savepoint ${name}`.execute(db);
    throw error;
  }
}

/** Binds every repository to a Kysely handle (and, inside a transaction, to its commit scope). */
export function createRepositories(db: Kysely<Database>, scope?: CommitScope): Repositories {
  return {
    apiKeys: new ApiKeyRepository(db),
    articleAdmin: new ArticleAdminRepository(db),
    articleNotes: new ArticleNoteRepository(db),
    articles: new ArticleRepository(db),
    comments: new CommentRepository(db),
    exports: new ExportRepository(db),
    importJobs: new ImportJobRepository(db),
    importMap: new ImportMapRepository(db),
    locks: new LockRepository(db),
    loginThrottle: new LoginThrottleRepository(db),
    media: new MediaRepository(db),
    pages: new PageRepository(db),
    redirects: new RedirectRepository(db),
    related: new RelatedRepository(db),
    searchIndex: createSearchIndex(db),
    searchTerms: new SearchTermsRepository(db),
    revisions: new RevisionRepository(db),
    sessions: new SessionRepository(db),
    settings: new SettingsRepository(db),
    taxonomy: new TaxonomyRepository(db),
    users: new UserRepository(db),
    transaction: async (work) => {
      if (db.isTransaction) {
        // Follow-up work would be lost without the scope of the transaction that owns `db`.
        if (scope === undefined) throw new Error('repositories bound to a transaction need its commit scope');
        return work(createRepositories(db, scope));
      }
      const outer = new CommitScope();
      const result = await db.transaction().execute((trx) => work(createRepositories(trx, outer)));
      await outer.committed();
      return result;
    },
    commitScope: scope,
    // SQLite's transactions are snapshots already (WAL); PostgreSQL's need repeatable read.
    snapshot: async (work) => {
      if (db.isTransaction) return work(createRepositories(db, scope));
      const outer = new CommitScope();
      const result = await db.transaction().setIsolationLevel('repeatable read').execute((trx) => work(createRepositories(trx, outer)));
      await outer.committed();
      return result;
    },
    attempt: (work) => underSavepoint(db, scope, work),
  };
}

export type { ListingScope, ListingWindow } from './article-repository.js';
export { CommitScope } from './commit-scope.js';
