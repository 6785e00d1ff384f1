import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { createServices, type Services } from '../../src/services/index.js';
import { PAGE_SIZE } from '../../src/services/public-site.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { buildArticle, buildSite, type SiteFixture } from '../support/factories.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');

/**
 * A page of articles costs a fixed number of queries: adding articles (each with two
 * bylines, three tags and a figure) must not add queries (no N+1).
 */
describeEachDatabase('query count of listing pages', (dialect) => {
  let db: TestDatabase;
  let services: Services;
  let site: SiteFixture;
  let queries: string[] = [];

  async function count(run: () => Promise<unknown>): Promise<number> {
    queries = [];
    await run();
    return queries.length;
  }

  async function addArticles(n: number, offset: number): Promise<void> {
    const renditions = [{ width: 10, height: 10, format: 'jpeg' as const, bytes: Buffer.from('x') }];
    for (let i = 0; i < n; i++) {
      const mediaId = await services.media.addImage({ name: `img-${offset + i}`, renditions: [{ ...renditions[0]!, bytes: Buffer.from(`img-${offset + i}`) }], alt: 'Une image', caption: 'Légende', credit: 'Dépêche' });
      await buildArticle(services, site, { authorIds: [site.authorId, site.secondAuthorId], tagNames: ['Commun', `Tag ${i}`, `Autre ${i % 3}`], featuredMediaId: mediaId, publishedAt: NOW - (offset + i + 1) * 60_000 });
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase(dialect, { onQuery: (sql) => queries.push(sql) });
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    services = createServices({ db: db.db, clock: fixedClock(NOW), site: { siteUrl: 'https://www.example.fr', siteName: 'Test', siteLanguage: 'fr', timeZone: 'Europe/Paris' }, mediaDir: mkdtempSync(`${tmpdir()}/depeche-q-`) });
    site = await buildSite(services);
  });
  afterAll(async () => db?.destroy());

  it('costs the same number of queries for 3 or 20 articles on every listing', async () => {
    await addArticles(3, 0);
    const small = {
      tag: await count(() => services.publicSite.tagPage('commun', 1)),
      category: await count(() => services.publicSite.categoryPage('monde', 1)),
      author: await count(() => services.publicSite.authorPage('lea-martin', 1)),
      home: await count(() => services.publicSite.homePage()),
    };
    await addArticles(PAGE_SIZE + 5, 3);
    const page = await services.publicSite.tagPage('commun', 1);
    expect(page?.articles).toHaveLength(PAGE_SIZE);
    expect(page?.articles.every((a) => a.authors.length === 2 && a.tags.length === 3 && a.image !== null)).toBe(true);
    const large = {
      tag: await count(() => services.publicSite.tagPage('commun', 1)),
      category: await count(() => services.publicSite.categoryPage('monde', 1)),
      author: await count(() => services.publicSite.authorPage('lea-martin', 1)),
      home: await count(() => services.publicSite.homePage()),
    };
    expect(large).toEqual(small);
    // Chrome, listing ids, articles, bylines, tags, media (the tag/author lookup adds one).
    expect(large.category).toBeLessThanOrEqual(6);
    expect(large.tag).toBeLessThanOrEqual(7);
  });

  it('reads the article page with a bounded number of queries', async () => {
    const url = (await services.publicSite.tagPage('commun', 1))!.articles[5]!.url;
    const [, category, slug] = url.split('/');
    let page: Awaited<ReturnType<Services['publicSite']['articlePage']>>;
    const n = await count(async () => (page = await services.publicSite.articlePage(category!, slug!)));
    expect(page!.related).toHaveLength(4);
    // chrome, article, card (3 + media), comments, related tags + one per tag (3) + category fill, related cards (4).
    expect(n).toBeLessThanOrEqual(16);
  });
});
