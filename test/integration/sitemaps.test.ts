/**
 * Sitemaps checked against XSD schemas with libxml2 (xmllint-wasm): the urlset against the
 * sitemaps.org schema (shared test data), the index and the Google News extension against
 * schemas of their documented shapes (test/fixtures/xsd); pages by count; drafts never listed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { fixedClock } from '../../src/services/clock.js';
import { SITEMAP_PAGE_SIZE, SitemapService } from '../../src/services/sitemap-service.js';
import { renderUrlSet } from '../../src/web/syndication/sitemap-xml.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { readReference, referenceAvailable } from '../support/reference-data.js';
import { buildSyndicationSite, type SyndicationSite } from '../support/syndication-site.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const SITE = 'http://localhost:3000';
const XSD_DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'xsd');
const ownXsd = (name: string) => ({ fileName: name, contents: readFileSync(join(XSD_DIR, name), 'utf8') });
const HAS_SITEMAP_XSD = referenceAvailable('misc/sitemaps/sitemap.xsd');

/** Validates a document with libxml2; returns its errors (none when valid). */
async function xsdErrors(xml: string, schema: 'urlset' | 'index' | 'news'): Promise<string[]> {
  const official = HAS_SITEMAP_XSD ? { fileName: 'sitemap.xsd', contents: readReference('misc/sitemaps/sitemap.xsd') } : undefined;
  const options =
    schema === 'index'
      ? { schema: [ownXsd('siteindex.xsd')] }
      : schema === 'urlset'
        ? { schema: [official!] }
        : { schema: [ownXsd('news-urlset.xsd')], preload: [official!, ownXsd('sitemap-news.xsd')] };
  const result = await validateXML({ xml: [{ fileName: 'sitemap.xml', contents: xml }], ...options });
  return result.errors.map((e) => e.message);
}

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap'].includes(name) });

/** Parses a well-formed sitemap; fails the test on malformed XML. */
function parse(xml: string): Record<string, unknown> {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Record<string, unknown>;
}

const locs = (doc: Record<string, unknown>) => ((doc.urlset as { url?: Array<{ loc: string }> }).url ?? []).map((u) => u.loc);

it('the schemas catch what they should (real sitemaps from sitemap.js)', async () => {
  if (!referenceAvailable('misc/sitemaps/alltags-index.xml')) return;
  expect(await xsdErrors(readReference('misc/sitemaps/alltags-index.xml'), 'index')).toEqual([]);
  expect(await xsdErrors(readReference('misc/sitemaps/index-unescaped-lt.xml'), 'index')).not.toEqual([]);
  expect(XMLValidator.validate(readReference('misc/sitemaps/unescaped-lt.xml'))).not.toBe(true);
  const wrongNews = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://www.example.fr/a</loc><news:news><news:title>Sans publication</news:title></news:news></url></urlset>';
  expect(await xsdErrors(wrongNews, 'news')).not.toEqual([]);
});

describeEachDatabase('sitemaps', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let site: SyndicationSite;
  let expectedUrls: Map<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db, { clock: fixedClock(NOW) });
    site = await buildSyndicationSite(app.services);
    const categories = await app.services.ctx.repos.taxonomy.allCategories();
    expectedUrls = new Map();
    for (const slug of site.visible) {
      const row = (await app.services.ctx.repos.articles.findBySlug(slug))!;
      expectedUrls.set(slug, `${SITE}/${categories.find((c) => c.id === row.primary_category_id)!.slug}/${slug}`);
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.server.inject({ method: 'GET', url, headers });

  it('robots.txt points to the sitemap index and the news sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toMatch(/^User-agent: \*$/m);
    expect(res.body).toContain(`Sitemap: ${SITE}/sitemap.xml\n`);
    expect(res.body).toContain(`Sitemap: ${SITE}/news-sitemap.xml\n`);
  });

  it('the index lists the sections sitemap and each article page with its lastmod, and is valid', async () => {
    const res = await get('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const doc = parse(res.body);
    const index = doc.sitemapindex as { '@_xmlns': string; sitemap: Array<{ loc: string; lastmod: string }> };
    expect(index['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(index.sitemap.map((s) => s.loc)).toEqual([`${SITE}/sitemap-sections.xml`, `${SITE}/sitemap-articles-1.xml`]);
    // The newest change among visible articles: the edit of "affaire-des-euros", an hour ago.
    expect(index.sitemap[1]!.lastmod).toBe(new Date(NOW - 3_600_000).toISOString().replace('.000Z', 'Z'));
    expect(await xsdErrors(res.body, 'index')).toEqual([]);
  });

  it.skipIf(!HAS_SITEMAP_XSD)('article and section pages list every visible article once, never a hidden one, and are valid', async () => {
    const res = await get('/sitemap-articles-1.xml');
    expect(res.statusCode).toBe(200);
    const doc = parse(res.body);
    expect((doc.urlset as Record<string, string>)['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    // Oldest first: pages already written stay the same as articles are added.
    expect(locs(doc)).toEqual([...site.visible].reverse().map((slug) => expectedUrls.get(slug)));
    for (const slug of site.hidden) expect(res.body).not.toContain(slug);
    const lastmods = (doc.urlset as { url: Array<{ lastmod: string }> }).url.map((u) => u.lastmod);
    expect(lastmods.every((l) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(l))).toBe(true);
    expect(await xsdErrors(res.body, 'urlset')).toEqual([]);

    const sections = await get('/sitemap-sections.xml');
    expect(locs(parse(sections.body))).toEqual([`${SITE}/`, `${SITE}/monde/`, `${SITE}/afrique/`]);
    expect(await xsdErrors(sections.body, 'urlset')).toEqual([]);

    for (const url of ['/sitemap-articles-2.xml', '/sitemap-articles-0.xml', '/sitemap-articles-x.xml', '/sitemap-articles-99999999999.xml']) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });

  it.skipIf(!HAS_SITEMAP_XSD)('the Google News sitemap lists the last 48 hours with publication, language, date and title, and is valid', async () => {
    const res = await get('/news-sitemap.xml');
    expect(res.statusCode).toBe(200);
    const doc = parse(res.body);
    const urlset = doc.urlset as Record<string, unknown> & { url: Array<Record<string, { 'news:publication': Record<string, string>; 'news:publication_date': string; 'news:title': string }> & { loc: string }> };
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(urlset.url.map((u) => u.loc)).toEqual(site.recent.map((slug) => expectedUrls.get(slug)));
    const first = urlset.url[0]!['news:news']!;
    expect(first['news:publication']).toEqual({ 'news:name': 'Dépêche', 'news:language': 'fr' });
    expect(first['news:publication_date']).toBe(new Date(NOW - 2 * 3_600_000).toISOString().replace('.000Z', 'Z'));
    expect(first['news:title']).toBe('L’«\u00a0affaire\u00a0» des 12\u202f345\u00a0euros\u202f: qui paiera\u202f?');
    for (const slug of [...site.hidden, 'archives-anciennes']) expect(res.body).not.toContain(slug);
    expect(await xsdErrors(res.body, 'news')).toEqual([]);
  });

  it.skipIf(!HAS_SITEMAP_XSD)('pages by count: with two URLs a page, two pages that together list every article once', async () => {
    const sitemaps = new SitemapService(app.services.ctx, { pageSize: 2 });
    expect(SITEMAP_PAGE_SIZE).toBeLessThanOrEqual(50_000);
    expect(await sitemaps.articlePageCount()).toBe(2);
    const index = await sitemaps.index();
    expect(index.map((e) => e.url)).toEqual([`${SITE}/sitemap-sections.xml`, `${SITE}/sitemap-articles-1.xml`, `${SITE}/sitemap-articles-2.xml`]);
    const [page1, page2, page3] = await Promise.all([sitemaps.articles(1), sitemaps.articles(2), sitemaps.articles(3)]);
    expect(page3).toBeUndefined();
    expect(page1).toHaveLength(2);
    expect(page2).toHaveLength(2);
    expect([...page1!, ...page2!].map((e) => e.url)).toEqual([...site.visible].reverse().map((slug) => expectedUrls.get(slug)));
    // Each page's lastmod in the index is the newest change on that page.
    expect(index[1]!.lastModified?.getTime()).toBe(Math.max(...page1!.map((e) => e.lastModified!.getTime())));
    expect(index[2]!.lastModified?.getTime()).toBe(Math.max(...page2!.map((e) => e.lastModified!.getTime())));
    expect(await xsdErrors(renderUrlSet(page2!), 'urlset')).toEqual([]);
  });

  it('answers a conditional GET with 304', async () => {
    for (const url of ['/sitemap.xml', '/sitemap-articles-1.xml', '/news-sitemap.xml', '/robots.txt']) {
      const first = await get(url);
      expect((await get(url, { 'if-none-match': first.headers.etag as string })).statusCode, url).toBe(304);
    }
  });
});
