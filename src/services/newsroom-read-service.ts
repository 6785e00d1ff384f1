/**
 * What the newsroom reads about articles: filtered lists of every status and one article
 * with everything its editor shows. Plain data; the web layer's presenters pick the fields.
 */
import { canListAllArticles, canViewArticle, type Actor } from '../domain/policies.js';
import { articlePath } from '../domain/urls.js';
import type { AdminArticleFilter } from '../storage/repositories/article-admin-repository.js';
import type { ArticleNoteRow, ArticleRow, MediaRow } from '../storage/schema.js';
import type { ServiceContext } from './context.js';
import type { EditorialService } from './editorial-service.js';
import { enforce } from './enforce.js';

/** Articles per page of the newsroom list. */
export const ADMIN_PAGE_SIZE = 30;

/** An article in the newsroom list. */
export interface ArticleSummaryData {
  id: number;
  title: string;
  slug: string;
  status: string;
  categoryId: number;
  authors: Array<{ id: number; name: string }>;
  publishedAt: number | null;
  updatedAt: number;
  url: string;
}

/** An article with everything its editor shows. */
export interface ArticleDetailData {
  row: ArticleRow;
  url: string;
  authors: Array<{ id: number; name: string }>;
  tags: string[];
  notes: ArticleNoteRow[];
  featuredMedia: MediaRow | null;
}

/** Newsroom read models of articles. */
export class NewsroomReadService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly editorial: EditorialService,
  ) {}

  /** A page of articles; contributors and authors see only the ones they sign. */
  async list(actor: Actor, filter: AdminArticleFilter, page: number): Promise<{ items: ArticleSummaryData[]; hasNext: boolean }> {
    const scoped: AdminArticleFilter = canListAllArticles(actor) ? filter : { ...filter, authorId: actor.id };
    // Someone else's articles asked for by a non-editor: the scope above already says "mine", so ask for nothing.
    if (!canListAllArticles(actor) && filter.authorId !== undefined && filter.authorId !== actor.id) return { items: [], hasNext: false };
    const rows = await this.ctx.repos.articleAdmin.list(scoped, ADMIN_PAGE_SIZE + 1, (page - 1) * ADMIN_PAGE_SIZE);
    const shown = rows.slice(0, ADMIN_PAGE_SIZE);
    const ids = shown.map((r) => r.id);
    const [bylines, categories] = await Promise.all([this.ctx.repos.articles.bylinesFor(ids), this.ctx.repos.taxonomy.allCategories()]);
    const slugOf = new Map(categories.map((c) => [c.id, c.slug]));
    return {
      items: shown.map((r) => ({
        id: r.id,
        title: r.title,
        slug: r.slug,
        status: r.status,
        categoryId: r.primary_category_id,
        authors: bylines.filter((b) => b.article_id === r.id).map((b) => ({ id: b.id, name: b.display_name })),
        publishedAt: r.published_at,
        updatedAt: r.updated_at,
        url: articlePath(slugOf.get(r.primary_category_id) ?? '', r.slug),
      })),
      hasNext: rows.length > ADMIN_PAGE_SIZE,
    };
  }

  /** One article for its editor. */
  async detail(actor: Actor, id: number): Promise<ArticleDetailData> {
    const { row, facts } = await this.editorial.load(id);
    enforce(canViewArticle(actor, facts));
    const repos = this.ctx.repos;
    const [bylines, tags, notes, categories, media] = await Promise.all([
      repos.articles.bylinesFor([id]),
      repos.articles.tagsFor([id]),
      repos.articleNotes.listFor(id),
      repos.articles.categoriesByIds([row.primary_category_id]),
      repos.media.findByIds(row.featured_media_id === null ? [] : [row.featured_media_id]),
    ]);
    return {
      row,
      url: articlePath(categories[0]?.slug ?? '', row.slug),
      authors: bylines.map((b) => ({ id: b.id, name: b.display_name })),
      tags: tags.map((t) => t.name),
      notes,
      featuredMedia: media[0] ?? null,
    };
  }
}
