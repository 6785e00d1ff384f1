/**
 * The Dépêche backup format ("depeche-backup", version 1): one JSON document holding a whole
 * site, written by `depeche export json` and read by `depeche import json`. Ids are the
 * exporting site's; they only tie records together inside the file (restore gives new ids).
 * Instants are ISO 8601 strings in UTC with milliseconds. Never in a backup: password hashes,
 * sessions, API keys, reset tokens, the server secret, IP hashes and commenter cookies.
 * Documented in docs/backup-format.md.
 */

/** The `format` field of every backup. */
export const BACKUP_FORMAT = 'depeche-backup';

/** The version this code writes and the newest it reads. */
export const BACKUP_VERSION = 1;

/** A staff account (no password: restored accounts cannot log in until reset). */
export interface BackupUser {
  id: number;
  email: string;
  slug: string;
  name: string;
  bio: string;
  role: string;
  createdAt: string;
}

/** A node of the category tree (parents come before their children). */
export interface BackupCategory {
  id: number;
  parentId: number | null;
  slug: string;
  name: string;
  description: string;
  position: number;
  inMenu: boolean;
  createdAt: string;
}

/** A tag. */
export interface BackupTag {
  id: number;
  slug: string;
  name: string;
  createdAt: string;
}

/** One stored rendition of an image, by path relative to the media folder. */
export interface BackupMediaFile {
  path: string;
  width: number;
  height: number;
  format: string;
}

/** A media library item; its files are paths relative to the media folder. */
export interface BackupMedia {
  id: number;
  /** The original's path relative to the media folder. */
  path: string;
  mimeType: string;
  width: number;
  height: number;
  byteSize: number;
  alt: string;
  caption: string;
  credit: string;
  variants: BackupMediaFile[];
  uploadedBy: number | null;
  createdAt: string;
  deletedAt: string | null;
}

/** A public correction or update note. */
export interface BackupNote {
  kind: 'correction' | 'update';
  text: string;
  userId: number | null;
  createdAt: string;
}

/** One status change of the workflow log. */
export interface BackupEvent {
  fromStatus: string;
  toStatus: string;
  userId: number | null;
  createdAt: string;
}

/** A saved state of an article (oldest first in the file). */
export interface BackupRevision {
  title: string;
  dek: string;
  /** The document JSON value. */
  body: unknown;
  note: string;
  userId: number | null;
  createdAt: string;
}

/** An editor's pin or exclusion of a related article. */
export interface BackupRelatedOverride {
  articleId: number;
  kind: 'pin' | 'exclude';
  position: number;
}

/** An article with everything that belongs to it alone. */
export interface BackupArticle {
  id: number;
  translationGroup: string;
  language: string;
  slug: string;
  title: string;
  dek: string;
  /** The structured body (document JSON value, see src/domain/document/document.ts). */
  body: unknown;
  status: string;
  publishedAt: string | null;
  contentUpdatedAt: string | null;
  categoryId: number;
  /** Bylines in order. */
  authorIds: number[];
  /** Tags in order. */
  tagIds: number[];
  featuredMediaId: number | null;
  featuredCaption: string | null;
  featuredCredit: string | null;
  featuredAlt: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  commentsOpen: boolean;
  createdAt: string;
  updatedAt: string;
  notes: BackupNote[];
  events: BackupEvent[];
  revisions: BackupRevision[];
  related: BackupRelatedOverride[];
}

/** A standalone page (À propos…), outside listings. */
export interface BackupPage {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  body: unknown;
  status: string;
  publishedAt: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A reader comment (or a staff reply); parents come before their replies. */
export interface BackupComment {
  id: number;
  articleId: number;
  parentId: number | null;
  status: string;
  /** Where "restore" sends a comment out of spam or trash. */
  previousStatus: string | null;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  body: string;
  /** The staff member who wrote it. */
  userId: number | null;
  createdAt: string;
  updatedAt: string;
  /** When the commenter's data was erased (the comment keeps its place in the thread). */
  erasedAt: string | null;
}

/** An old path answering with a redirect. */
export interface BackupRedirect {
  from: string;
  to: string;
  status: number;
  createdAt: string;
}

/** A site setting (never a secret). */
export interface BackupSetting {
  key: string;
  value: unknown;
}

/** How many records of each kind the file holds (written first, checked on restore). */
export interface BackupCounts {
  settings: number;
  users: number;
  categories: number;
  tags: number;
  media: number;
  articles: number;
  pages: number;
  comments: number;
  redirects: number;
}

/** A whole backup, in the order of its fields in the file. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  generator: string;
  site: { url: string; name: string; language: string };
  counts: BackupCounts;
  settings: BackupSetting[];
  users: BackupUser[];
  categories: BackupCategory[];
  tags: BackupTag[];
  media: BackupMedia[];
  articles: BackupArticle[];
  pages: BackupPage[];
  comments: BackupComment[];
  redirects: BackupRedirect[];
}

/** Settings never written to a backup: the server secret and anything else under "security.". */
export function isSecretSetting(key: string): boolean {
  return key.startsWith('security.');
}

/** An instant as the backup writes it. */
export function backupInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** An optional instant as the backup writes it. */
export function backupOptionalInstant(ms: number | null): string | null {
  return ms === null ? null : backupInstant(ms);
}
