/**
 * Row types of the database, shared by SQLite and PostgreSQL. Instants are stored as
 * milliseconds since the epoch (integer/bigint) so both dialects compare and order them
 * the same way; booleans are 0/1 integers for the same reason.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A staff member: writer, editor, administrator; also the people in bylines. */
export interface UsersTable {
  id: Generated<number>;
  email: string;
  slug: string;
  display_name: string;
  bio: string;
  role: string;
  password_hash: string | null;
  created_at: number;
  updated_at: number;
}

/** A node of the category tree. */
export interface CategoriesTable {
  id: Generated<number>;
  parent_id: number | null;
  slug: string;
  name: string;
  description: string;
  position: number;
  in_menu: number;
  created_at: number;
}

/** A tag. */
export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: number;
}

/** An image of the media library, with its renditions. */
export interface MediaTable {
  id: Generated<number>;
  /** Path of the original under the media directory. */
  storage_key: string;
  mime_type: string;
  width: number;
  height: number;
  byte_size: number;
  alt: string;
  caption: string;
  credit: string;
  /** JSON list of renditions: [{ key, width, height, format }]. */
  variants: string;
  created_at: number;
  /** Who uploaded it (null: the demo, importers). */
  uploaded_by: number | null;
  /** When it was removed from the library (files are kept: published pages may still show them). */
  deleted_at: number | null;
}

/** An article; `status` and `published_at` are copied into the join tables for ordered listings. */
export interface ArticlesTable {
  id: Generated<number>;
  /** Groups translations of one story; an article alone has its own group. */
  translation_group: string;
  language: string;
  slug: string;
  title: string;
  dek: string;
  /** The structured body (JSON). */
  body: string;
  /** The body rendered at write time. */
  body_html: string;
  status: string;
  published_at: number | null;
  /** Last edit after publication ("Mis à jour le …"), null if none. */
  content_updated_at: number | null;
  primary_category_id: number;
  featured_media_id: number | null;
  /** Per-article overrides of the featured image's caption/credit/alt (null: the media's). */
  featured_caption: string | null;
  featured_credit: string | null;
  featured_alt: string | null;
  seo_title: string | null;
  seo_description: string | null;
  comments_open: number;
  created_at: number;
  updated_at: number;
}

/** Ordered bylines. */
export interface ArticleAuthorsTable {
  article_id: number;
  user_id: number;
  position: number;
  status: string;
  published_at: number | null;
}

/** Tags of an article. */
export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
  position: number;
  status: string;
  published_at: number | null;
}

/** An article listed under its primary category and each ancestor of it. */
export interface ArticleCategoriesTable {
  article_id: number;
  category_id: number;
  is_primary: number;
  status: string;
  published_at: number | null;
}

/** A reader comment; threads through `parent_id`. */
export interface CommentsTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  status: string;
  author_name: string;
  author_email: string;
  author_url: string;
  body: string;
  /** Keyed hash of the poster's IP address (never the address itself). */
  ip_hash: string | null;
  user_agent: string | null;
  created_at: number;
  updated_at: number;
  /** Status before it went to spam or trash, where "restore" sends it back. */
  previous_status: ColumnType<string | null, string | null | undefined, string | null>;
  /** The staff member who wrote it (a reply from the newsroom), if any. */
  user_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** Hash of the poster's commenter cookie: lets them see their own pending comment. */
  author_token_hash: ColumnType<string | null, string | null | undefined, string | null>;
  /** Hash of the normalised text, for duplicate detection. */
  body_hash: ColumnType<string | null, string | null | undefined, string | null>;
  /** Unique per (article, email, text) of public posts: a replay is stored once. */
  dedupe_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the commenter's data was erased (GDPR); the row keeps its place in the thread. */
  erased_at: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A saved state of an article. */
export interface RevisionsTable {
  id: Generated<number>;
  article_id: number;
  user_id: number | null;
  title: string;
  dek: string;
  body: string;
  note: string;
  created_at: number;
}

/** An old path that answers with a redirect. */
export interface RedirectsTable {
  id: Generated<number>;
  from_path: string;
  to_path: string;
  status_code: number;
  created_at: number;
}

/** Site settings, one JSON value per key. */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: ColumnType<number, number, number>;
}

/** A logged-in staff session; the id is known only by its SHA-256. */
export interface SessionsTable {
  id_hash: string;
  user_id: number;
  csrf_secret: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

/** Failed login counters per account and per IP. */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  locked_until: number;
  updated_at: number;
}

/** A revocable key for scripts; only its SHA-256 is stored. */
export interface ApiKeysTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  prefix: string;
  key_hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** A one-time password reset token (hashed). */
export interface PasswordResetTokensTable {
  token_hash: string;
  user_id: number;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** A public correction or update note on a published article. */
export interface ArticleNotesTable {
  id: Generated<number>;
  article_id: number;
  user_id: number | null;
  kind: string;
  text: string;
  created_at: number;
}

/** One status change of an article. */
export interface ArticleEventsTable {
  id: Generated<number>;
  article_id: number;
  user_id: number | null;
  from_status: string;
  to_status: string;
  created_at: number;
}

/**
 * An article as the search index holds it (only published articles are here). The terms
 * themselves live in the engine: SQLite's `search_fts` table, PostgreSQL's `vector` column.
 */
export interface SearchDocumentsTable {
  article_id: number;
  published_at: number;
  /** Number of indexed terms (BM25 document length). */
  length: number;
  /** Distinct "form term" pairs of the article, one per line (vocabulary bookkeeping). */
  forms: string;
  indexed_at: number;
}

/** The vocabulary: each written form (folded) seen in the index, with its term (stem). */
export interface SearchTermsTable {
  form: string;
  term: string;
  /** First two letters (typo candidates). */
  head: string;
  /** Last three letters (typo candidates when the slip is at the start). */
  tail: string;
  length: number;
  /** In how many indexed articles the form appears with this term. */
  doc_count: number;
}

/** "Vous aimerez aussi", computed when an article is published or edited. */
export interface RelatedArticlesTable {
  article_id: number;
  related_id: number;
  position: number;
  score: number;
  computed_at: number;
}

/** Editors' pins and exclusions of related articles. */
export interface RelatedOverridesTable {
  article_id: number;
  related_id: number;
  /** "pin" or "exclude". */
  kind: string;
  position: number;
  created_at: number;
}

/** Which local row an item of an imported source became (re-imports update, never duplicate). */
export interface ImportMapTable {
  /** The source: "wordpress:example.com" (one WordPress site), "ghost"… */
  source: string;
  /** What the item is in the source: author, category, tag, attachment, post, comment. */
  kind: string;
  source_id: string;
  /** The local row (null: kept outside, e.g. an image left at its original URL). */
  local_id: number | null;
  /** Hash of the item as last imported: unchanged items are skipped. */
  content_hash: string;
  /** JSON facts about the item the import needs later (an external image's URL, a post's local table). */
  detail: string | null;
  updated_at: number;
}

/** A standalone page (À propos, Mentions légales…), served at /{slug}; not an article. */
export interface PagesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  excerpt: string;
  /** The structured body (JSON), the same schema as articles. */
  body: string;
  body_html: string;
  status: string;
  published_at: number | null;
  seo_title: string | null;
  seo_description: string | null;
  created_at: number;
  updated_at: number;
}

/** An import started from the admin: its progress, then its report. */
export interface ImportJobsTable {
  id: Generated<number>;
  /** wordpress, ghost or depeche-backup. */
  kind: string;
  file_name: string;
  dry_run: number;
  /** running, done or failed. */
  status: string;
  phase: string;
  done: number;
  total: number;
  /** The report (JSON) once done. */
  report: string | null;
  /** Why it failed (French, for the administrator). */
  error: string | null;
  created_by: number | null;
  created_at: number;
  /** Last progress written: a running job not updated for long has died with its process. */
  updated_at: number;
}

/** The whole database as Kysely sees it. */
export interface Database {
  users: UsersTable;
  categories: CategoriesTable;
  tags: TagsTable;
  media: MediaTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  article_categories: ArticleCategoriesTable;
  comments: CommentsTable;
  revisions: RevisionsTable;
  redirects: RedirectsTable;
  settings: SettingsTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  api_keys: ApiKeysTable;
  password_reset_tokens: PasswordResetTokensTable;
  article_notes: ArticleNotesTable;
  article_events: ArticleEventsTable;
  search_documents: SearchDocumentsTable;
  search_terms: SearchTermsTable;
  related_articles: RelatedArticlesTable;
  related_overrides: RelatedOverridesTable;
  import_map: ImportMapTable;
  pages: PagesTable;
  import_jobs: ImportJobsTable;
}

export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
export type ArticleRowPatch = Updateable<ArticlesTable>;
export type UserRow = Selectable<UsersTable>;
export type CategoryRow = Selectable<CategoriesTable>;
export type TagRow = Selectable<TagsTable>;
export type MediaRow = Selectable<MediaTable>;
export type CommentRow = Selectable<CommentsTable>;
export type RedirectRow = Selectable<RedirectsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type ArticleNoteRow = Selectable<ArticleNotesTable>;
export type RevisionRow = Selectable<RevisionsTable>;
export type ImportMapRow = Selectable<ImportMapTable>;
export type PageRow = Selectable<PagesTable>;
export type ImportJobRow = Selectable<ImportJobsTable>;
