/**
 * Feeds read by real parsers: RSS 2.0 and Atom 1.0 through rss-parser (npm), JSON Feed 1.1
 * against its spec's required fields and the published JSON Schema; each item compared field
 * by field with the article it comes from; conditional GET; hidden articles never listed.
 */
import AjvModule from 'ajv';
import ajvFormats from 'ajv-formats';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absoluteHtmlUrls } from '../../src/domain/urls.js';
import { frenchTypography } from '../../src/domain/text/french-typography.js';
import { fixedClock } from '../../src/services/clock.js';
import { createServices } from '../../src/services/index.js';
import { FEED_SIZE } from '../../src/services/feed-service.js';
import type { ArticleRow } from '../../src/storage/schema.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { buildArticle, buildSite } from '../support/factories.js';
import { readReference, referenceAvailable } from '../support/reference-data.js';
import { buildSyndicationSite, HOSTILE_TITLE, type SyndicationSite } from '../support/syndication-site.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const SITE = 'http://localhost:3000';

type RssItem = Parser.Item & { creators?: string[]; mediaContent?: { $: Record<string, string> }; contentEncoded?: string; guid?: string };
type AtomItem = Parser.Item & { authors?: Array<{ name: string[]; uri: string[] }>; categoryTerms?: Array<{ $: { term: string } }>; updated?: string; published?: string; summary?: string; id?: string };

const rssParser = new Parser<Record<string, unknown>, RssItem>({
  customFields: { item: [['dc:creator', 'creators', { keepArray: true }], ['media:content', 'mediaContent'], ['content:encoded', 'contentEncoded']] },
});
const atomParser = new Parser<Record<string, unknown>, AtomItem>({
  customFields: { item: [['author', 'authors', { keepArray: true }], ['category', 'categoryTerms', { keepArray: true }], 'updated', 'published'] },
});

/** Only the characters XML can carry (feeds drop the others). */
const xmlSafe = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

describeEachDatabase('feeds', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let site: SyndicationSite;
  /** The visible articles, newest first, with their bylines and tags. */
  let articles: Array<{ row: ArticleRow; authors: Array<{ name: string; slug: string }>; tags: string[]; category: string; categorySlug: string }>;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db, { clock: fixedClock(NOW) });
    site = await buildSyndicationSite(app.services);
    const repos = app.services.ctx.repos;
    const categories = await repos.taxonomy.allCategories();
    articles = [];
    for (const slug of site.visible) {
      const row = (await repos.articles.findBySlug(slug))!;
      const category = categories.find((c) => c.id === row.primary_category_id)!;
      articles.push({
        row,
        authors: (await repos.articles.bylinesFor([row.id])).map((b) => ({ name: b.display_name, slug: b.slug })),
        tags: (await repos.articles.tagsFor([row.id])).map((t) => t.name),
        category: category.name,
        categorySlug: category.slug,
      });
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.server.inject({ method: 'GET', url, headers });

  it('RSS 2.0: parsed by rss-parser, every item equal to its article', async () => {
    const res = await get('/feed.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const feed = await rssParser.parseString(res.body);
    expect(feed.title).toBe('Dépêche');
    expect(feed.link).toBe(`${SITE}/`);
    expect(feed.feedUrl).toBe(`${SITE}/feed.xml`);
    expect(feed.language).toBe('fr');
    expect(feed.items.map((i) => i.link)).toEqual(articles.map((a) => `${SITE}/${a.categorySlug}/${a.row.slug}`));
    for (const [i, item] of feed.items.entries()) {
      const { row, authors, tags, category } = articles[i]!;
      expect(item.title).toBe(xmlSafe(frenchTypography(row.title)));
      expect(item.guid).toBe(`tag:localhost,${new Date(row.created_at).toISOString().slice(0, 10)}:article:${row.id}`);
      expect(item.isoDate).toBe(new Date(row.published_at!).toISOString());
      expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      expect(item.content).toBe(xmlSafe(frenchTypography(row.dek)));
      expect(item.contentEncoded).toBe(absoluteHtmlUrls(row.body_html, SITE));
      expect(item.contentEncoded).not.toMatch(/(href|src)="\/(?!\/)/);
      expect(item.creators).toEqual(authors.map((a) => a.name));
      expect(item.categories).toEqual([category, ...tags]);
    }
    const first = feed.items[0]!;
    expect(first.enclosure).toEqual({ url: expect.stringMatching(/^http:\/\/localhost:3000\/media\/.+-1200\.jpg$/), length: String('grande image, un peu plus longue'.length), type: 'image/jpeg' });
    expect(first.mediaContent?.$).toMatchObject({ url: first.enclosure?.url, medium: 'image', width: '1200', height: '675' });
    expect(feed.items[1]!.enclosure).toBeUndefined();
  });

  it('Atom 1.0: parsed by rss-parser, every entry equal to its article', async () => {
    const res = await get('/atom.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = await atomParser.parseString(res.body);
    expect(feed.title).toBe('Dépêche');
    expect(feed.link).toBe(`${SITE}/`);
    expect(feed.feedUrl).toBe(`${SITE}/atom.xml`);
    expect(feed.items).toHaveLength(articles.length);
    for (const [i, item] of feed.items.entries()) {
      const { row, authors, tags, category, categorySlug } = articles[i]!;
      expect(item.id).toMatch(new RegExp(`^tag:localhost,\\d{4}-\\d{2}-\\d{2}:article:${row.id}$`));
      expect(item.title).toBe(xmlSafe(frenchTypography(row.title)));
      expect(item.link).toBe(`${SITE}/${categorySlug}/${row.slug}`);
      expect(item.published).toBe(new Date(row.published_at!).toISOString().replace('.000Z', 'Z'));
      expect(item.updated).toBe(new Date(Math.max(row.published_at!, row.content_updated_at ?? 0)).toISOString().replace('.000Z', 'Z'));
      expect(item.summary).toBe(xmlSafe(frenchTypography(row.dek)));
      expect(item.content).toBe(absoluteHtmlUrls(row.body_html, SITE));
      expect(item.authors?.map((a) => [a.name[0], a.uri[0]])).toEqual(authors.map((a) => [a.name, `${SITE}/auteur/${a.slug}`]));
      expect(item.categoryTerms?.map((c) => c.$.term)).toEqual([category, ...tags]);
    }
    // The edited article says so.
    expect(feed.items[0]!.updated).not.toBe(feed.items[0]!.published);
  });

  it('JSON Feed 1.1: the spec’s required fields, RFC 3339 dates, the published schema', async () => {
    const res = await get('/feed.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const feed = JSON.parse(res.body) as Record<string, unknown> & { items: Array<Record<string, unknown>> };
    // Required by the spec: version, title, items; each item an id and content_html or content_text.
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Dépêche');
    expect(feed.home_page_url).toBe(`${SITE}/`);
    expect(feed.feed_url).toBe(`${SITE}/feed.json`);
    expect(feed.language).toBe('fr');
    expect(feed.items).toHaveLength(articles.length);
    const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
    for (const [i, item] of feed.items.entries()) {
      const { row, authors, tags, category, categorySlug } = articles[i]!;
      expect(typeof item.id).toBe('string');
      expect(item.id).toMatch(new RegExp(`:article:${row.id}$`));
      expect(item.url).toBe(`${SITE}/${categorySlug}/${row.slug}`);
      expect(item.title).toBe(xmlSafe(frenchTypography(row.title)));
      expect(item.summary).toBe(xmlSafe(frenchTypography(row.dek)));
      expect(item.content_html).toBe(absoluteHtmlUrls(row.body_html, SITE));
      expect(item.date_published).toMatch(rfc3339);
      expect(Date.parse(item.date_published as string)).toBe(row.published_at);
      expect(item.date_modified).toMatch(rfc3339);
      expect(item.authors).toEqual(authors.map((a) => ({ name: a.name, url: `${SITE}/auteur/${a.slug}` })));
      expect(item.tags).toEqual([category, ...tags]);
      expect(item.language).toBe('fr');
    }
    expect(feed.items[0]!.image).toMatch(/^http:\/\/localhost:3000\/media\/.+\.jpg$/);
  });

  it.skipIf(!referenceAvailable('feeds/jsonfeed/schema/schema-v1.1.json'))('JSON Feed: valid against the JSON Feed 1.1 JSON Schema (sonicdoe/jsonfeed-schema)', async () => {
    // Both packages are CommonJS; their `default` export is the class and the plugin.
    const ajv = new AjvModule.default({ allErrors: true, strict: false });
    ajvFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readReference('feeds/jsonfeed/schema/schema-v1.1.json')) as object);
    // The schema accepts the spec's own example, so it checks what we think it checks.
    expect(validate(JSON.parse(readReference('feeds/jsonfeed/examples/v1.1/simple.json')))).toBe(true);
    for (const url of ['/feed.json', '/monde/feed.json', '/tag/justice/feed.json', '/auteur/lea-martin/feed.json']) {
      const ok = validate(JSON.parse((await get(url)).body));
      expect(validate.errors ?? [], url).toEqual([]);
      expect(ok, url).toBe(true);
    }
  });

  it('category, tag and author feeds list their own articles, in every format', async () => {
    const slugsIn = async (url: string) => (await rssParser.parseString((await get(url)).body)).items.map((i) => i.link!.split('/').pop());
    // The child category's article is in its parent's feed, as on the category page.
    expect(await slugsIn('/monde/feed.xml')).toEqual(site.visible);
    expect(await slugsIn('/afrique/feed.xml')).toEqual(['sommet-nairobi']);
    expect(await slugsIn('/tag/justice/feed.xml')).toEqual(['affaire-des-euros', 'titre-hostile']);
    expect(await slugsIn('/auteur/paul-roche/feed.xml')).toEqual(['affaire-des-euros', 'sommet-nairobi']);
    const atom = await atomParser.parseString((await get('/tag/justice/atom.xml')).body);
    expect(atom.title).toBe('Dépêche – Justice');
    expect(atom.feedUrl).toBe(`${SITE}/tag/justice/atom.xml`);
    const json = JSON.parse((await get('/auteur/paul-roche/feed.json')).body) as { title: string; home_page_url: string; items: unknown[] };
    expect(json.title).toBe('Dépêche – Paul Roche');
    expect(json.home_page_url).toBe(`${SITE}/auteur/paul-roche`);
    expect(json.items).toHaveLength(2);
    for (const url of ['/inconnue/feed.xml', '/tag/inconnu/atom.xml', '/auteur/personne/feed.json']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('Page introuvable');
    }
  });

  it('never lists drafts, articles in review, scheduled, future, unpublished or trashed ones', async () => {
    for (const url of ['/feed.xml', '/atom.xml', '/feed.json', '/monde/feed.xml', '/tag/justice/feed.xml', '/tag/justice/atom.xml', '/tag/justice/feed.json', '/auteur/lea-martin/feed.xml']) {
      const body = (await get(url)).body;
      for (const slug of site.hidden) expect(body, `${url} lists ${slug}`).not.toContain(slug);
    }
  });

  it('escapes a hostile headline: still well-formed for the parsers', async () => {
    const rss = await rssParser.parseString((await get('/tag/justice/feed.xml')).body);
    const title = frenchTypography(HOSTILE_TITLE).replace('\u0001', '');
    expect(rss.items[1]!.title).toBe(title);
    const atom = await atomParser.parseString((await get('/tag/justice/atom.xml')).body);
    expect(atom.items[1]!.title).toBe(title);
    const json = JSON.parse((await get('/tag/justice/feed.json')).body) as { items: Array<{ title: string }> };
    expect(json.items[1]!.title).toBe(title);
  });

  it('answers a conditional GET with 304 until the feed changes', async () => {
    for (const url of ['/feed.xml', '/atom.xml', '/feed.json', '/tag/justice/feed.xml']) {
      const first = await get(url);
      const etag = first.headers.etag as string;
      const lastModified = first.headers['last-modified'] as string;
      expect(etag, url).toMatch(/^"[\w-]{20,}"$/);
      expect(new Date(lastModified).toUTCString()).toBe(lastModified);
      expect(first.headers['cache-control']).toContain('public');
      const byEtag = await get(url, { 'if-none-match': etag });
      expect(byEtag.statusCode, url).toBe(304);
      expect(byEtag.body).toBe('');
      expect((await get(url, { 'if-modified-since': lastModified })).statusCode, url).toBe(304);
      expect((await get(url, { 'if-none-match': '"autre"' })).statusCode, url).toBe(200);
      expect((await get(url, { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).statusCode, url).toBe(200);
    }
    const before = await get('/feed.xml');
    const row = await app.services.ctx.repos.articles.findBySlug('archives-anciennes');
    await app.services.articles.updateArticle(row!.id, { title: 'Des archives anciennes, retrouvées' });
    const after = await get('/feed.xml', { 'if-none-match': before.headers.etag as string });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body).toContain('Des archives anciennes, retrouvées');
  });

  it('pages advertise their feeds with <link rel="alternate">', async () => {
    const home = (await get('/')).body;
    expect(home).toContain('<link rel="alternate" type="application/rss+xml" href="/feed.xml" title="Dépêche (RSS)"/>');
    expect(home).toContain('<link rel="alternate" type="application/atom+xml" href="/atom.xml" title="Dépêche (Atom)"/>');
    expect(home).toContain('<link rel="alternate" type="application/feed+json" href="/feed.json" title="Dépêche (JSON Feed)"/>');
    expect((await get('/monde/')).body).toContain('<link rel="alternate" type="application/rss+xml" href="/monde/feed.xml" title="Dépêche – Monde (RSS)"/>');
    expect((await get('/tag/justice')).body).toContain('href="/tag/justice/atom.xml"');
    expect((await get('/auteur/paul-roche')).body).toContain('href="/auteur/paul-roche/feed.json"');
    expect((await get('/monde/affaire-des-euros')).body).toContain('href="/feed.xml"');
  });
});

describeEachDatabase('feed query count', (dialect) => {
  let db: TestDatabase;
  let queries = 0;
  beforeAll(async () => {
    db = await createTestDatabase(dialect, { onQuery: () => queries++ });
  });
  afterAll(async () => db?.destroy());

  it('costs the same few queries for 2 or 25 articles', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const services = createServices({ db: db.db, clock: fixedClock(NOW), site: { siteUrl: SITE, siteName: 'Test', siteLanguage: 'fr', timeZone: 'Europe/Paris' }, mediaDir: mkdtempSync(`${tmpdir()}/depeche-fq-`) });
    const site = await buildSite(services);
    const add = async (n: number, from: number) => {
      for (let i = 0; i < n; i++) {
        const mediaId = await services.media.addImage({ name: `i${from + i}`, renditions: [{ width: 10, height: 10, format: 'jpeg', bytes: Buffer.from(`i${from + i}`) }], alt: 'x' });
        await buildArticle(services, site, { authorIds: [site.authorId, site.secondAuthorId], tagNames: ['Commun', `T${i}`], featuredMediaId: mediaId, publishedAt: NOW - (from + i + 1) * 60_000 });
      }
    };
    const count = async () => {
      const result: Record<string, number> = {};
      for (const scope of [{ kind: 'site' }, { kind: 'category', slug: 'monde' }, { kind: 'tag', slug: 'commun' }, { kind: 'author', slug: 'paul-roche' }] as const) {
        queries = 0;
        const feed = await services.feeds.feed(scope);
        expect(feed).toBeDefined();
        result[scope.kind] = queries;
      }
      return result;
    };
    await add(2, 0);
    const small = await count();
    await add(FEED_SIZE + 5, 2);
    const large = await count();
    expect(large).toEqual(small);
    expect((await services.feeds.feed({ kind: 'tag', slug: 'commun' }))?.items).toHaveLength(FEED_SIZE);
    // Categories, the scope's tag or author, the ordered ids, articles, bylines, tags, images.
    expect(Math.max(...Object.values(large))).toBeLessThanOrEqual(7);
  });
});

describe('feeds with hostile strings (Big List of Naughty Strings)', () => {
  let db: TestDatabase;
  let app: TestApp;
  const available = referenceAvailable('misc/big-list-of-naughty-strings/blns.json');
  beforeAll(async () => {
    if (!available) return;
    db = await createTestDatabase('sqlite');
    app = await buildTestApp(db, { clock: fixedClock(NOW) });
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  it.skipIf(!available)('every string survives RSS, Atom and JSON Feed and comes back as written (typography aside)', async () => {
    const strings = (JSON.parse(readReference('misc/big-list-of-naughty-strings/blns.json')) as string[]).filter((s) => s.trim() !== '' && s.length <= 300);
    const site = await buildSite(app.services);
    const chunk = strings.slice(0, FEED_SIZE * 4);
    const titles: string[] = [];
    for (const [i, text] of chunk.entries()) {
      await buildArticle(app.services, site, { title: text, slug: `chaine-${i}`, dek: text, tagNames: [], publishedAt: NOW - (i + 1) * 1000 });
      titles.push(frenchTypography(text.trim()));
    }
    const newest = titles.slice(0, FEED_SIZE).map(xmlSafe);
    const rss = await rssParser.parseString((await app.server.inject({ url: '/feed.xml' })).body);
    const atom = await atomParser.parseString((await app.server.inject({ url: '/atom.xml' })).body);
    const json = JSON.parse((await app.server.inject({ url: '/feed.json' })).body) as { items: Array<{ title: string }> };
    // xml2js trims text nodes; compare trimmed.
    expect(rss.items.map((i) => i.title?.trim())).toEqual(newest.map((t) => t.trim()));
    expect(atom.items.map((i) => i.title?.trim())).toEqual(newest.map((t) => t.trim()));
    expect(json.items.map((i) => i.title)).toEqual(newest);
  });
});
