/** Small builders of test content, going through the services like every writer does. */
import type { ArticleInput } from '../../src/services/article-service.js';
import type { Services } from '../../src/services/index.js';

/** A minimal site: two categories (one a child), one author. */
export interface SiteFixture {
  categoryId: number;
  childCategoryId: number;
  authorId: number;
  secondAuthorId: number;
}

/** Creates the minimal site. */
export async function buildSite(services: Services): Promise<SiteFixture> {
  const categoryId = await services.taxonomy.createCategory({ name: 'Monde', slug: 'monde', position: 0 });
  const childCategoryId = await services.taxonomy.createCategory({ name: 'Afrique', slug: 'afrique', parentSlug: 'monde', position: 1, inMenu: false });
  const authorId = await services.users.createUser({ email: 'lea.martin@example.org', name: 'Léa Martin', role: 'author' });
  const secondAuthorId = await services.users.createUser({ email: 'paul.roche@example.org', name: 'Paul Roche', role: 'editor' });
  return { categoryId, childCategoryId, authorId, secondAuthorId };
}

let counter = 0;

/** A small article body with a heading. */
export function sampleBody(text = 'Un paragraphe.') {
  return {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text }] },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Un intertitre' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Suite.' }] },
    ],
  };
}

/** Creates an article (published an hour before `now` unless told otherwise). */
export async function buildArticle(services: Services, site: SiteFixture, overrides: Partial<ArticleInput> = {}): Promise<number> {
  counter++;
  const now = services.ctx.clock.now();
  return services.articles.createArticle({
    title: `Article de test numéro ${counter}`,
    dek: 'Un chapô de test.',
    body: sampleBody(),
    categoryId: site.categoryId,
    authorIds: [site.authorId],
    tagNames: ['Essai'],
    status: 'published',
    publishedAt: now - 3_600_000 - counter,
    ...overrides,
  });
}
