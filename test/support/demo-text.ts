/** The demo articles without their images and comments: fast to load on any database. */
import { demoBodyToDocument } from '../../src/services/demo/demo-markup.js';
import { DEMO_AUTHORS, DEMO_CATEGORIES } from '../../src/services/demo/demo-site.js';
import { DEMO_ARTICLES } from '../../src/services/demo/load-demo.js';
import type { Services } from '../../src/services/index.js';

/** Loads the demo categories, authors and articles (text only), in the demo's order. */
export async function loadDemoText(services: Services): Promise<Map<string, number>> {
  for (const [position, category] of DEMO_CATEGORIES.entries()) {
    await services.taxonomy.createCategory({ ...category, parentSlug: category.parent ?? null, position, inMenu: category.parent === undefined });
  }
  const authors = new Map<string, number>();
  for (const a of DEMO_AUTHORS) authors.set(a.slug, await services.users.createUser({ email: a.email, name: a.name, role: a.role, slug: a.slug, bio: a.bio, password: null }));
  const categories = new Map((await services.ctx.repos.taxonomy.allCategories()).map((c) => [c.slug, c.id]));
  const ids = new Map<string, number>();
  for (const demo of DEMO_ARTICLES) {
    const id = await services.articles.createArticle({
      title: demo.title,
      slug: demo.slug,
      dek: demo.dek,
      body: demoBodyToDocument(demo.body),
      categoryId: categories.get(demo.category) ?? 0,
      authorIds: demo.authors.map((s) => authors.get(s) ?? 0),
      tagNames: demo.tags,
      status: demo.status ?? 'published',
      publishedAt: Date.parse(demo.publishedAt),
    });
    ids.set(demo.slug, id);
  }
  return ids;
}
