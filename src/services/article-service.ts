/**
 * Writing articles: the one write path for the admin, the CLI, importers and the demo.
 * Each save validates the body, renders it, keeps the denormalised listing rows in step,
 * records a revision and, when the URL changes, a redirect from the old one.
 */
import { randomUUID } from 'node:crypto';
import { ancestry } from '../domain/category.js';
import { isArticleStatus, type ArticleStatus } from '../domain/article.js';
import { articleChangeTags, SEARCH_TAG, type ArticlePlacement } from '../domain/cache-tags.js';
import { figureMediaIds, renderDocument } from '../domain/document/render-document.js';
import { validateDocument } from '../domain/document/validate-document.js';
import { isSlug, slugify } from '../domain/slug.js';
import { articlePath } from '../domain/urls.js';
import { DepecheError } from '../errors.js';
import type { Repositories } from '../storage/repositories/index.js';
import { siteTypography, type ServiceContext } from './context.js';
import { responsiveImage } from './responsive-image.js';

/** Everything an article is made of, as a writer gives it. */
export interface ArticleInput {
  title: string;
  slug?: string;
  dek?: string;
  /** The body: a document JSON value, validated here. */
  body: unknown;
  categoryId: number;
  authorIds: readonly number[];
  tagNames?: readonly string[];
  /** Tags by id (importers, which keep the source's tag slugs); used instead of `tagNames` when given. */
  tagIds?: readonly number[];
  status?: ArticleStatus;
  /** Publication instant (ms); defaults to now when published without one. */
  publishedAt?: number | null;
  /** "Mis à jour le …" instant; computed on edits after publication when not given. */
  contentUpdatedAt?: number | null;
  featuredMediaId?: number | null;
  featuredCaption?: string | null;
  featuredCredit?: string | null;
  featuredAlt?: string | null;
  seoTitle?: string | null;
  seoDescription?: string | null;
  language?: string;
  translationGroup?: string;
  commentsOpen?: boolean;
  /** Who saved it (for the revision). */
  userId?: number | null;
  /** A note for the revision list. */
  revisionNote?: string;
  /**
   * Accept a scheduled article whose time has passed (a restored backup): the scheduler
   * publishes it on its next pass, as it would have on the old site.
   */
  allowPastSchedule?: boolean;
}

/** Columns whose change readers can see, so an edit of them after publication shows "Mis à jour le …". */
const CONTENT_COLUMNS = ['title', 'dek', 'body', 'featured_media_id', 'featured_caption'] as const;

function trimmedText(value: string | undefined | null, field: string, max: number, required = false): string {
  const text = (value ?? '').trim();
  if (required && text === '') throw new DepecheError('DEPECHE_VALIDATION', { detail: `${field} is required` });
  if (text.length > max) throw new DepecheError('DEPECHE_VALIDATION', { detail: `${field} is longer than ${max} characters` });
  return text;
}

function optionalText(value: string | undefined | null, field: string, max: number): string | null {
  const text = trimmedText(value, field, max);
  return text === '' ? null : text;
}

/** An article's placement from its row and join rows. */
function placementOf(row: { status: string; published_at: number | null }, categoryIds: readonly number[], tags: readonly { id: number }[], bylines: readonly { id: number }[], now: number): ArticlePlacement {
  return {
    live: row.status === 'published' && row.published_at !== null && row.published_at <= now,
    publishedAt: row.published_at,
    categoryIds,
    tagIds: tags.map((t) => t.id),
    authorIds: bylines.map((b) => b.id),
  };
}

/** Creates and edits articles. */
export class ArticleService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Creates an article and returns its id. */
  async createArticle(input: ArticleInput): Promise<number> {
    const now = this.ctx.clock.now();
    return this.ctx.repos.transaction(async (repos) => {
      const prepared = await this.prepare(repos, input, now);
      if (input.slug === undefined || input.slug.trim() === '') {
        // A slug made from the title takes the first free "-2", "-3"… rather than failing.
        const base = prepared.slug.slice(0, 74);
        for (let n = 2; await repos.articles.findBySlug(prepared.slug); n++) prepared.slug = prepared.row.slug = `${base}-${n}`;
      }
      if (await repos.articles.findBySlug(prepared.slug)) throw new DepecheError('DEPECHE_SLUG_TAKEN', { slug: prepared.slug });
      const id = await repos.articles.insert({
        ...prepared.row,
        translation_group: input.translationGroup ?? randomUUID(),
        created_at: now,
        updated_at: now,
      });
      await this.writeJoins(repos, id, prepared);
      await this.saveRevision(repos, id, prepared.row, input, now);
      await this.afterWrite(repos, id, undefined, now);
      return id;
    });
  }

  /** Changes an article: the given fields replace the stored ones. */
  async updateArticle(id: number, patch: Partial<ArticleInput>): Promise<void> {
    const now = this.ctx.clock.now();
    await this.ctx.repos.transaction(async (repos) => {
      const current = await repos.articles.findById(id);
      if (!current) throw new DepecheError('DEPECHE_NOT_FOUND');
      const [bylines, tags, listedIn] = await Promise.all([repos.articles.bylinesFor([id]), repos.articles.tagsFor([id]), repos.articles.listingCategoryIds(id)]);
      const before = placementOf(current, listedIn, tags, bylines, now);
      const merged: ArticleInput = {
        title: current.title,
        slug: current.slug,
        dek: current.dek,
        body: JSON.parse(current.body) as unknown,
        categoryId: current.primary_category_id,
        authorIds: bylines.map((b) => b.id),
        tagNames: tags.map((t) => t.name),
        // Kept by id (a tag's slug need not be its name's slug) unless the patch names new tags.
        ...(patch.tagNames === undefined ? { tagIds: tags.map((t) => t.id) } : {}),
        status: isArticleStatus(current.status) ? current.status : 'draft',
        publishedAt: current.published_at,
        contentUpdatedAt: current.content_updated_at,
        featuredMediaId: current.featured_media_id,
        featuredCaption: current.featured_caption,
        featuredCredit: current.featured_credit,
        featuredAlt: current.featured_alt,
        seoTitle: current.seo_title,
        seoDescription: current.seo_description,
        language: current.language,
        commentsOpen: current.comments_open === 1,
        ...patch,
      };
      const prepared = await this.prepare(repos, merged, now);
      const wasLive = current.status === 'published' && current.published_at !== null && current.published_at <= now;
      const contentChanged = CONTENT_COLUMNS.some((column) => prepared.row[column] !== current[column]);
      if (wasLive && contentChanged && !('contentUpdatedAt' in patch)) prepared.row.content_updated_at = now;
      if (prepared.slug !== current.slug) {
        const clash = await repos.articles.findBySlug(prepared.slug);
        if (clash && clash.id !== id) throw new DepecheError('DEPECHE_SLUG_TAKEN', { slug: prepared.slug });
      }
      await repos.articles.update(id, { ...prepared.row, updated_at: now });
      await this.writeJoins(repos, id, prepared);
      await this.saveRevision(repos, id, prepared.row, merged, now);
      const categories = await repos.taxonomy.allCategories();
      const oldCategory = categories.find((c) => c.id === current.primary_category_id);
      const oldPath = oldCategory ? articlePath(oldCategory.slug, current.slug) : undefined;
      const newPath = articlePath(prepared.categorySlug, prepared.slug);
      if (oldPath !== undefined && oldPath !== newPath) await repos.redirects.moved(oldPath, newPath, now);
      await this.afterWrite(repos, id, before, now);
    });
  }

  /**
   * Moves an article to another status, only if it is still in `from` (the claim): false when
   * another request or node moved it first. The status change, its listing rows, the event
   * log and whatever `also` adds (redirects of the trash) commit together.
   */
  async changeStatus(
    id: number,
    change: { from: ArticleStatus; to: ArticleStatus; publishedAt: number | null; userId: number | null; dueBy?: number; previousPublishedAt?: number | null },
    also?: (repos: Repositories) => Promise<void>,
  ): Promise<boolean> {
    const now = this.ctx.clock.now();
    return this.ctx.repos.transaction(async (repos) => {
      // The conditional update comes first: it takes the write lock and decides the race.
      const claimed = await repos.articleAdmin.setStatusIf(id, change.from, { status: change.to, published_at: change.publishedAt, updated_at: now }, change.dueBy);
      if (!claimed) return false;
      await repos.articles.syncListingColumns(id, change.to, change.publishedAt);
      await repos.articleNotes.recordEvent({ article_id: id, user_id: change.userId, from_status: change.from, to_status: change.to, created_at: now });
      if (also) await also(repos);
      // The row is already changed: before differs from after only by status and time.
      const previousAt = change.previousPublishedAt === undefined ? change.publishedAt : change.previousPublishedAt;
      await this.afterWrite(repos, id, (after) => ({ ...after, live: change.from === 'published' && previousAt !== null && previousAt <= now, publishedAt: previousAt }), now);
      return true;
    });
  }

  /** Adds a public correction or update note to an article; returns the note's id. */
  async addNote(id: number, note: { kind: 'correction' | 'update'; text: string; userId: number | null }): Promise<number> {
    const text = trimmedText(note.text, 'note', 2000, true);
    const now = this.ctx.clock.now();
    return this.ctx.repos.transaction(async (repos) => {
      const before = await this.placement(repos, id, now);
      const noteId = await repos.articleNotes.insert({ article_id: id, user_id: note.userId, kind: note.kind, text, created_at: now });
      await repos.articles.update(id, { updated_at: now });
      await this.afterWrite(repos, id, before, now);
      return noteId;
    });
  }

  /** Deletes an article for good, with its comments and revisions; the listeners see it gone. */
  async deleteArticle(id: number): Promise<void> {
    await this.ctx.repos.transaction(async (repos) => {
      const before = await this.placement(repos, id, this.ctx.clock.now());
      if (!before) throw new DepecheError('DEPECHE_NOT_FOUND');
      await repos.articles.delete(id);
      await this.afterWrite(repos, id, before, this.ctx.clock.now());
    });
  }

  /**
   * Every article write ends here, inside its transaction: the listeners run, and the cache
   * tags of what readers see changing are published once the transaction commits.
   * `before` is the placement before the write, or how to derive it from the one after.
   */
  private async afterWrite(repos: Repositories, articleId: number, before: ArticlePlacement | undefined | ((after: ArticlePlacement) => ArticlePlacement), now: number): Promise<void> {
    for (const listener of this.ctx.articleWriteListeners) await listener(repos, articleId);
    if (this.ctx.siteStaleAtEnd === true) return;
    const after = await this.placement(repos, articleId, now);
    const previous = typeof before === 'function' ? (after ? before(after) : undefined) : before;
    this.ctx.invalidator.afterCommit(repos, articleChangeTags(articleId, previous, after));
  }

  /** Where an article appears for readers now (undefined: no such article). */
  private async placement(repos: Repositories, id: number, now: number): Promise<ArticlePlacement | undefined> {
    const row = await repos.articles.findById(id);
    if (!row) return undefined;
    const [bylines, tags, listedIn] = await Promise.all([repos.articles.bylinesFor([id]), repos.articles.tagsFor([id]), repos.articles.listingCategoryIds(id)]);
    return placementOf(row, listedIn, tags, bylines, now);
  }

  private async prepare(repos: Repositories, input: ArticleInput, now: number) {
    const title = trimmedText(input.title, 'title', 300, true);
    const slug = input.slug === undefined || input.slug.trim() === '' ? slugify(title) : input.slug.trim();
    if (!isSlug(slug)) throw new DepecheError('DEPECHE_VALIDATION', { detail: `"${slug}" is not a valid slug (lowercase letters, digits and hyphens)` });
    const status: ArticleStatus = input.status ?? 'draft';
    if (!isArticleStatus(status)) throw new DepecheError('DEPECHE_VALIDATION', { detail: `unknown status "${String(status)}"` });
    let publishedAt = input.publishedAt ?? null;
    if ((status === 'published' || status === 'scheduled') && publishedAt === null) publishedAt = now;
    if (status === 'scheduled' && publishedAt !== null && publishedAt <= now && input.allowPastSchedule !== true) {
      throw new DepecheError('DEPECHE_VALIDATION', { detail: 'a scheduled article needs a publication time in the future' });
    }
    if (publishedAt !== null && !Number.isFinite(publishedAt)) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'invalid publication time' });
    const document = validateDocument(input.body);
    const categories = await repos.taxonomy.allCategories();
    const byId = new Map(categories.map((c) => [c.id, { ...c, parentId: c.parent_id }]));
    const category = byId.get(input.categoryId);
    if (!category) throw new DepecheError('DEPECHE_UNKNOWN_REFERENCE', { kind: 'category', ref: String(input.categoryId) });
    const authorIds = [...new Set(input.authorIds)];
    if (authorIds.length === 0) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'an article needs at least one author' });
    const authors = await repos.users.findByIds(authorIds);
    if (authors.length !== authorIds.length) throw new DepecheError('DEPECHE_UNKNOWN_REFERENCE', { kind: 'author', ref: authorIds.filter((a) => !authors.some((u) => u.id === a)).join(', ') });
    if (input.featuredMediaId != null && (await repos.media.findByIds([input.featuredMediaId])).length === 0) {
      throw new DepecheError('DEPECHE_UNKNOWN_REFERENCE', { kind: 'media', ref: String(input.featuredMediaId) });
    }
    const tagIds = input.tagIds !== undefined ? await this.existingTags(repos, input.tagIds) : await this.ensureTagsIn(repos, input.tagNames ?? [], now);
    const language = input.language ?? this.ctx.site.siteLanguage;
    // Bodies are set once, when written: French rules for French articles of a site that wants them.
    const typography = language === 'fr' || language.startsWith('fr-') ? siteTypography(this.ctx.site) : 'off';
    // Figures from the media library render as responsive <picture>s with every rendition.
    const images = new Map((await repos.media.findByIds(figureMediaIds(document))).map((m) => [m.id, responsiveImage(m, this.ctx.site.mediaBaseUrl)]));
    const row = {
      language,
      slug,
      title,
      dek: trimmedText(input.dek, 'dek', 1000),
      body: JSON.stringify(document),
      body_html: renderDocument(document, { siteOrigin: this.ctx.site.siteUrl, typography, images, eagerFirstFigure: input.featuredMediaId == null }),
      status,
      published_at: publishedAt,
      content_updated_at: input.contentUpdatedAt ?? null,
      primary_category_id: category.id,
      featured_media_id: input.featuredMediaId ?? null,
      featured_caption: optionalText(input.featuredCaption, 'featured caption', 1000),
      featured_credit: optionalText(input.featuredCredit, 'featured credit', 300),
      featured_alt: optionalText(input.featuredAlt, 'featured alt text', 1000),
      seo_title: optionalText(input.seoTitle, 'SEO title', 300),
      seo_description: optionalText(input.seoDescription, 'SEO description', 1000),
      comments_open: input.commentsOpen === false ? 0 : 1,
    };
    const ancestorIds = ancestry(category.id, byId).map((c) => c.id);
    return { row, slug, categorySlug: category.slug, categoryId: category.id, ancestorIds, authorIds, tagIds };
  }

  private async ensureTagsIn(repos: Repositories, names: readonly string[], now: number): Promise<number[]> {
    const wanted = new Map<string, string>();
    for (const raw of names) {
      const name = raw.trim();
      const slug = slugify(name);
      if (name === '' || slug === '') continue;
      if (name.length > 100) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'a tag name is longer than 100 characters' });
      if (!wanted.has(slug)) wanted.set(slug, name);
    }
    const existing = new Map((await repos.taxonomy.findTagsBySlugs([...wanted.keys()])).map((t) => [t.slug, t.id]));
    const ids: number[] = [];
    for (const [slug, name] of wanted) ids.push(existing.get(slug) ?? (await repos.taxonomy.insertTag(slug, name, now)));
    // A new tag can be suggested by search pages that found nothing.
    if (ids.length > existing.size) this.ctx.invalidator.afterCommit(repos, [SEARCH_TAG]);
    return ids;
  }

  private async existingTags(repos: Repositories, ids: readonly number[]): Promise<number[]> {
    const unique = [...new Set(ids)];
    const found = new Set((await repos.taxonomy.findTagsByIds(unique)).map((t) => t.id));
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length > 0) throw new DepecheError('DEPECHE_UNKNOWN_REFERENCE', { kind: 'tag', ref: missing.join(', ') });
    return unique;
  }

  private async writeJoins(repos: Repositories, id: number, prepared: Awaited<ReturnType<ArticleService['prepare']>>): Promise<void> {
    const { status, published_at: publishedAt } = prepared.row;
    await repos.articles.replaceBylines(id, prepared.authorIds, status, publishedAt);
    await repos.articles.replaceTags(id, prepared.tagIds, status, publishedAt);
    await repos.articles.replaceCategories(id, prepared.categoryId, prepared.ancestorIds, status, publishedAt);
  }

  private async saveRevision(repos: Repositories, articleId: number, row: { title: string; dek: string; body: string }, input: ArticleInput, now: number): Promise<void> {
    await repos.revisions.insert({ article_id: articleId, user_id: input.userId ?? null, title: row.title, dek: row.dek, body: row.body, note: input.revisionNote ?? '', created_at: now });
  }
}
