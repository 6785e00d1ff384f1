/**
 * Sitemaps: an index, the home page and categories, the articles in pages of at most 50,000
 * URLs, and the Google News sitemap of the last 48 hours. Article pages are windows of the
 * publication-ordered index, oldest first, so older pages stay the same as articles are added;
 * no request ever holds more than one page of articles.
 */
import { absoluteUrl, articlePath, categoryPath, SITEMAP_SECTIONS_PATH, sitemapArticlesPath } from '../domain/urls.js';
import { typeset } from '../domain/text/french-typography.js';
import { siteTypography, type ServiceContext } from './context.js';
import type { NewsSitemapView, SitemapEntryView } from './syndication-views.js';

/** URLs per sitemap page: the protocol's limit (50,000 URLs; ours stay far below 50 MB). */
export const SITEMAP_PAGE_SIZE = 50_000;
/** How far back the Google News sitemap reaches. */
export const NEWS_WINDOW_MS = 48 * 3_600_000;
/** Google News reads at most 1,000 URLs per news sitemap. */
export const NEWS_SITEMAP_LIMIT = 1_000;

/** Options of {@link SitemapService}. */
export interface SitemapOptions {
  /** URLs per article sitemap page (tests use small pages). */
  pageSize?: number;
}

/** Builds the sitemaps. */
export class SitemapService {
  readonly pageSize: number;

  constructor(
    private readonly ctx: ServiceContext,
    options: SitemapOptions = {},
  ) {
    this.pageSize = Math.min(Math.max(1, Math.floor(options.pageSize ?? SITEMAP_PAGE_SIZE)), SITEMAP_PAGE_SIZE);
  }

  /** How many article sitemap pages there are: the count of visible articles over the page size. */
  async articlePageCount(): Promise<number> {
    const count = await this.ctx.repos.articles.countPublished(this.ctx.clock.now());
    return Math.ceil(count / this.pageSize);
  }

  /** The sitemap index: the sections sitemap, then each article page with its newest change. */
  async index(): Promise<SitemapEntryView[]> {
    const now = this.ctx.clock.now();
    const { siteUrl } = this.ctx.site;
    const pages = await this.articlePageCount();
    const lastModified = await Promise.all(
      Array.from({ length: pages }, (_, i) => this.ctx.repos.articles.publishedWindowLastModified(now, i * this.pageSize, this.pageSize)),
    );
    const newest = lastModified.reduce<number | null>((max, t) => (t === null ? max : Math.max(max ?? 0, t)), null);
    return [
      { url: absoluteUrl(siteUrl, SITEMAP_SECTIONS_PATH), lastModified: newest === null ? null : new Date(newest) },
      ...lastModified.map((t, i) => ({ url: absoluteUrl(siteUrl, sitemapArticlesPath(i + 1)), lastModified: t === null ? null : new Date(t) })),
    ];
  }

  /** The home page and every category page. */
  async sections(): Promise<SitemapEntryView[]> {
    const { siteUrl } = this.ctx.site;
    const [categories, pages] = await Promise.all([this.ctx.repos.taxonomy.allCategories(), this.ctx.repos.pages.listVisible(this.ctx.clock.now())]);
    return [
      { url: absoluteUrl(siteUrl, '/'), lastModified: null },
      ...categories.map((c) => ({ url: absoluteUrl(siteUrl, categoryPath(c.slug)), lastModified: null })),
      // Standalone pages (À propos…) are few: they go with the sections.
      ...pages.map((p) => ({ url: absoluteUrl(siteUrl, `/${p.slug}`), lastModified: new Date(Math.max(p.updated_at, p.published_at ?? 0)) })),
    ];
  }

  /** Page `page` (from 1) of the articles sitemap, or undefined past the last page. */
  async articles(page: number): Promise<SitemapEntryView[] | undefined> {
    if (!Number.isSafeInteger(page) || page < 1) return undefined;
    if (page > (await this.articlePageCount())) return undefined;
    const now = this.ctx.clock.now();
    const [rows, categories] = await Promise.all([
      this.ctx.repos.articles.publishedWindow(now, (page - 1) * this.pageSize, this.pageSize),
      this.ctx.repos.taxonomy.allCategories(),
    ]);
    const slugOf = new Map(categories.map((c) => [c.id, c.slug]));
    const entries: SitemapEntryView[] = [];
    for (const row of rows) {
      const category = slugOf.get(row.primary_category_id);
      if (category === undefined || row.published_at === null) continue;
      entries.push({
        url: absoluteUrl(this.ctx.site.siteUrl, articlePath(category, row.slug)),
        lastModified: new Date(Math.max(row.published_at, row.content_updated_at ?? 0)),
      });
    }
    return entries;
  }

  /** The Google News sitemap: articles published in the last 48 hours, newest first. */
  async news(): Promise<NewsSitemapView> {
    const now = this.ctx.clock.now();
    const { siteUrl, siteName } = this.ctx.site;
    const mode = siteTypography(this.ctx.site);
    const [rows, categories] = await Promise.all([
      this.ctx.repos.articles.publishedBetween(now - NEWS_WINDOW_MS, now, NEWS_SITEMAP_LIMIT),
      this.ctx.repos.taxonomy.allCategories(),
    ]);
    const slugOf = new Map(categories.map((c) => [c.id, c.slug]));
    const entries = rows.flatMap((row) => {
      const category = slugOf.get(row.primary_category_id);
      if (category === undefined || row.published_at === null) return [];
      return [{ url: absoluteUrl(siteUrl, articlePath(category, row.slug)), title: typeset(row.title, mode), publishedAt: new Date(row.published_at), language: (row.language.split('-')[0] ?? 'fr').toLowerCase() }];
    });
    return { publicationName: siteName, entries };
  }
}
