import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { buildArticle, buildSite, type SiteFixture } from '../support/factories.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');

describeEachDatabase('public pages over HTTP', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let site: SiteFixture;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db, { clock: fixedClock(NOW) });
    site = await buildSite(app.services);
    await buildArticle(app.services, site, { title: 'Un sommet à Nairobi', slug: 'sommet-nairobi', tagNames: ['Diplomatie', 'Afrique'], authorIds: [site.authorId, site.secondAuthorId], publishedAt: Date.parse('2025-12-01T13:05:00Z') });
    await buildArticle(app.services, site, { title: 'Un autre sommet', tagNames: ['Diplomatie'] });
    await buildArticle(app.services, site, { title: 'Brouillon secret', slug: 'brouillon-secret', status: 'draft', publishedAt: null });
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  const get = (url: string) => app.server.inject({ method: 'GET', url });

  it('serves the home page in French with the navigation', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toMatch(/^<!doctype html><html lang="fr">/);
    expect(res.body).toContain('<nav class="site-nav" aria-label="Rubriques">');
    expect(res.body).toContain('href="/monde/"');
    expect(res.body).toContain('Un sommet à Nairobi');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves an article with every part', async () => {
    const res = await get('/monde/sommet-nairobi');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<title>Un sommet à Nairobi – Dépêche</title>');
    expect(html).toContain('<h1 id="titre">Un sommet à Nairobi</h1>');
    expect(html).toContain('aria-label="Fil d’Ariane"');
    expect(html).toContain('<a href="/auteur/lea-martin" rel="author">Léa Martin</a>');
    expect(html).toContain('<a href="/auteur/paul-roche" rel="author">Paul Roche</a>');
    expect(html).toContain('<time datetime="2025-12-01T14:05:00+01:00">lundi 1<sup>er</sup> décembre 2025 à 14\u00a0h\u00a005</time>');
    expect(html).toContain('<a href="/tag/diplomatie" rel="tag">Diplomatie</a>');
    expect(html).toContain('<h2 id="un-intertitre">Un intertitre</h2>');
    expect(html).toContain('Vous aimerez aussi');
    expect(html).toContain('Un autre sommet');
    expect(html).toContain('Laisser un commentaire');
    expect(html).toContain('"@type":"BreadcrumbList"');
    expect(html).not.toContain('lea.martin@example.org');
  });

  it('sends an article once: no error page is rendered after it', async () => {
    // A Fastify reply is a thenable: awaiting one in a handler once made every article request
    // fall through to the 404 page after the article was sent ("Reply was already sent").
    const site = app.services.publicSite;
    const original = site.chromeOnly.bind(site);
    let errorPages = 0;
    site.chromeOnly = async () => {
      errorPages++;
      return original();
    };
    try {
      const res = await get('/monde/sommet-nairobi');
      expect(res.statusCode).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(errorPages).toBe(0);
    } finally {
      site.chromeOnly = original;
    }
  });

  it('serves category, tag and author listings', async () => {
    expect((await get('/monde/')).statusCode).toBe(200);
    const tag = await get('/tag/diplomatie');
    expect(tag.statusCode).toBe(200);
    expect(tag.body).toContain('<h1>Diplomatie</h1>');
    const author = await get('/auteur/paul-roche');
    expect(author.statusCode).toBe(200);
    expect(author.body).toContain('Un sommet à Nairobi');
  });

  it('redirects a category without its trailing slash', async () => {
    const res = await get('/monde?page=1');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/monde/?page=1');
  });

  it('answers unknown paths and hidden articles with a French 404 page', async () => {
    for (const url of ['/nulle-part', '/monde/inconnu', '/tag/inconnu', '/auteur/personne', '/monde/brouillon-secret', '/afrique/sommet-nairobi', '/a/b/c/d']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('Page introuvable');
      expect(res.body).toContain('<html lang="fr">');
    }
  });

  it('answers bad input with 400 or 404, never 500', async () => {
    const cases: Array<[string, number]> = [
      ['/%E0%A4%A', 400],
      ['/monde/%', 400],
      ['/tag/%ZZ', 400],
      ['/monde/?page=-1', 400],
      ['/monde/?page=0', 400],
      ['/monde/?page=abc', 400],
      ['/monde/?page=1&page=2', 400],
      ['/monde/?page=99999999999', 404],
      ['/monde/?page=99999999999999999999999', 400],
      ['/tag/diplomatie?page=2', 404],
      ['/auteur/lea-martin?page=%FF', 400],
      ['/' + 'a'.repeat(5000), 400],
      ['/tag/' + 'b'.repeat(300), 400],
    ];
    for (const [url, status] of cases) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(status);
      expect(res.body, url).toContain('<html lang="fr">');
      expect(res.body, url).not.toMatch(/at .*\.(ts|js):\d+/);
    }
  });

  it('redirects an old article URL after a slug change', async () => {
    const row = await app.services.ctx.repos.articles.findBySlug('sommet-nairobi');
    await app.services.articles.updateArticle(row!.id, { slug: 'sommet-de-nairobi' });
    const res = await get('/monde/sommet-nairobi');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/monde/sommet-de-nairobi');
    expect((await get('/monde/sommet-de-nairobi')).statusCode).toBe(200);
  });

  it('refuses a comment posted without the form token, in French, keeping what was typed', async () => {
    const res = await app.server.inject({ method: 'POST', url: '/monde/sommet-de-nairobi/commentaires', payload: 'body=Bonjour&name=A&email=a%40b.fr', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Votre commentaire n’a pas pu être vérifié');
    expect(res.body).toContain('>Bonjour</textarea>');
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('serves the stylesheet with long caching', async () => {
    const home = await get('/');
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(home.body)?.[1];
    const css = await get(href!);
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toContain('immutable');
  });
});

describeEachDatabase('a database failure', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy().catch(() => undefined);
  });

  it('gives a French 500 page without a stack trace', async () => {
    await db.close();
    const res = await app.server.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('Une erreur interne est survenue');
    expect(res.body).not.toMatch(/Error:|at .*\.(ts|js)/);
  });
});
