/**
 * Standalone pages (À propos, Mentions légales…): written like articles (same document
 * schema, same rendering) but outside every article listing, feed, search and related list.
 * They answer at /{slug}, so a page slug must not be a category's or a reserved path.
 */
import { isArticleStatus, isPubliclyVisible, type ArticleStatus } from '../domain/article.js';
import { RESERVED_CATEGORY_SLUGS } from '../domain/category.js';
import { figureMediaIds, renderDocument } from '../domain/document/render-document.js';
import { validateDocument } from '../domain/document/validate-document.js';
import { isSlug, slugify } from '../domain/slug.js';
import { DepecheError } from '../errors.js';
import type { Repositories } from '../storage/repositories/index.js';
import type { PageRow } from '../storage/schema.js';
import { siteTypography, type ServiceContext } from './context.js';
import { responsiveImage } from './responsive-image.js';

/** What a page is made of. */
export interface PageInput {
  title: string;
  slug?: string;
  excerpt?: string;
  /** A document JSON value, validated here. */
  body: unknown;
  status?: ArticleStatus;
  publishedAt?: number | null;
  seoTitle?: string | null;
  seoDescription?: string | null;
}

/** Path of a page. */
export function pagePath(slug: string): string {
  return `/${slug}`;
}

function text(value: string | null | undefined, field: string, max: number, required = false): string {
  const t = (value ?? '').trim();
  if (required && t === '') throw new DepecheError('DEPECHE_VALIDATION', { detail: `${field} is required` });
  if (t.length > max) throw new DepecheError('DEPECHE_VALIDATION', { detail: `${field} is longer than ${max} characters` });
  return t;
}

/** Creates, edits and finds pages. */
export class PageService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Whether a slug can be a page's: well-formed, not reserved, not a category's, not another page's. */
  async slugProblem(repos: Repositories, slug: string, pageId: number | null): Promise<string | null> {
    if (!isSlug(slug)) return `"${slug}" is not a valid slug`;
    if (RESERVED_CATEGORY_SLUGS.has(slug)) return `"${slug}" is a reserved address`;
    if (await repos.taxonomy.findCategoryBySlug(slug)) return `"/${slug}" is a category's address`;
    const other = await repos.pages.findBySlug(slug);
    if (other && other.id !== pageId) return `"/${slug}" is another page's address`;
    return null;
  }

  /** Creates a page and returns its id. */
  async createPage(input: PageInput): Promise<number> {
    const now = this.ctx.clock.now();
    return this.ctx.repos.transaction(async (repos) => {
      const row = await this.prepare(repos, input, null, now);
      return repos.pages.insert({ ...row, created_at: now, updated_at: now });
    });
  }

  /** Changes a page: the given fields replace the stored ones. A new slug leaves a redirect behind. */
  async updatePage(id: number, patch: Partial<PageInput>): Promise<void> {
    const now = this.ctx.clock.now();
    await this.ctx.repos.transaction(async (repos) => {
      const current = await repos.pages.findById(id);
      if (!current) throw new DepecheError('DEPECHE_NOT_FOUND');
      const merged: PageInput = {
        title: current.title,
        slug: current.slug,
        excerpt: current.excerpt,
        body: JSON.parse(current.body) as unknown,
        status: isArticleStatus(current.status) ? current.status : 'draft',
        publishedAt: current.published_at,
        seoTitle: current.seo_title,
        seoDescription: current.seo_description,
        ...patch,
      };
      const row = await this.prepare(repos, merged, id, now);
      await repos.pages.update(id, { ...row, updated_at: now });
      if (row.slug !== current.slug) await repos.redirects.moved(pagePath(current.slug), pagePath(row.slug), now);
    });
  }

  /** The page at /{slug}, if readers may see it. */
  async visiblePage(slug: string): Promise<PageRow | undefined> {
    const row = await this.ctx.repos.pages.findBySlug(slug);
    if (!row || !isArticleStatus(row.status) || !isPubliclyVisible(row.status, row.published_at, this.ctx.clock.now())) return undefined;
    return row;
  }

  private async prepare(repos: Repositories, input: PageInput, id: number | null, now: number) {
    const title = text(input.title, 'title', 300, true);
    const slug = input.slug === undefined || input.slug.trim() === '' ? slugify(title) : input.slug.trim();
    const problem = await this.slugProblem(repos, slug, id);
    if (problem !== null) throw new DepecheError('DEPECHE_VALIDATION', { detail: problem });
    const status: ArticleStatus = input.status ?? 'draft';
    if (!isArticleStatus(status)) throw new DepecheError('DEPECHE_VALIDATION', { detail: `unknown status "${String(status)}"` });
    let publishedAt = input.publishedAt ?? null;
    if ((status === 'published' || status === 'scheduled') && publishedAt === null) publishedAt = now;
    if (publishedAt !== null && !Number.isFinite(publishedAt)) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'invalid publication time' });
    const document = validateDocument(input.body);
    const images = new Map((await repos.media.findByIds(figureMediaIds(document))).map((m) => [m.id, responsiveImage(m)]));
    const typography = this.ctx.site.siteLanguage === 'fr' ? siteTypography(this.ctx.site) : 'off';
    const seoTitle = text(input.seoTitle, 'SEO title', 300);
    const seoDescription = text(input.seoDescription, 'SEO description', 1000);
    return {
      slug,
      title,
      excerpt: text(input.excerpt, 'excerpt', 1000),
      body: JSON.stringify(document),
      body_html: renderDocument(document, { siteOrigin: this.ctx.site.siteUrl, typography, images, eagerFirstFigure: true }),
      status,
      published_at: publishedAt,
      seo_title: seoTitle === '' ? null : seoTitle,
      seo_description: seoDescription === '' ? null : seoDescription,
    };
  }
}
