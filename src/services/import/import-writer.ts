/**
 * Writes one import record through the services, inside the batch's transaction: finds the
 * item's mapping, skips it when unchanged, updates it when it changed, creates it otherwise.
 * References to items not seen yet (a parent category, a featured image, a parent comment)
 * are noted and resolved by {@link ImportWriter.resolvePending} at the end.
 */
import { createHash } from 'node:crypto';
import type { ArticleStatus } from '../../domain/article.js';
import { RESERVED_CATEGORY_SLUGS } from '../../domain/category.js';
import type { ArticleDocument } from '../../domain/document/document.js';
import { htmlToDocument, type ImageRef } from '../../domain/import/html-to-document.js';
import { clip, htmlToText, importSlug, oldPath, pathVariants } from '../../domain/import/import-text.js';
import type { Actor } from '../../domain/policies.js';
import { isSlug } from '../../domain/slug.js';
import { articlePath } from '../../domain/urls.js';
import { isEmail } from '../../domain/user.js';
import { DepecheError } from '../../errors.js';
import { normaliseWebsite } from '../../domain/comment-text.js';
import { ArticleService } from '../article-service.js';
import { CommentService } from '../comment-service.js';
import type { ServiceContext } from '../context.js';
import { MediaService } from '../media-service.js';
import { PageService, pagePath } from '../page-service.js';
import { TaxonomyService } from '../taxonomy-service.js';
import { UserService } from '../user-service.js';
import type { ImportAttachment, ImportAuthor, ImportComment, ImportPost, ImportRecord, ImportTerm } from './import-model.js';
import type { DeferredTerms } from '../search/deferred-terms.js';
import type { CountedType, ImportReportBuilder } from './import-report.js';

/** References resolved once every record was written. */
export interface PendingLinks {
  categoryParents: Array<{ categoryId: number; parentSourceId: string; sourceId: string }>;
  featuredImages: Array<{ articleId: number; attachmentSourceId: string; sourceId: string }>;
  commentParents: Array<{ commentId: number; parentSourceId: string; sourceId: string }>;
  /** Published articles written, whose related lists are computed at the end. */
  publishedArticles: number[];
}

/** A file found for an attachment, or why it could not be read. */
export type LocalFile = { bytes: Buffer; filename: string } | { error: string } | undefined;

/** What a writer works with. */
export interface WriterDeps {
  ctx: ServiceContext;
  source: string;
  baseUrl: string | null;
  dryRun: boolean;
  report: ImportReportBuilder;
  pending: PendingLinks;
  readFile: (url: string) => Promise<LocalFile>;
  /** Vocabulary additions held for the batch (an item's are kept or dropped with its savepoint). */
  terms?: DeferredTerms;
}

/** An item the writer refuses (reported with its id and skipped). */
export class ItemError extends Error {}

/** A short stable hash of a record, to tell unchanged items. */
export function recordHash(record: unknown): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('hex').slice(0, 32);
}

/** What an attachment's mapping remembers. */
interface AttachmentDetail {
  url: string;
  alt: string;
  caption: string;
  mediaId: number | null;
}

/** What a post's mapping remembers. */
interface PostDetail {
  table: 'article' | 'page';
}

/** The importer acts with an administrator's rights on taxonomy (it is run by the site's operator). */
const IMPORT_ACTOR: Actor = { id: 0, role: 'administrator' };
/** Email of commenters who left none (the schema wants one; `.invalid` can never be delivered). */
const ANONYMOUS_EMAIL = 'anonyme@commentaires.invalid';
const STATUS: Record<ImportPost['status'], ArticleStatus> = { published: 'published', draft: 'draft', review: 'review', scheduled: 'scheduled', private: 'unpublished', trash: 'trash' };

function parseDetail<T>(detail: string | null): T | undefined {
  if (detail === null) return undefined;
  try {
    return JSON.parse(detail) as T;
  } catch {
    return undefined;
  }
}

/** Writes records of one source through the services. */
export class ImportWriter {
  private readonly articles: ArticleService;
  private readonly pages: PageService;
  private readonly taxonomy: TaxonomyService;
  private readonly users: UserService;
  private readonly comments: CommentService;
  private readonly media: MediaService;
  private fallbackAuthor: number | undefined;
  private fallbackCategory: number | undefined;
  /** Category slugs by id, read once per batch (every post needs its category's); reset by category writes. */
  private categorySlugs: Map<number, string> | null = null;

  constructor(private readonly deps: WriterDeps) {
    this.articles = new ArticleService(deps.ctx);
    this.pages = new PageService(deps.ctx);
    this.taxonomy = new TaxonomyService(deps.ctx);
    this.users = new UserService(deps.ctx);
    this.comments = new CommentService(deps.ctx);
    this.media = new MediaService(deps.ctx);
  }

  private get repos() {
    return this.deps.ctx.repos;
  }

  private get report() {
    return this.deps.report;
  }

  private key(kind: string, sourceId: string) {
    return { source: this.deps.source, kind, sourceId };
  }

  private now(): number {
    return this.deps.ctx.clock.now();
  }

  /** Writes one record. Throws (DepecheError, ItemError) to have it skipped and reported. */
  async write(record: ImportRecord): Promise<void> {
    switch (record.type) {
      case 'author':
        return this.author(record);
      case 'term':
        return record.taxonomy === 'category' ? this.category(record) : this.tag(record);
      case 'attachment':
        return this.attachment(record);
      case 'post':
        return this.post(record);
      case 'comment':
        return this.comment(record);
      case 'notice':
        if (record.skipped) this.report.count('other', 'skipped');
        this.report.warn(record.sourceKind, record.sourceId, record.reason);
        return;
    }
  }

  /** Counts and reports a record that could not be written. */
  skipped(record: ImportRecord, message: string): void {
    const [type, kind] = this.describe(record);
    this.report.count(type, 'skipped');
    this.report.warn(kind, record.sourceId, `skipped: ${message}`);
  }

  private describe(record: ImportRecord): [CountedType, string] {
    switch (record.type) {
      case 'author':
        return ['authors', 'author'];
      case 'term':
        return record.taxonomy === 'category' ? ['categories', 'category'] : ['tags', 'tag'];
      case 'attachment':
        return ['attachments', 'attachment'];
      case 'post':
        return record.kind === 'page' ? ['pages', 'page'] : ['articles', 'post'];
      case 'comment':
        return ['comments', 'comment'];
      case 'notice':
        return ['other', record.sourceKind];
    }
  }

  // ——— authors ———

  private async author(record: ImportAuthor): Promise<void> {
    const key = this.key('author', record.sourceId);
    const hash = recordHash(record);
    const mapped = await this.repos.importMap.find(key);
    if (mapped && mapped.content_hash === hash && mapped.local_id !== null) return this.report.count('authors', 'unchanged');
    const name = clip((record.displayName.trim() || record.login.trim() || `Auteur ${record.sourceId}`).replace(/\s+/g, ' '), 200);
    const bio = clip(record.bio ?? '', 5000);
    if (mapped?.local_id != null) {
      await this.users.updateProfile(mapped.local_id, { name, bio });
      await this.repos.importMap.save(key, { localId: mapped.local_id, hash }, this.now());
      return this.report.count('authors', 'updated');
    }
    const given = (record.email ?? '').trim().toLowerCase();
    let email = given;
    if (!isEmail(given)) {
      email = `${importSlug(record.login, name, `auteur-${record.sourceId}`) || 'auteur'}@${this.deps.source}-import.invalid`;
      if (given !== '') this.report.warn('author', record.sourceId, `invalid email "${given.slice(0, 80)}": a placeholder address is used`);
    }
    const existing = await this.repos.users.findByEmail(email);
    if (existing) {
      // The same person already has an account here: sign with it, change nothing of it.
      await this.repos.importMap.save(key, { localId: existing.id, hash }, this.now());
      this.report.warn('author', record.sourceId, `matched the existing account ${existing.email}`);
      return this.report.count('authors', 'unchanged');
    }
    const id = await this.users.createUser({ email, name, role: record.role ?? 'author', password: null, bio });
    await this.repos.importMap.save(key, { localId: id, hash }, this.now());
    this.report.count('authors', 'created');
  }

  // ——— categories and tags ———

  private termSlug(record: ImportTerm, kind: string): string {
    const slug = importSlug(record.slug, record.name, `${kind}-${record.sourceId}`);
    if (!isSlug(slug)) throw new ItemError(`no usable slug for "${record.name.slice(0, 80)}"`);
    return slug;
  }

  private async category(record: ImportTerm): Promise<void> {
    this.categorySlugs = null;
    const key = this.key('category', record.sourceId);
    const hash = recordHash(record);
    const mapped = await this.repos.importMap.find(key);
    if (mapped && mapped.content_hash === hash && mapped.local_id !== null) return this.report.count('categories', 'unchanged');
    const name = clip(htmlToText(record.name) || record.slug, 200);
    const description = clip(htmlToText(record.description ?? ''), 2000);
    const parentId = await this.categoryParent(record);
    if (mapped?.local_id != null) {
      await this.taxonomy.updateCategory(IMPORT_ACTOR, mapped.local_id, { name, description, ...(parentId !== undefined ? { parentId } : {}) });
      await this.repos.importMap.save(key, { localId: mapped.local_id, hash }, this.now());
      return this.report.count('categories', 'updated');
    }
    let slug = this.termSlug(record, 'rubrique');
    if (RESERVED_CATEGORY_SLUGS.has(slug) || (await this.repos.pages.findBySlug(slug))) {
      const renamed = `${slug.slice(0, 70)}-rubrique`;
      this.report.warn('category', record.sourceId, `the address /${slug}/ is reserved or a page's: the category is /${renamed}/`);
      slug = renamed;
    }
    const existing = await this.repos.taxonomy.findCategoryBySlug(slug);
    if (existing) {
      await this.repos.importMap.save(key, { localId: existing.id, hash }, this.now());
      this.report.warn('category', record.sourceId, `merged with the existing category /${slug}/`);
      return this.report.count('categories', 'unchanged');
    }
    const parent = parentId == null ? null : (await this.repos.taxonomy.allCategories()).find((c) => c.id === parentId);
    const id = await this.taxonomy.createCategory({ name, slug, description, parentSlug: parent?.slug ?? null, inMenu: parent === undefined || parent === null });
    await this.repos.importMap.save(key, { localId: id, hash }, this.now());
    this.report.count('categories', 'created');
    if (record.parentSourceId && parentId === undefined) this.deps.pending.categoryParents.push({ categoryId: id, parentSourceId: record.parentSourceId, sourceId: record.sourceId });
  }

  /** The local parent id: null for a root, undefined when the parent is not imported yet. */
  private async categoryParent(record: ImportTerm): Promise<number | null | undefined> {
    if (!record.parentSourceId) return null;
    const parent = await this.repos.importMap.find(this.key('category', record.parentSourceId));
    return parent?.local_id ?? undefined;
  }

  private async tag(record: ImportTerm): Promise<void> {
    const key = this.key('tag', record.sourceId);
    const hash = recordHash(record);
    const mapped = await this.repos.importMap.find(key);
    if (mapped && mapped.content_hash === hash && mapped.local_id !== null) return this.report.count('tags', 'unchanged');
    const slug = this.termSlug(record, 'mot-cle');
    const name = clip(htmlToText(record.name) || slug, 100);
    const id = await this.taxonomy.ensureTag(slug, name);
    await this.repos.importMap.save(key, { localId: id, hash }, this.now());
    this.report.count('tags', mapped ? 'updated' : 'created');
  }

  // ——— media ———

  private async attachment(record: ImportAttachment): Promise<void> {
    const key = this.key('attachment', record.sourceId);
    const file = await this.deps.readFile(record.url);
    const hash = recordHash({ record, local: file !== undefined && !('error' in file) });
    const mapped = await this.repos.importMap.find(key);
    const detail: AttachmentDetail = { url: record.url, alt: clip(record.alt.trim(), 1000), caption: clip(htmlToText(record.caption), 1000), mediaId: null };
    if (mapped && mapped.content_hash === hash) {
      const previous = parseDetail<AttachmentDetail>(mapped.detail);
      if (previous?.mediaId == null) this.report.external(record.sourceId, record.url);
      return this.report.count('attachments', 'unchanged');
    }
    if (file !== undefined && 'error' in file) this.report.warn('attachment', record.sourceId, `${file.error}: kept at ${record.url}`);
    if (file !== undefined && !('error' in file)) {
      if (this.deps.dryRun) {
        detail.mediaId = null;
      } else {
        try {
          const stored = await this.media.importImage({ bytes: file.bytes, filename: file.filename, alt: detail.alt, caption: detail.caption });
          detail.mediaId = stored.id;
        } catch (error) {
          if (!(error instanceof DepecheError)) throw error;
          this.report.warn('attachment', record.sourceId, `${error.messageIn('en')}: kept at ${record.url}`);
        }
      }
    } else if (!this.deps.dryRun || file === undefined) {
      this.report.external(record.sourceId, record.url);
    }
    await this.repos.importMap.save(key, { localId: detail.mediaId, hash, detail: JSON.stringify(detail) }, this.now());
    this.report.count('attachments', mapped ? 'updated' : 'created');
  }

  private async imagesFor(html: string): Promise<Map<string, ImageRef>> {
    const ids = new Set<string>();
    for (const match of html.matchAll(/data-attachment-id="([^"]{1,64})"/g)) ids.add(match[1]!);
    const rows = await this.repos.importMap.findMany(this.deps.source, 'attachment', [...ids]);
    const images = new Map<string, ImageRef>();
    for (const row of rows) {
      const detail = parseDetail<AttachmentDetail>(row.detail);
      if (!detail) continue;
      const media = detail.mediaId != null ? (await this.repos.media.findByIds([detail.mediaId]))[0] : undefined;
      images.set(row.source_id, { src: media ? `/media/${media.storage_key}` : detail.url, alt: detail.alt, caption: detail.caption, mediaId: media ? media.id : null });
    }
    return images;
  }

  // ——— posts ———

  private async post(record: ImportPost): Promise<void> {
    const kind = record.kind === 'page' ? 'page' : 'post';
    const counted: CountedType = record.kind === 'page' ? 'pages' : 'articles';
    const key = this.key('post', record.sourceId);
    const hash = recordHash(record);
    const mapped = await this.repos.importMap.find(key);
    const table = parseDetail<PostDetail>(mapped?.detail ?? null)?.table;
    if (mapped && mapped.content_hash === hash && mapped.local_id !== null) {
      if (table === 'article' && record.status === 'published') this.deps.pending.publishedArticles.push(mapped.local_id);
      return this.report.count(counted, 'unchanged');
    }
    const warn = (message: string) => this.report.warn(kind, record.sourceId, message);
    const title = this.title(record, warn);
    const body = await this.body(record, warn);
    let status = STATUS[record.status];
    if (status === 'scheduled' && (record.publishedAt === null || record.publishedAt <= this.now())) {
      status = 'published';
      warn('scheduled for a time already past: imported as published');
    }
    const common = {
      title,
      body,
      status,
      publishedAt: record.publishedAt,
      seoTitle: record.seoTitle ? clip(record.seoTitle.trim(), 300) : null,
      seoDescription: record.seoDescription ? clip(record.seoDescription.trim(), 1000) : null,
    };
    const existingId = mapped?.local_id != null && table === (record.kind === 'page' ? 'page' : 'article') ? mapped.local_id : null;
    let newPath: string;
    let localId: number;
    if (record.kind === 'page') {
      const slug = await this.pageSlug(record, existingId, warn);
      const input = { ...common, slug, excerpt: clip(htmlToText(record.excerpt), 1000) };
      if (existingId !== null) await this.pages.updatePage(existingId, input);
      localId = existingId ?? (await this.pages.createPage(input));
      newPath = pagePath(slug);
    } else {
      const slug = await this.articleSlug(record, existingId);
      const authorIds = await this.authorsOf(record, warn);
      const category = await this.categoryOf(record, warn);
      const tagIds = (await this.repos.importMap.findMany(this.deps.source, 'tag', record.tagSourceIds)).map((r) => r.local_id).filter((id): id is number => id !== null);
      if (tagIds.length < new Set(record.tagSourceIds).size) warn('some tags were not imported and are left out');
      const featured = await this.featured(record, warn);
      const input = {
        ...common,
        slug,
        dek: clip(htmlToText(record.excerpt), 1000),
        categoryId: category.id,
        authorIds,
        tagIds,
        featuredMediaId: featured,
        commentsOpen: record.commentsOpen,
        revisionNote: `Import ${this.deps.source} ${record.sourceId}`,
      };
      if (existingId !== null) await this.articles.updateArticle(existingId, input);
      localId = existingId ?? (await this.articles.createArticle(input));
      if (record.featuredImageSourceId && featured === null && !(await this.repos.importMap.find(this.key('attachment', record.featuredImageSourceId)))) {
        this.deps.pending.featuredImages.push({ articleId: localId, attachmentSourceId: record.featuredImageSourceId, sourceId: record.sourceId });
      }
      if (status === 'published') this.deps.pending.publishedArticles.push(localId);
      newPath = articlePath(category.slug, slug);
    }
    await this.redirects(record, newPath);
    await this.repos.importMap.save(key, { localId, hash, detail: JSON.stringify({ table: record.kind === 'page' ? 'page' : 'article' } satisfies PostDetail) }, this.now());
    this.report.count(counted, existingId !== null ? 'updated' : 'created');
  }

  private title(record: ImportPost, warn: (m: string) => void): string {
    const text = htmlToText(record.title).replace(/\s+/g, ' ').trim();
    if (/<[a-z][^>]*>/i.test(record.title)) warn('markup in the title was removed');
    if (text === '') {
      warn('no title: "Sans titre" is used');
      return 'Sans titre';
    }
    if (text.length > 300) warn('title longer than 300 characters: shortened');
    return clip(text, 300);
  }

  private async body(record: ImportPost, warn: (m: string) => void): Promise<ArticleDocument> {
    if (record.content.format === 'document') return record.content.document;
    const html = record.content.html;
    const images = await this.imagesFor(html);
    const { document, problems } = htmlToDocument(html, { images, baseUrl: this.deps.baseUrl });
    for (const problem of problems) warn(`content: ${problem}`);
    return document;
  }

  private async articleSlug(record: ImportPost, ownId: number | null): Promise<string> {
    const base = importSlug(record.slug, htmlToText(record.title), `article-${record.sourceId}`) || `article-${record.sourceId}`;
    let slug = base;
    for (let n = 2; ; n++) {
      const row = await this.repos.articles.findBySlug(slug);
      if (!row || row.id === ownId) return slug;
      slug = `${base.slice(0, 74)}-${n}`;
    }
  }

  private async pageSlug(record: ImportPost, ownId: number | null, warn: (m: string) => void): Promise<string> {
    const base = importSlug(record.slug, htmlToText(record.title), `page-${record.sourceId}`) || `page-${record.sourceId}`;
    let slug = base;
    const first = await this.pages.slugProblem(this.repos, slug, ownId);
    if (first === null) return slug;
    for (let n = 1; ; n++) {
      slug = n === 1 ? `${base.slice(0, 74)}-page` : `${base.slice(0, 72)}-page-${n}`;
      if ((await this.pages.slugProblem(this.repos, slug, ownId)) === null) {
        warn(`${first}: the page answers at /${slug}`);
        return slug;
      }
    }
  }

  private async authorsOf(record: ImportPost, warn: (m: string) => void): Promise<number[]> {
    const rows = await this.repos.importMap.findMany(this.deps.source, 'author', record.authorSourceIds);
    const byId = new Map(rows.map((r) => [r.source_id, r.local_id]));
    const ids = record.authorSourceIds.map((id) => byId.get(id)).filter((id): id is number => id != null);
    if (ids.length > 0) return ids;
    warn(record.authorSourceIds.length > 0 ? `author ${record.authorSourceIds.join(', ')} not imported: signed "Rédaction"` : 'no author: signed "Rédaction"');
    return [await this.defaultAuthor()];
  }

  private async defaultAuthor(): Promise<number> {
    if (this.fallbackAuthor !== undefined) return this.fallbackAuthor;
    const email = `redaction@${this.deps.source}-import.invalid`;
    const existing = await this.repos.users.findByEmail(email);
    this.fallbackAuthor = existing?.id ?? (await this.users.createUser({ email, name: 'Rédaction', role: 'contributor', password: null }));
    return this.fallbackAuthor;
  }

  private async categoryOf(record: ImportPost, warn: (m: string) => void): Promise<{ id: number; slug: string }> {
    const rows = await this.repos.importMap.findMany(this.deps.source, 'category', record.categorySourceIds);
    const byId = new Map(rows.map((r) => [r.source_id, r.local_id]));
    const ids = record.categorySourceIds.map((id) => byId.get(id)).filter((id): id is number => id != null);
    if (ids.length > 1) warn(`an article has one category: ${ids.length - 1} other category(ies) of the source not kept`);
    this.categorySlugs ??= new Map((await this.repos.taxonomy.allCategories()).map((c) => [c.id, c.slug]));
    const foundSlug = ids.length > 0 ? this.categorySlugs.get(ids[0]!) : undefined;
    if (foundSlug !== undefined) return { id: ids[0]!, slug: foundSlug };
    warn('no imported category: filed under "Non classé"');
    if (this.fallbackCategory === undefined) {
      const existing = await this.repos.taxonomy.findCategoryBySlug('non-classe');
      this.fallbackCategory = existing?.id ?? (await this.taxonomy.createCategory({ name: 'Non classé', slug: 'non-classe', inMenu: false }));
    }
    return { id: this.fallbackCategory, slug: 'non-classe' };
  }

  private async featured(record: ImportPost, warn: (m: string) => void): Promise<number | null> {
    if (!record.featuredImageSourceId) return null;
    const row = await this.repos.importMap.find(this.key('attachment', record.featuredImageSourceId));
    if (!row) return null;
    if (row.local_id === null) warn(`featured image ${record.featuredImageSourceId} is not in the media library (file not imported): not shown`);
    return row.local_id;
  }

  private async redirects(record: ImportPost, newPath: string): Promise<void> {
    const paths = new Set<string>();
    for (const url of record.oldUrls) {
      const path = oldPath(url, this.deps.baseUrl);
      if (path !== undefined) for (const variant of pathVariants(path)) paths.add(variant);
    }
    paths.delete(newPath);
    for (const from of paths) {
      const existing = await this.repos.redirects.find(from);
      if (existing?.to_path === newPath) {
        this.report.count('redirects', 'unchanged');
        continue;
      }
      await this.repos.redirects.moved(from, newPath, this.now());
      this.report.count('redirects', existing ? 'updated' : 'created');
    }
  }

  // ——— comments ———

  private async comment(record: ImportComment): Promise<void> {
    if (record.commentType !== 'comment') {
      this.report.count('comments', 'skipped');
      this.report.warn('comment', record.sourceId, `${record.commentType} not imported (Dépêche keeps reader comments only)`);
      return;
    }
    const key = this.key('comment', record.sourceId);
    const hash = recordHash(record);
    const mapped = await this.repos.importMap.find(key);
    if (mapped && mapped.content_hash === hash && mapped.local_id !== null) return this.report.count('comments', 'unchanged');
    const post = await this.repos.importMap.find(this.key('post', record.postSourceId));
    if (!post || post.local_id === null) throw new ItemError(`its post ${record.postSourceId} was not imported`);
    if (parseDetail<PostDetail>(post.detail)?.table === 'page') throw new ItemError('comments on pages are not kept (pages have no comments)');
    let parentId: number | null = null;
    if (record.parentSourceId) {
      const parent = await this.repos.importMap.find(this.key('comment', record.parentSourceId));
      parentId = parent?.local_id ?? null;
    }
    let body = htmlToText(record.body);
    if (body === '') throw new ItemError('empty comment');
    if (body.length > 10_000) {
      body = clip(body, 10_000);
      this.report.warn('comment', record.sourceId, 'longer than 10,000 characters: shortened');
    }
    const email = isEmail(record.authorEmail.trim().toLowerCase()) ? record.authorEmail : ANONYMOUS_EMAIL;
    const website = normaliseWebsite(record.authorUrl) ?? '';
    if (website === '' && record.authorUrl.trim() !== '') this.report.warn('comment', record.sourceId, `website "${record.authorUrl.slice(0, 80)}" is not an http(s) address: left out`);
    const input = {
      articleId: post.local_id,
      parentId,
      status: record.status,
      authorName: clip(record.authorName.replace(/\s+/g, ' ').trim() || 'Anonyme', 100),
      authorEmail: email,
      authorUrl: website.length > 500 ? '' : website,
      body,
      createdAt: record.createdAt,
    };
    let id: number;
    if (mapped?.local_id != null) {
      await this.comments.updateRecordedComment(mapped.local_id, input);
      id = mapped.local_id;
    } else {
      id = await this.comments.recordComment(input);
    }
    if (record.parentSourceId && parentId === null) this.deps.pending.commentParents.push({ commentId: id, parentSourceId: record.parentSourceId, sourceId: record.sourceId });
    await this.repos.importMap.save(key, { localId: id, hash }, this.now());
    this.report.count('comments', mapped ? 'updated' : 'created');
  }

  // ——— the end ———

  /** Resolves references to items that came later in the source. */
  async resolvePending(onProgress?: (done: number, total: number) => void): Promise<void> {
    const { pending } = this.deps;
    const total = pending.categoryParents.length + pending.featuredImages.length + pending.commentParents.length;
    let done = 0;
    const step = () => onProgress?.(++done, total);
    for (const link of pending.categoryParents.splice(0)) {
      const parent = await this.repos.importMap.find(this.key('category', link.parentSourceId));
      if (parent?.local_id == null) this.report.warn('category', link.sourceId, `parent category ${link.parentSourceId} not found: kept at the top level`);
      else await this.safely('category', link.sourceId, () => this.taxonomy.updateCategory(IMPORT_ACTOR, link.categoryId, { parentId: parent.local_id }));
      step();
    }
    for (const link of pending.featuredImages.splice(0)) {
      const image = await this.repos.importMap.find(this.key('attachment', link.attachmentSourceId));
      if (!image) this.report.warn('post', link.sourceId, `featured image ${link.attachmentSourceId} not found in the source`);
      else if (image.local_id === null) this.report.warn('post', link.sourceId, `featured image ${link.attachmentSourceId} is not in the media library (file not imported): not shown`);
      else await this.safely('post', link.sourceId, () => this.articles.updateArticle(link.articleId, { featuredMediaId: image.local_id }));
      step();
    }
    for (const link of pending.commentParents.splice(0)) {
      const parent = await this.repos.importMap.find(this.key('comment', link.parentSourceId));
      if (parent?.local_id == null) this.report.warn('comment', link.sourceId, `parent comment ${link.parentSourceId} not imported: shown at the top level`);
      else await this.comments.setParent(link.commentId, parent.local_id);
      step();
    }
  }

  private async safely(kind: string, sourceId: string, work: () => Promise<void>): Promise<void> {
    try {
      await this.repos.attempt(() => work());
      this.deps.terms?.keepItem();
    } catch (error) {
      this.deps.terms?.dropItem();
      if (!(error instanceof DepecheError)) throw error;
      this.report.warn(kind, sourceId, error.messageIn('en'));
    }
  }
}
