/**
 * The source-neutral records every importer reader yields (WordPress WXR, Ghost JSON, a
 * Dépêche backup…). A reader turns its format into these; the one writer
 * (`import-service.ts`) turns them into users, categories, tags, media, articles, pages,
 * comments and redirects through the services. Records are plain data (hashable), streamed
 * as an `AsyncIterable`, so a reader never has to hold the whole source in memory.
 *
 * Ids are the source's own, as strings; a record may refer to another by its source id
 * even when that one comes later in the stream (the writer resolves forward references at
 * the end). Instants are milliseconds since the epoch, UTC.
 */
import type { ArticleDocument } from '../../domain/document/document.js';
import type { UserRole } from '../../domain/user.js';

/** A person who signs posts: becomes a byline user without a password (cannot log in). */
export interface ImportAuthor {
  type: 'author';
  sourceId: string;
  /** Login name in the source, used for the slug when there is no better one. */
  login: string;
  /** May be missing or invalid in real exports: the writer then makes a placeholder. */
  email: string | null;
  displayName: string;
  bio?: string;
  /** Mapped by the reader from the source's roles; `author` when the source has none. */
  role?: UserRole;
}

/** A category (a tree, by parent source id) or a tag. */
export interface ImportTerm {
  type: 'term';
  taxonomy: 'category' | 'tag';
  sourceId: string;
  /** The source's slug (may be percent-encoded or not a valid Dépêche slug: the writer normalises it). */
  slug: string;
  name: string;
  description?: string;
  /** Categories only: the parent category's source id. */
  parentSourceId?: string | null;
}

/** An image (or other file) of the source's media library. */
export interface ImportAttachment {
  type: 'attachment';
  sourceId: string;
  /** Where the file lives on the old site (absolute URL). */
  url: string;
  alt: string;
  caption: string;
  title: string;
  /** The post it was uploaded to, if any. */
  parentSourceId: string | null;
}

/** Where a post stands. `private` is kept but hidden from readers; `trash` stays in the trash. */
export type ImportPostStatus = 'published' | 'draft' | 'review' | 'scheduled' | 'private' | 'trash';

/** The body of a post: HTML (converted by the writer) or a document already in Dépêche's schema. */
export type ImportContent = { format: 'html'; html: string } | { format: 'document'; document: ArticleDocument };

/**
 * A post: an article, or a standalone page (À propos…). HTML content may use
 * `<img data-attachment-id="ID">` (and `data-gallery`) to point at attachments by source id:
 * the writer puts in their URL, alt text and caption.
 */
export interface ImportPost {
  type: 'post';
  kind: 'article' | 'page';
  sourceId: string;
  title: string;
  slug: string;
  status: ImportPostStatus;
  /** Publication instant (UTC); null for drafts that never had one. */
  publishedAt: number | null;
  /** Bylines in order, by author source id. */
  authorSourceIds: string[];
  /** The first is the primary category. */
  categorySourceIds: string[];
  tagSourceIds: string[];
  excerpt: string;
  content: ImportContent;
  featuredImageSourceId: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  /** Old addresses (absolute URLs or site paths) that must answer 301 to the new one. */
  oldUrls: string[];
  commentsOpen: boolean;
}

/** A reader comment, threaded by the parent's source id. */
export interface ImportComment {
  type: 'comment';
  sourceId: string;
  postSourceId: string;
  parentSourceId: string | null;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  /** Text or simple HTML (tags are removed, paragraphs and line breaks kept). */
  body: string;
  createdAt: number;
  status: 'approved' | 'pending' | 'spam' | 'trash';
  /** "comment" is imported; anything else (pingback, trackback…) is skipped and reported (Dépêche has no such notion). */
  commentType: string;
}

/** Something the reader noticed and did not turn into a record (an item type it skips, a repaired file). */
export interface ImportNotice {
  type: 'notice';
  /** What the item is in the source (e.g. "nav_menu_item"), or "file". */
  sourceKind: string;
  sourceId: string;
  reason: string;
  /** Whether an item was skipped (counted under `skipped`), or only warned about. */
  skipped: boolean;
}

/** Anything a reader yields. */
export type ImportRecord = ImportAuthor | ImportTerm | ImportAttachment | ImportPost | ImportComment | ImportNotice;

/** A source being imported. */
export interface ImportReader {
  /**
   * The source, part of every mapping key: "wordpress:example.com", "ghost"… Read after
   * `validate()` (a reader may learn it from the input).
   */
  readonly source: string;
  /**
   * Checks the whole input before anything is written (well-formedness, version): throws a
   * DepecheError (DEPECHE_IMPORT_REFUSED) for an input that must be refused.
   */
  validate(): Promise<void>;
  /** The records, streamed. Attachments should come before the posts that show them. */
  records(): AsyncIterable<ImportRecord>;
  /** The old site's address, for relative links and images in content; null if unknown. */
  readonly baseUrl: string | null;
}

/** The counters of one record type in a report. */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/** One thing the report tells about an item. */
export interface ImportWarning {
  /** What the item is: post, page, comment, attachment, author, category, tag, or the source's own kind. */
  kind: string;
  sourceId: string;
  message: string;
}

/** What an import did. */
export interface ImportReport {
  source: string;
  dryRun: boolean;
  counts: Record<'authors' | 'categories' | 'tags' | 'attachments' | 'articles' | 'pages' | 'comments' | 'redirects' | 'other', ImportCounts>;
  /** The warnings, up to a bound (see `warningsOmitted`): a huge import must not fill memory with them. */
  warnings: ImportWarning[];
  /** Warnings past the bound, counted but not kept. */
  warningsOmitted: number;
  /** Images left at their original URL (no local file), with the posts that show them. */
  externalMedia: Array<{ sourceId: string; url: string }>;
  /** Wall time, milliseconds. */
  durationMs: number;
  /** Published articles whose related lists were left to `depeche reindex` (a large import); absent when computed. */
  relatedDeferred?: number;
}

/** An empty counter set. */
export function emptyCounts(): ImportCounts {
  return { created: 0, updated: 0, unchanged: 0, skipped: 0 };
}
