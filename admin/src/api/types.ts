/** Shapes of the Admin JSON API (docs/admin-api.md), as the admin app reads and sends them. */
import type { ArticleDocument } from '../../../src/domain/document/document.js';

/** The body schema is the server's own (pure domain types, shared rather than copied). */
export type { BlockNode, InlineNode, ListItemNode, Mark } from '../../../src/domain/document/document.js';
/** An article body, as the server stores it. */
export type { ArticleDocument };

/** Staff roles, most powerful first. */
export type Role = 'administrator' | 'editor' | 'author' | 'contributor';

/** Workflow statuses of an article. */
export type ArticleStatus = 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished' | 'trash';

/** Statuses an article can be moved to. */
export type TransitionTarget = 'review' | 'published' | 'scheduled' | 'unpublished' | 'draft';

/** The logged-in user. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  slug: string;
  role: Role;
}

/** Answer of the session endpoints. */
export interface Session {
  user: SessionUser;
  csrfToken: string;
}

/** A page of a paginated listing. */
export interface Paged<T> {
  items: T[];
  page: number;
  hasNext: boolean;
}

/** A name in a byline. */
export interface AuthorRef {
  id: number;
  name: string;
}

/** A line of the article list. */
export interface ArticleSummary {
  id: number;
  title: string;
  slug: string;
  status: ArticleStatus;
  categoryId: number;
  authors: AuthorRef[];
  publishedAt: string | null;
  scheduledAt: string | null;
  updatedAt: string;
  url: string | null;
}

/** What the editor sends when it saves. */
export interface ArticleInput {
  title: string;
  slug?: string;
  dek: string;
  body: ArticleDocument;
  categoryId: number;
  authorIds: number[];
  tags: string[];
  featuredMediaId: number | null;
  featuredCaption: string | null;
  featuredAlt: string | null;
  featuredCredit: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  commentsOpen?: boolean;
}

/** A correction or update note shown under a published article. */
export interface ArticleNote {
  id: number;
  kind: 'correction' | 'update';
  text: string;
  createdAt: string;
}

/** An article as the editor loads it. */
export interface Article extends Omit<ArticleInput, 'slug'> {
  id: number;
  slug: string;
  status: ArticleStatus;
  publishedAt: string | null;
  scheduledAt: string | null;
  createdAt: string;
  updatedAt: string;
  url: string | null;
  authors: AuthorRef[];
  notes: ArticleNote[];
  /** The featured image, when the server sends it along (else looked up in the library). */
  featuredMedia?: Media | null;
}

/** A line of an article's history. */
export interface RevisionSummary {
  id: number;
  createdAt: string;
  userName: string | null;
  note: string | null;
}

/** What changed between two revisions. */
export interface RevisionDiff {
  changes: { field: string; before: string | null; after: string | null }[];
  bodyDiff: { op: 'equal' | 'insert' | 'delete'; text: string }[];
}

/** A category of the site. */
export interface Category {
  id: number;
  name: string;
  slug: string;
  parentId: number | null;
  description: string | null;
  position: number;
}

/** A tag. */
export interface Tag {
  id: number;
  name: string;
  slug: string;
}

/** Someone who can sign an article. */
export interface Author {
  id: number;
  name: string;
  slug: string;
}

/** A staff account, as administrators manage it. */
export interface User {
  id: number;
  email: string;
  name: string;
  slug: string;
  role: Role;
  bio: string | null;
}

/** An image of the media library. */
export interface Media {
  id: number;
  url: string;
  width: number | null;
  height: number | null;
  alt: string | null;
  caption: string | null;
  credit: string | null;
  mimeType: string;
  variants: { url: string; width: number; height: number; format: string }[];
  /** On upload: the same image was already in the library (its empty texts took the ones sent). */
  duplicate?: boolean;
}

/** Moderation statuses of a reader comment. */
export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash';

/** A reader comment, for moderation. */
export interface Comment {
  id: number;
  articleId: number;
  articleTitle: string;
  authorName: string;
  authorEmail: string | null;
  authorUrl: string;
  body: string;
  status: CommentStatus;
  /** A reply from the newsroom. */
  byStaff: boolean;
  createdAt: string;
  parentId: number | null;
}

/** Moderation actions (WordPress semantics; restore brings spam and trash back where they were). */
export type ModerationAction = 'approve' | 'unapprove' | 'spam' | 'trash' | 'restore';

/** What a bulk action did, id by id. */
export interface BulkResult {
  done: { id: number; status: CommentStatus }[];
  failed: { id: number; code: string; message: string }[];
}

/** Changes to a comment's text or author details. */
export interface CommentEdit {
  body?: string;
  authorName?: string;
  authorUrl?: string;
}

/** Pending comments: everywhere (moderators; null for others) and on the user's own articles. */
export interface PendingCount {
  total: number | null;
  mine: number;
}

/** Site settings administrators change. */
export interface Settings {
  siteName: string;
  siteDescription: string;
  /** URL template called with stale cache tags ({tags} or {tag}); empty: none. */
  purgeWebhookUrl: string;
}

/** The kinds of files the admin imports. */
export type ImportKind = 'wordpress' | 'ghost' | 'depeche-backup';

/** An import started from the admin. */
export interface ImportJob {
  id: number;
  kind: ImportKind;
  fileName: string;
  dryRun: boolean;
  status: 'running' | 'done' | 'failed';
  phase: string;
  done: number;
  total: number;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Counters of one type in an import report. */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/** What an import did. */
export interface ImportReport {
  source: string;
  dryRun: boolean;
  counts: Record<string, ImportCounts>;
  warnings: Array<{ kind: string; sourceId: string; message: string }>;
  warningsOmitted: number;
  externalMedia: Array<{ sourceId: string; url: string }>;
  durationMs: number;
}
