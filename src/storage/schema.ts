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
  ip_hash: string | null;
  user_agent: string | null;
  created_at: number;
  updated_at: number;
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
  search_documents: SearchDocumentsTable;
  search_terms: SearchTermsTable;
  related_articles: RelatedArticlesTable;
  related_overrides: RelatedOverridesTable;
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
