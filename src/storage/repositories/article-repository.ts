/**
 * Articles: writes (with their denormalised join rows) and the ordered listings readers see.
 * Every listing is one range of an index ordered by (status, published_at): it never sorts
 * a tag's or a category's whole article set at read time.
 */
import type { ArticleRow, ArticleRowPatch, CategoryRow, NewArticleRow, TagRow, UserRow } from '../schema.js';
import type { Executor } from './executor.js';

/** Which articles a listing shows. */
export type ListingScope =
  | { kind: 'all' }
  | { kind: 'category'; categoryId: number }
  | { kind: 'tag'; tagId: number }
  | { kind: 'author'; userId: number };

/** A page of a listing: offset-based over the ordered index (only index entries are skipped). */
export interface ListingWindow {
  now: number;
  limit: number;
  offset: number;
  /** An article to leave out (e.g. the lead story already shown). */
  excludeIds?: readonly number[];
}

/** What a listing shows of an article: everything but the body. */
const CARD_COLUMNS = ['id', 'slug', 'title', 'dek', 'published_at', 'primary_category_id', 'featured_media_id', 'featured_alt', 'featured_caption', 'featured_credit'] as const;

/** An article as listings need it. */
export type ArticleCardRow = Pick<ArticleRow, (typeof CARD_COLUMNS)[number]>;

/** What a sitemap needs of an article. */
export type SitemapArticleRow = Pick<ArticleRow, 'id' | 'slug' | 'primary_category_id' | 'published_at' | 'content_updated_at'>;

/** What the Google News sitemap needs of an article. */
export type NewsArticleRow = Pick<ArticleRow, 'id' | 'slug' | 'title' | 'language' | 'primary_category_id' | 'published_at'>;

/** Byline rows joined with their users. */
export type BylineRow = Pick<UserRow, 'id' | 'slug' | 'display_name'> & { article_id: number; position: number };

/** Tag rows joined with their article. */
export type ArticleTagRow = Pick<TagRow, 'id' | 'slug' | 'name'> & { article_id: number; position: number };

/** Reads and writes `articles` and their join tables. */
export class ArticleRepository {
  constructor(private readonly db: Executor) {}

  /** Inserts an article row and returns its id. */
  async insert(row: NewArticleRow): Promise<number> {
    const { id } = await this.db.insertInto('articles').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  /** Changes fields of an article row (join rows are synced separately). */
  async update(id: number, patch: ArticleRowPatch): Promise<void> {
    await this.db.updateTable('articles').set(patch).where('id', '=', id).execute();
  }

  /** The article with this id, whatever its status. */
  async findById(id: number): Promise<ArticleRow | undefined> {
    return this.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The article with this slug, whatever its status. */
  async findBySlug(slug: string): Promise<ArticleRow | undefined> {
    return this.db.selectFrom('articles').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  /** The columns listings show of articles (no body), in one query (order is the caller's). */
  async findCardsByIds(ids: readonly number[]): Promise<ArticleCardRow[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('articles').select(CARD_COLUMNS).where('id', 'in', ids).execute();
  }

  /** Articles by id, in one query (order is the caller's). */
  async findByIds(ids: readonly number[]): Promise<ArticleRow[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('articles').selectAll().where('id', 'in', ids).execute();
  }

  /** How many articles exist, whatever their status. */
  async count(): Promise<number> {
    const { n } = await this.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  }

  /** Replaces the bylines of an article, in order. */
  async replaceBylines(articleId: number, userIds: readonly number[], status: string, publishedAt: number | null): Promise<void> {
    await this.db.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
    if (userIds.length === 0) return;
    await this.db
      .insertInto('article_authors')
      .values(userIds.map((userId, position) => ({ article_id: articleId, user_id: userId, position, status, published_at: publishedAt })))
      .execute();
  }

  /** Replaces the tags of an article, in order. */
  async replaceTags(articleId: number, tagIds: readonly number[], status: string, publishedAt: number | null): Promise<void> {
    await this.db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
    if (tagIds.length === 0) return;
    await this.db
      .insertInto('article_tags')
      .values(tagIds.map((tagId, position) => ({ article_id: articleId, tag_id: tagId, position, status, published_at: publishedAt })))
      .execute();
  }

  /** The category listings an article is in (its category and that category's ancestors). */
  async listingCategoryIds(articleId: number): Promise<number[]> {
    const rows = await this.db.selectFrom('article_categories').select('category_id').where('article_id', '=', articleId).orderBy('category_id').execute();
    return rows.map((r) => r.category_id);
  }

  /** Lists the article under its primary category and each of that category's ancestors. */
  async replaceCategories(articleId: number, primaryId: number, ancestorIds: readonly number[], status: string, publishedAt: number | null): Promise<void> {
    await this.db.deleteFrom('article_categories').where('article_id', '=', articleId).execute();
    const ids = [primaryId, ...ancestorIds.filter((id) => id !== primaryId)];
    await this.db
      .insertInto('article_categories')
      .values(ids.map((categoryId) => ({ article_id: articleId, category_id: categoryId, is_primary: categoryId === primaryId ? 1 : 0, status, published_at: publishedAt })))
      .execute();
  }

  /** Copies status and publication time into every join row of an article. */
  async syncListingColumns(articleId: number, status: string, publishedAt: number | null): Promise<void> {
    const set = { status, published_at: publishedAt };
    await this.db.updateTable('article_authors').set(set).where('article_id', '=', articleId).execute();
    await this.db.updateTable('article_tags').set(set).where('article_id', '=', articleId).execute();
    await this.db.updateTable('article_categories').set(set).where('article_id', '=', articleId).execute();
  }

  /** Ids of the published articles of a listing, newest first. */
  async listPublishedIds(scope: ListingScope, window: ListingWindow): Promise<number[]> {
    const exclude = window.excludeIds ?? [];
    switch (scope.kind) {
      case 'all': {
        let query = this.db
          .selectFrom('articles')
          .select('id as article_id')
          .where('status', '=', 'published')
          .where('published_at', '<=', window.now);
        if (exclude.length > 0) query = query.where('id', 'not in', exclude);
        const rows = await query.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(window.limit).offset(window.offset).execute();
        return rows.map((r) => r.article_id);
      }
      case 'category': {
        let query = this.db
          .selectFrom('article_categories')
          .select('article_id')
          .where('category_id', '=', scope.categoryId)
          .where('status', '=', 'published')
          .where('published_at', '<=', window.now);
        if (exclude.length > 0) query = query.where('article_id', 'not in', exclude);
        const rows = await query.orderBy('published_at', 'desc').orderBy('article_id', 'desc').limit(window.limit).offset(window.offset).execute();
        return rows.map((r) => r.article_id);
      }
      case 'tag': {
        let query = this.db
          .selectFrom('article_tags')
          .select('article_id')
          .where('tag_id', '=', scope.tagId)
          .where('status', '=', 'published')
          .where('published_at', '<=', window.now);
        if (exclude.length > 0) query = query.where('article_id', 'not in', exclude);
        const rows = await query.orderBy('published_at', 'desc').orderBy('article_id', 'desc').limit(window.limit).offset(window.offset).execute();
        return rows.map((r) => r.article_id);
      }
      case 'author': {
        let query = this.db
          .selectFrom('article_authors')
          .select('article_id')
          .where('user_id', '=', scope.userId)
          .where('status', '=', 'published')
          .where('published_at', '<=', window.now);
        if (exclude.length > 0) query = query.where('article_id', 'not in', exclude);
        const rows = await query.orderBy('published_at', 'desc').orderBy('article_id', 'desc').limit(window.limit).offset(window.offset).execute();
        return rows.map((r) => r.article_id);
      }
    }
  }

  /** Bylines of several articles, in one query. */
  async bylinesFor(articleIds: readonly number[]): Promise<BylineRow[]> {
    if (articleIds.length === 0) return [];
    return this.db
      .selectFrom('article_authors')
      .innerJoin('users', 'users.id', 'article_authors.user_id')
      .select(['article_authors.article_id', 'article_authors.position', 'users.id', 'users.slug', 'users.display_name'])
      .where('article_authors.article_id', 'in', articleIds)
      .orderBy('article_authors.article_id')
      .orderBy('article_authors.position')
      .execute();
  }

  /** Tags of several articles, in one query. */
  async tagsFor(articleIds: readonly number[]): Promise<ArticleTagRow[]> {
    if (articleIds.length === 0) return [];
    return this.db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select(['article_tags.article_id', 'article_tags.position', 'tags.id', 'tags.slug', 'tags.name'])
      .where('article_tags.article_id', 'in', articleIds)
      .orderBy('article_tags.article_id')
      .orderBy('article_tags.position')
      .execute();
  }

  /** Ids of every published article (whatever its date), in id order: what the search index holds. */
  async publishedIdsForIndex(): Promise<number[]> {
    const rows = await this.db.selectFrom('articles').select('id').where('status', '=', 'published').where('published_at', 'is not', null).orderBy('id').execute();
    return rows.map((r) => r.id);
  }

  /** Deletes an article row; its join rows, comments and revisions go with it (cascade). */
  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('articles').where('id', '=', id).execute();
  }

  /** Categories by id (primary categories of a page of articles), in one query. */
  async categoriesByIds(ids: readonly number[]): Promise<CategoryRow[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('categories').selectAll().where('id', 'in', ids).execute();
  }

  /** How many articles readers can see (sitemap pages are counted from it). */
  async countPublished(now: number): Promise<number> {
    const { n } = await this.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'published')
      .where('published_at', '<=', now)
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  /** The visible articles oldest first, one window of the (status, published_at, id) index: sitemap pages. */
  async publishedWindow(now: number, offset: number, limit: number): Promise<SitemapArticleRow[]> {
    return this.db
      .selectFrom('articles')
      .select(['id', 'slug', 'primary_category_id', 'published_at', 'content_updated_at'])
      .where('status', '=', 'published')
      .where('published_at', '<=', now)
      .orderBy('published_at', 'asc')
      .orderBy('id', 'asc')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  /** The newest publication or edit in one window of {@link publishedWindow} (a sitemap page's lastmod). */
  async publishedWindowLastModified(now: number, offset: number, limit: number): Promise<number | null> {
    const window = this.db
      .selectFrom('articles')
      .select(['published_at', 'content_updated_at'])
      .where('status', '=', 'published')
      .where('published_at', '<=', now)
      .orderBy('published_at', 'asc')
      .orderBy('id', 'asc')
      .limit(limit)
      .offset(offset)
      .as('w');
    const row = await this.db
      .selectFrom(window)
      .select((eb) => [eb.fn.max('w.published_at').as('published'), eb.fn.max('w.content_updated_at').as('edited')])
      .executeTakeFirst();
    const values = [row?.published, row?.edited].filter((v) => v !== null && v !== undefined).map(Number);
    return values.length === 0 ? null : Math.max(...values);
  }

  /** Articles published in [since, now], newest first (the Google News sitemap). */
  async publishedBetween(since: number, now: number, limit: number): Promise<NewsArticleRow[]> {
    return this.db
      .selectFrom('articles')
      .select(['id', 'slug', 'title', 'language', 'primary_category_id', 'published_at'])
      .where('status', '=', 'published')
      .where('published_at', '>=', since)
      .where('published_at', '<=', now)
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }
}
