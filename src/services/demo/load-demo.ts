/**
 * Loads the demo site through the same services an editor uses. Idempotent: what exists
 * (matched by slug or email) is left alone, so running it twice changes nothing.
 */
import { createHash } from 'node:crypto';
import type { Services } from '../index.js';
import { DEMO_ARTICLES_A } from './articles-a.js';
import { DEMO_ARTICLES_B } from './articles-b.js';
import { demoBodyToDocument } from './demo-markup.js';
import { renderDemoImage } from './demo-images.js';
import { DEMO_AUTHORS, DEMO_CATEGORIES } from './demo-site.js';
import type { DemoArticle, DemoComment } from './demo-types.js';

/** Every demo article, in publication order of writing. */
export const DEMO_ARTICLES: readonly DemoArticle[] = [...DEMO_ARTICLES_A, ...DEMO_ARTICLES_B];

/** What a demo load created. */
export interface DemoReport {
  categories: number;
  authors: number;
  articles: number;
  comments: number;
  images: number;
}

/** Options of {@link loadDemo}. */
export interface DemoOptions {
  /** Called after each article, for progress output. */
  onArticle?: (done: number, total: number) => void;
}

function seedOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32LE(0);
}

/** Loads the demo content; returns what it added. */
export async function loadDemo(services: Services, options: DemoOptions = {}): Promise<DemoReport> {
  const report: DemoReport = { categories: 0, authors: 0, articles: 0, comments: 0, images: 0 };
  const repos = services.ctx.repos;

  for (const [position, category] of DEMO_CATEGORIES.entries()) {
    if (await repos.taxonomy.findCategoryBySlug(category.slug)) continue;
    await services.taxonomy.createCategory({ ...category, parentSlug: category.parent ?? null, position, inMenu: category.parent === undefined });
    report.categories++;
  }

  const authorIds = new Map<string, number>();
  for (const author of DEMO_AUTHORS) {
    const existing = await repos.users.findByEmail(author.email);
    if (existing) {
      authorIds.set(author.slug, existing.id);
      continue;
    }
    // Demo staff cannot log in: no password until an administrator sets one.
    authorIds.set(author.slug, await services.users.createUser({ email: author.email, name: author.name, role: author.role, slug: author.slug, bio: author.bio, password: null }));
    report.authors++;
  }

  const categories = new Map((await repos.taxonomy.allCategories()).map((c) => [c.slug, c.id]));
  let done = 0;
  for (const demo of DEMO_ARTICLES) {
    done++;
    if (await repos.articles.findBySlug(demo.slug)) {
      options.onArticle?.(done, DEMO_ARTICLES.length);
      continue;
    }
    const renditions = await renderDemoImage(demo.figure.scene, seedOf(demo.slug));
    const mediaId = await services.media.addImage({ name: demo.slug.slice(0, 40), renditions, alt: demo.figure.alt, caption: demo.figure.caption, credit: demo.figure.credit });
    report.images++;
    const categoryId = categories.get(demo.category);
    if (categoryId === undefined) throw new Error(`demo article ${demo.slug}: unknown category ${demo.category}`);
    const articleId = await services.articles.createArticle({
      title: demo.title,
      slug: demo.slug,
      dek: demo.dek,
      body: demoBodyToDocument(demo.body),
      categoryId,
      authorIds: demo.authors.map((slug) => {
        const id = authorIds.get(slug);
        if (id === undefined) throw new Error(`demo article ${demo.slug}: unknown author ${slug}`);
        return id;
      }),
      tagNames: demo.tags,
      status: demo.status ?? 'published',
      publishedAt: Date.parse(demo.publishedAt),
      contentUpdatedAt: demo.updatedAt ? Date.parse(demo.updatedAt) : null,
      featuredMediaId: mediaId,
      revisionNote: 'Contenu de démonstration',
    });
    report.articles++;
    report.comments += await addComments(services, articleId, demo.comments ?? [], null);
    options.onArticle?.(done, DEMO_ARTICLES.length);
  }
  return report;
}

async function addComments(services: Services, articleId: number, comments: readonly DemoComment[], parentId: number | null): Promise<number> {
  let count = 0;
  for (const comment of comments) {
    const id = await services.comments.recordComment({
      articleId,
      parentId,
      status: 'approved',
      authorName: comment.name,
      authorEmail: comment.email,
      body: comment.body,
      createdAt: Date.parse(comment.postedAt),
    });
    count += 1 + (await addComments(services, articleId, comment.replies ?? [], id));
  }
  return count;
}
