/**
 * Reads a parsed backup file: checks the format and version, the type of every field and
 * that every reference points at a record of the file, before anything is written. A
 * problem is reported with its path ("articles[3].categoryId: unknown category 12").
 */
import { ARTICLE_STATUSES } from '../article.js';
import { COMMENT_STATUSES } from '../comment.js';
import { validateDocument } from '../document/validate-document.js';
import { USER_ROLES } from '../user.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type BackupArticle,
  type BackupCategory,
  type BackupComment,
  type BackupCounts,
  type BackupMedia,
  type BackupPage,
  type BackupRedirect,
  type BackupTag,
  type BackupUser,
} from './backup-format.js';
import { FieldError, Fields, isJsonObject } from './json-fields.js';

/** Why a backup file cannot be restored. */
export class BackupProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupProblem';
  }
}

function user(f: Fields): BackupUser {
  return { id: f.integer('id'), email: f.string('email'), slug: f.string('slug'), name: f.string('name'), bio: f.string('bio'), role: f.oneOf('role', USER_ROLES), createdAt: instantText(f, 'createdAt') };
}

function category(f: Fields): BackupCategory {
  return {
    id: f.integer('id'),
    parentId: f.nullableInteger('parentId'),
    slug: f.string('slug'),
    name: f.string('name'),
    description: f.string('description'),
    position: f.integer('position'),
    inMenu: f.boolean('inMenu'),
    createdAt: instantText(f, 'createdAt'),
  };
}

function tag(f: Fields): BackupTag {
  return { id: f.integer('id'), slug: f.string('slug'), name: f.string('name'), createdAt: instantText(f, 'createdAt') };
}

function media(f: Fields): BackupMedia {
  return {
    id: f.integer('id'),
    path: relativePath(f, 'path'),
    mimeType: f.string('mimeType'),
    width: f.integer('width'),
    height: f.integer('height'),
    byteSize: f.integer('byteSize'),
    alt: f.string('alt'),
    caption: f.string('caption'),
    credit: f.string('credit'),
    variants: f.objects('variants', (v) => ({ path: relativePath(v, 'path'), width: v.integer('width'), height: v.integer('height'), format: v.string('format') })),
    uploadedBy: f.nullableInteger('uploadedBy'),
    createdAt: instantText(f, 'createdAt'),
    deletedAt: nullableInstantText(f, 'deletedAt'),
  };
}

/** A field holding a document (article or page body), checked against the document schema. */
function documentField(f: Fields, name: string): unknown {
  const value = f.present(name);
  try {
    validateDocument(value);
  } catch (error) {
    throw new FieldError(`${f.path}.${name}`, error instanceof Error ? error.message : String(error));
  }
  return value;
}

function article(f: Fields): BackupArticle {
  const body = documentField(f, 'body');
  return {
    id: f.integer('id'),
    translationGroup: f.string('translationGroup'),
    language: f.string('language'),
    slug: f.string('slug'),
    title: f.string('title'),
    dek: f.string('dek'),
    body,
    status: f.oneOf('status', ARTICLE_STATUSES),
    publishedAt: nullableInstantText(f, 'publishedAt'),
    contentUpdatedAt: nullableInstantText(f, 'contentUpdatedAt'),
    categoryId: f.integer('categoryId'),
    authorIds: f.integers('authorIds'),
    tagIds: f.integers('tagIds'),
    featuredMediaId: f.nullableInteger('featuredMediaId'),
    featuredCaption: f.nullableString('featuredCaption'),
    featuredCredit: f.nullableString('featuredCredit'),
    featuredAlt: f.nullableString('featuredAlt'),
    seoTitle: f.nullableString('seoTitle'),
    seoDescription: f.nullableString('seoDescription'),
    commentsOpen: f.boolean('commentsOpen'),
    createdAt: instantText(f, 'createdAt'),
    updatedAt: instantText(f, 'updatedAt'),
    notes: f.objects('notes', (n) => ({ kind: n.oneOf('kind', ['correction', 'update'] as const), text: n.string('text'), userId: n.nullableInteger('userId'), createdAt: instantText(n, 'createdAt') })),
    events: f.objects('events', (e) => ({ fromStatus: e.string('fromStatus'), toStatus: e.string('toStatus'), userId: e.nullableInteger('userId'), createdAt: instantText(e, 'createdAt') })),
    revisions: f.objects('revisions', (r) => {
      const revisionBody = r.present('body');
      return { title: r.string('title'), dek: r.string('dek'), body: revisionBody, note: r.string('note'), userId: r.nullableInteger('userId'), createdAt: instantText(r, 'createdAt') };
    }),
    related: f.objects('related', (r) => ({ articleId: r.integer('articleId'), kind: r.oneOf('kind', ['pin', 'exclude'] as const), position: r.integer('position') })),
  };
}

function page(f: Fields): BackupPage {
  const body = documentField(f, 'body');
  return {
    id: f.integer('id'),
    slug: f.string('slug'),
    title: f.string('title'),
    excerpt: f.string('excerpt'),
    body,
    status: f.oneOf('status', ARTICLE_STATUSES),
    publishedAt: nullableInstantText(f, 'publishedAt'),
    seoTitle: f.nullableString('seoTitle'),
    seoDescription: f.nullableString('seoDescription'),
    createdAt: instantText(f, 'createdAt'),
    updatedAt: instantText(f, 'updatedAt'),
  };
}

function comment(f: Fields): BackupComment {
  const previous = f.nullableString('previousStatus');
  if (previous !== null && !(COMMENT_STATUSES as readonly string[]).includes(previous)) throw new FieldError(`${f.path}.previousStatus`, `expected one of ${COMMENT_STATUSES.join(', ')} or null`);
  return {
    id: f.integer('id'),
    articleId: f.integer('articleId'),
    parentId: f.nullableInteger('parentId'),
    status: f.oneOf('status', COMMENT_STATUSES),
    previousStatus: previous,
    authorName: f.string('authorName'),
    authorEmail: f.string('authorEmail'),
    authorUrl: f.string('authorUrl'),
    body: f.string('body'),
    userId: f.nullableInteger('userId'),
    createdAt: instantText(f, 'createdAt'),
    updatedAt: instantText(f, 'updatedAt'),
    erasedAt: nullableInstantText(f, 'erasedAt'),
  };
}

function redirect(f: Fields): BackupRedirect {
  const from = f.string('from');
  const to = f.string('to');
  if (!from.startsWith('/')) throw new FieldError(`${f.path}.from`, 'expected a path starting with /');
  if (!to.startsWith('/') && !/^https?:\/\//.test(to)) throw new FieldError(`${f.path}.to`, 'expected a path or an http(s) URL');
  const status = f.integer('status');
  if (![301, 302, 307, 308].includes(status)) throw new FieldError(`${f.path}.status`, 'expected 301, 302, 307 or 308');
  return { from, to, status, createdAt: instantText(f, 'createdAt') };
}

function instantText(f: Fields, key: string): string {
  f.instant(key);
  return f.string(key);
}

function nullableInstantText(f: Fields, key: string): string | null {
  return f.nullableInstant(key) === null ? null : f.string(key);
}

/** A file path inside the media folder: relative, no "..", no backslashes. */
function relativePath(f: Fields, key: string): string {
  const path = f.string(key);
  if (path === '' || path.startsWith('/') || path.includes('\\') || path.split('/').some((part) => part === '..' || part === '') || /[\u0000-\u001f]/.test(path)) {
    throw new FieldError(`${f.path}.${key}`, `expected a path relative to the media folder (got "${path.slice(0, 80)}")`);
  }
  return path;
}

function uniqueIds(list: ReadonlyArray<{ id: number }>, kind: string): Set<number> {
  const ids = new Set<number>();
  for (const [i, item] of list.entries()) {
    if (ids.has(item.id)) throw new BackupProblem(`${kind}[${i}].id: ${item.id} appears twice`);
    ids.add(item.id);
  }
  return ids;
}

function uniqueValues(values: readonly string[], path: (i: number) => string, what: string): void {
  const seen = new Set<string>();
  for (const [i, value] of values.entries()) {
    if (seen.has(value)) throw new BackupProblem(`${path(i)}: the ${what} "${value}" appears twice`);
    seen.add(value);
  }
}

function checkReferences(backup: Backup): void {
  const users = uniqueIds(backup.users, 'users');
  const categories = uniqueIds(backup.categories, 'categories');
  const tags = uniqueIds(backup.tags, 'tags');
  const media = uniqueIds(backup.media, 'media');
  const articles = uniqueIds(backup.articles, 'articles');
  const comments = uniqueIds(backup.comments, 'comments');
  uniqueValues(backup.users.map((u) => u.email.trim().toLowerCase()), (i) => `users[${i}].email`, 'email');
  uniqueValues(backup.users.map((u) => u.slug), (i) => `users[${i}].slug`, 'slug');
  uniqueValues(backup.categories.map((c) => c.slug), (i) => `categories[${i}].slug`, 'slug');
  uniqueValues(backup.tags.map((t) => t.slug), (i) => `tags[${i}].slug`, 'slug');
  uniqueValues(backup.articles.map((a) => a.slug), (i) => `articles[${i}].slug`, 'slug');
  uniqueIds(backup.pages, 'pages');
  uniqueValues(backup.pages.map((p) => p.slug), (i) => `pages[${i}].slug`, 'slug');
  uniqueValues(backup.redirects.map((r) => r.from), (i) => `redirects[${i}].from`, 'path');
  const userRef = (id: number | null, path: string) => {
    if (id !== null && !users.has(id)) throw new BackupProblem(`${path}: unknown user ${id}`);
  };

  const parents = new Map(backup.categories.map((c) => [c.id, c.parentId]));
  for (const [i, c] of backup.categories.entries()) {
    if (c.parentId !== null && !categories.has(c.parentId)) throw new BackupProblem(`categories[${i}].parentId: unknown category ${c.parentId}`);
    // A loop of parents would never end: walk up at most as many steps as there are categories.
    let at: number | null = c.parentId;
    for (let steps = 0; at !== null; steps++) {
      if (at === c.id || steps > backup.categories.length) throw new BackupProblem(`categories[${i}].parentId: the category is its own ancestor`);
      at = parents.get(at) ?? null;
    }
  }
  for (const [i, m] of backup.media.entries()) userRef(m.uploadedBy, `media[${i}].uploadedBy`);
  for (const [i, a] of backup.articles.entries()) {
    const at = `articles[${i}]`;
    if (!categories.has(a.categoryId)) throw new BackupProblem(`${at}.categoryId: unknown category ${a.categoryId}`);
    if (a.authorIds.length === 0) throw new BackupProblem(`${at}.authorIds: an article needs at least one author`);
    for (const id of a.authorIds) userRef(id, `${at}.authorIds`);
    for (const id of a.tagIds) if (!tags.has(id)) throw new BackupProblem(`${at}.tagIds: unknown tag ${id}`);
    if (a.featuredMediaId !== null && !media.has(a.featuredMediaId)) throw new BackupProblem(`${at}.featuredMediaId: unknown media ${a.featuredMediaId}`);
    for (const [j, n] of a.notes.entries()) userRef(n.userId, `${at}.notes[${j}].userId`);
    for (const [j, e] of a.events.entries()) userRef(e.userId, `${at}.events[${j}].userId`);
    for (const [j, r] of a.revisions.entries()) userRef(r.userId, `${at}.revisions[${j}].userId`);
    for (const [j, r] of a.related.entries()) if (!articles.has(r.articleId)) throw new BackupProblem(`${at}.related[${j}].articleId: unknown article ${r.articleId}`);
  }
  const commentArticle = new Map(backup.comments.map((c) => [c.id, c.articleId]));
  for (const [i, c] of backup.comments.entries()) {
    if (!articles.has(c.articleId)) throw new BackupProblem(`comments[${i}].articleId: unknown article ${c.articleId}`);
    if (c.parentId !== null) {
      if (!comments.has(c.parentId)) throw new BackupProblem(`comments[${i}].parentId: unknown comment ${c.parentId}`);
      if (commentArticle.get(c.parentId) !== c.articleId) throw new BackupProblem(`comments[${i}].parentId: the comment answered belongs to another article`);
    }
    userRef(c.userId, `comments[${i}].userId`);
  }
}

/**
 * Checks a parsed backup file and returns it typed; throws {@link BackupProblem} naming the
 * first problem found (nothing is written before this passes).
 */
export function readBackup(json: unknown): Backup {
  if (!isJsonObject(json) || json.format !== BACKUP_FORMAT) throw new BackupProblem(`this is not a Dépêche backup (no "format": "${BACKUP_FORMAT}" field)`);
  try {
    const f = new Fields(json, '');
    const version = f.integer('version');
    if (version > BACKUP_VERSION) throw new BackupProblem(`this backup has version ${version}, made by a newer Dépêche; this one reads versions up to ${BACKUP_VERSION}`);
    if (version < 1) throw new BackupProblem(`unknown backup version ${version}`);
    const site = f.object('site');
    const countFields = f.object('counts');
    const counts: BackupCounts = {
      settings: countFields.integer('settings'),
      users: countFields.integer('users'),
      categories: countFields.integer('categories'),
      tags: countFields.integer('tags'),
      media: countFields.integer('media'),
      articles: countFields.integer('articles'),
      pages: countFields.integer('pages'),
      comments: countFields.integer('comments'),
      redirects: countFields.integer('redirects'),
    };
    const backup: Backup = {
      format: BACKUP_FORMAT,
      version,
      exportedAt: instantText(f, 'exportedAt'),
      generator: f.string('generator'),
      site: { url: site.string('url'), name: site.string('name'), language: site.string('language') },
      counts,
      settings: f.objects('settings', (s) => ({ key: s.string('key'), value: s.present('value') })),
      users: f.objects('users', user),
      categories: f.objects('categories', category),
      tags: f.objects('tags', tag),
      media: f.objects('media', media),
      articles: f.objects('articles', article),
      pages: f.objects('pages', page),
      comments: f.objects('comments', comment),
      redirects: f.objects('redirects', redirect),
    };
    // The counts are written first: a file cut short after a list still disagrees with them.
    for (const key of Object.keys(counts) as Array<keyof BackupCounts>) {
      if (backup[key].length !== counts[key]) throw new BackupProblem(`counts.${key} says ${counts[key]} but the file holds ${backup[key].length}: the file is incomplete or was edited`);
    }
    checkReferences(backup);
    return backup;
  } catch (error) {
    if (error instanceof FieldError) throw new BackupProblem(error.message);
    throw error;
  }
}
