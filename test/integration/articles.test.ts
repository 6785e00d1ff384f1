import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { DepecheError } from '../../src/errors.js';
import { fixedClock } from '../../src/services/clock.js';
import { createServices, type Services } from '../../src/services/index.js';
import { PAGE_SIZE } from '../../src/services/public-site.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { buildArticle, buildSite, sampleBody, type SiteFixture } from '../support/factories.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const HOUR = 3_600_000;

describeEachDatabase('articles and visibility', (dialect) => {
  let db: TestDatabase;
  let services: Services;
  let site: SiteFixture;
  const clock = fixedClock(NOW);

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    services = createServices({ db: db.db, clock, site: { siteUrl: 'https://www.example.fr', siteName: 'Test', siteLanguage: 'fr', timeZone: 'Europe/Paris' }, mediaDir: '/nonexistent' });
    site = await buildSite(services);
  });
  afterAll(async () => db?.destroy());
  beforeEach(() => clock.set(NOW));

  it('stores an article with its bylines, tags, language and rendered body', async () => {
    const id = await buildArticle(services, site, { title: 'Élections : le scrutin reporté', authorIds: [site.secondAuthorId, site.authorId], tagNames: ['Élections', 'Afrique', 'élections'] });
    const row = await services.ctx.repos.articles.findById(id);
    expect(row?.slug).toBe('elections-le-scrutin-reporte');
    expect(row?.language).toBe('fr');
    expect(row?.translation_group).toMatch(/^[0-9a-f-]{36}$/);
    expect(row?.body_html).toContain('<h2 id="un-intertitre">Un intertitre</h2>');
    const bylines = await services.ctx.repos.articles.bylinesFor([id]);
    expect(bylines.map((b) => b.display_name)).toEqual(['Paul Roche', 'Léa Martin']);
    const tags = await services.ctx.repos.articles.tagsFor([id]);
    expect(tags.map((t) => t.slug)).toEqual(['elections', 'afrique']);
    expect((await services.ctx.repos.revisions.listFor(id)).length).toBe(1);
  });

  it('refuses unknown body nodes, duplicate slugs and missing references without storing anything', async () => {
    const before = await services.ctx.repos.articles.count();
    await expect(buildArticle(services, site, { body: { type: 'doc', content: [{ type: 'rawHtml', html: '<script>' }] } })).rejects.toMatchObject({ code: 'DEPECHE_DOCUMENT_INVALID' });
    await expect(buildArticle(services, site, { slug: 'elections-le-scrutin-reporte' })).rejects.toMatchObject({ code: 'DEPECHE_SLUG_TAKEN' });
    await expect(buildArticle(services, site, { categoryId: 987_654 })).rejects.toMatchObject({ code: 'DEPECHE_UNKNOWN_REFERENCE' });
    await expect(buildArticle(services, site, { authorIds: [] })).rejects.toBeInstanceOf(DepecheError);
    await expect(buildArticle(services, site, { tagNames: ['nouveau-tag-orphelin'], authorIds: [424_242] })).rejects.toMatchObject({ code: 'DEPECHE_UNKNOWN_REFERENCE' });
    expect(await services.ctx.repos.articles.count()).toBe(before);
    expect(await services.ctx.repos.taxonomy.findTagBySlug('nouveau-tag-orphelin')).toBeUndefined();
  });

  it('never shows drafts, articles in review, scheduled or future articles', async () => {
    const tag = 'Visibilité';
    const published = await buildArticle(services, site, { title: 'Visible publié', tagNames: [tag] });
    const draft = await buildArticle(services, site, { title: 'Brouillon caché', status: 'draft', publishedAt: null, tagNames: [tag] });
    const review = await buildArticle(services, site, { title: 'En relecture caché', status: 'review', publishedAt: null, tagNames: [tag] });
    const scheduled = await buildArticle(services, site, { title: 'Programmé caché', status: 'scheduled', publishedAt: NOW + HOUR, tagNames: [tag] });
    const future = await buildArticle(services, site, { title: 'Futur caché', status: 'published', publishedAt: NOW + HOUR, tagNames: [tag] });
    const publicSite = services.publicSite;

    const tagPage = await publicSite.tagPage('visibilite', 1);
    expect(tagPage?.articles.map((a) => a.id)).toEqual([published]);
    for (const id of [draft, review, scheduled, future]) {
      const row = (await services.ctx.repos.articles.findById(id))!;
      expect(await publicSite.articlePage('monde', row.slug)).toBeUndefined();
    }
    const home = await publicSite.homePage();
    const homeIds = [home.lead?.id, ...home.latest.map((a) => a.id), ...home.sections.flatMap((s) => s.articles.map((a) => a.id))];
    for (const id of [draft, review, scheduled, future]) expect(homeIds).not.toContain(id);
    const author = await publicSite.authorPage('lea-martin', 1);
    for (const id of [draft, review, scheduled, future]) expect(author?.articles.map((a) => a.id)).not.toContain(id);

    // Once its time comes, the future-dated article appears everywhere at once.
    clock.set(NOW + 2 * HOUR);
    expect((await publicSite.tagPage('visibilite', 1))?.articles.map((a) => a.id)).toEqual([future, published]);
  });

  it('lists a sub-category article under its parent category too', async () => {
    const id = await buildArticle(services, site, { title: 'Depuis la sous-rubrique', categoryId: site.childCategoryId });
    expect((await services.publicSite.categoryPage('afrique', 1))?.articles.map((a) => a.id)).toContain(id);
    const parent = await services.publicSite.categoryPage('monde', 1);
    expect(parent?.articles.map((a) => a.id)).toContain(id);
    expect(parent?.subcategories).toEqual([{ name: 'Afrique', url: '/afrique/' }]);
    const page = await services.publicSite.articlePage('afrique', 'depuis-la-sous-rubrique');
    expect(page?.breadcrumb.map((b) => b.name)).toEqual(['Accueil', 'Monde', 'Afrique', 'Depuis la sous-rubrique']);
  });

  it('keeps the old URL answering with a redirect when the slug or category changes', async () => {
    const id = await buildArticle(services, site, { title: 'Titre provisoire' });
    await services.articles.updateArticle(id, { slug: 'titre-definitif' });
    expect(await services.publicSite.redirectFor('/monde/titre-provisoire')).toEqual({ location: '/monde/titre-definitif', status: 301 });
    await services.articles.updateArticle(id, { categoryId: site.childCategoryId });
    // No chains: both old URLs point straight at the current one.
    expect(await services.publicSite.redirectFor('/monde/titre-provisoire')).toEqual({ location: '/afrique/titre-definitif', status: 301 });
    expect(await services.publicSite.redirectFor('/monde/titre-definitif')).toEqual({ location: '/afrique/titre-definitif', status: 301 });
    // Going back to an old slug makes it live again, not a redirect loop.
    await services.articles.updateArticle(id, { slug: 'titre-provisoire', categoryId: site.categoryId });
    expect(await services.publicSite.redirectFor('/monde/titre-provisoire')).toBeUndefined();
    expect(await services.publicSite.articlePage('monde', 'titre-provisoire')).toBeDefined();
    expect(await services.publicSite.redirectFor('/afrique/titre-definitif')).toEqual({ location: '/monde/titre-provisoire', status: 301 });
  });

  it('shows "Mis à jour" only for edits after publication', async () => {
    const id = await buildArticle(services, site, { title: 'Article corrigé', publishedAt: NOW - HOUR });
    expect((await services.publicSite.articlePage('monde', 'article-corrige'))?.article.updatedAt).toBeNull();
    clock.set(NOW + HOUR);
    await services.articles.updateArticle(id, { body: sampleBody('Texte corrigé.') });
    expect((await services.publicSite.articlePage('monde', 'article-corrige'))?.article.updatedAt).toEqual(new Date(NOW + HOUR));
    expect((await services.ctx.repos.revisions.listFor(id)).length).toBe(2);
    // Changing only the tags is not a visible correction of the text.
    clock.set(NOW + 2 * HOUR);
    await services.articles.updateArticle(id, { tagNames: ['Autre'] });
    expect((await services.publicSite.articlePage('monde', 'article-corrige'))?.article.updatedAt).toEqual(new Date(NOW + HOUR));
  });

  it('paginates listings at their edges', async () => {
    await services.taxonomy.createCategory({ name: 'Pages', slug: 'pages-test' });
    const category = (await services.ctx.repos.taxonomy.findCategoryBySlug('pages-test'))!;
    const ids: number[] = [];
    for (let i = 0; i < PAGE_SIZE + 1; i++) ids.push(await buildArticle(services, site, { categoryId: category.id, publishedAt: NOW - (i + 1) * HOUR }));
    const first = await services.publicSite.categoryPage('pages-test', 1);
    expect(first?.articles.map((a) => a.id)).toEqual(ids.slice(0, PAGE_SIZE));
    expect(first?.previousUrl).toBeNull();
    expect(first?.nextUrl).toBe('/pages-test/?page=2');
    const second = await services.publicSite.categoryPage('pages-test', 2);
    expect(second?.articles.map((a) => a.id)).toEqual([ids[PAGE_SIZE]]);
    expect(second?.previousUrl).toBe('/pages-test/');
    expect(second?.nextUrl).toBeNull();
    expect(await services.publicSite.categoryPage('pages-test', 3)).toBeUndefined();
    expect(await services.publicSite.categoryPage('pages-test', 99_999_999_999)).toBeUndefined();
    expect(await services.publicSite.categoryPage('pages-test', 0)).toBeUndefined();
  });

  it('orders articles published at the same instant by id, stably', async () => {
    await services.taxonomy.createCategory({ name: 'Égalité', slug: 'egalite' });
    const category = (await services.ctx.repos.taxonomy.findCategoryBySlug('egalite'))!;
    const a = await buildArticle(services, site, { categoryId: category.id, publishedAt: NOW - HOUR });
    const b = await buildArticle(services, site, { categoryId: category.id, publishedAt: NOW - HOUR });
    expect((await services.publicSite.categoryPage('egalite', 1))?.articles.map((x) => x.id)).toEqual([b, a]);
  });
});

describeEachDatabase('article write listeners', (dialect) => {
  let db: TestDatabase;
  let services: Services;
  let site: SiteFixture;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    services = createServices({ db: db.db, clock: fixedClock(NOW), site: { siteUrl: 'https://www.example.fr', siteName: 'Test', siteLanguage: 'fr', timeZone: 'Europe/Paris' }, mediaDir: '/nonexistent' });
    site = await buildSite(services);
  });
  afterAll(async () => db?.destroy());

  it('runs inside the write transaction: a failing listener leaves nothing stored', async () => {
    const seen: number[] = [];
    services.ctx.articleWriteListeners.push(async (repos, id) => {
      expect((await repos.articles.findById(id))?.id).toBe(id);
      seen.push(id);
    });
    const id = await buildArticle(services, site, { title: 'Écouté' });
    await services.articles.updateArticle(id, { dek: 'Nouveau chapô' });
    expect(seen).toEqual([id, id]);
    services.ctx.articleWriteListeners.push(async () => {
      throw new Error('index unavailable');
    });
    const before = await services.ctx.repos.articles.count();
    await expect(buildArticle(services, site, { title: 'Jamais stocké' })).rejects.toThrow('index unavailable');
    expect(await services.ctx.repos.articles.count()).toBe(before);
    await expect(services.articles.updateArticle(id, { dek: 'Perdu' })).rejects.toThrow('index unavailable');
    expect((await services.ctx.repos.articles.findById(id))?.dek).toBe('Nouveau chapô');
  });
});
