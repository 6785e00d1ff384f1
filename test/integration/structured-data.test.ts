/**
 * Structured data and previews read back from the pages: JSON-LD parsed and checked field by
 * field (NewsArticle, BreadcrumbList, WebSite + SearchAction), OpenGraph and Twitter tags,
 * canonical URL, meta description; a headline holding `</script>` cannot break out.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { frenchTypography } from '../../src/domain/text/french-typography.js';
import { fixedClock } from '../../src/services/clock.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { readReference, referenceAvailable } from '../support/reference-data.js';
import { buildSyndicationSite, HOSTILE_TITLE, type SyndicationSite } from '../support/syndication-site.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const SITE = 'http://localhost:3000';
const HOUR = 3_600_000;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** Every JSON-LD block of a page, parsed (a block cut short by a stray `</script>` fails to parse). */
function jsonLd(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
}

/** The values of `<meta property|name="key">`, in order. */
function meta(html: string, key: string): string[] {
  return [...html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"\/>/g)].filter((m) => m[1] === key).map((m) => decode(m[2]!));
}

/** "2026-03-10T11:00:00+01:00" for an instant, as Paris writes it in March. */
const paris = (ms: number) => new Date(ms + HOUR).toISOString().replace('.000Z', '+01:00');

describeEachDatabase('structured data and previews', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let site: SyndicationSite;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db, { clock: fixedClock(NOW) });
    site = await buildSyndicationSite(app.services);
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  const get = (url: string) => app.server.inject({ method: 'GET', url });

  it('an article carries NewsArticle and BreadcrumbList JSON-LD, each field right', async () => {
    const html = (await get('/monde/affaire-des-euros')).body;
    const blocks = jsonLd(html);
    expect(blocks.map((b) => b['@type'])).toEqual(['NewsArticle', 'BreadcrumbList']);
    const article = blocks[0]!;
    const row = (await app.services.ctx.repos.articles.findBySlug('affaire-des-euros'))!;
    const canonical = `${SITE}/monde/affaire-des-euros`;
    expect(article['@context']).toBe('https://schema.org');
    expect(article.headline).toBe(frenchTypography(row.title));
    expect(article.headline).toBe('L’«\u00a0affaire\u00a0» des 12\u202f345\u00a0euros\u202f: qui paiera\u202f?');
    expect(article.description).toBe(frenchTypography(row.dek));
    expect(article.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': canonical });
    expect(article.url).toBe(canonical);
    expect(article.datePublished).toBe(paris(NOW - 2 * HOUR));
    expect(article.dateModified).toBe(paris(NOW - HOUR));
    expect(article.author).toEqual([
      { '@type': 'Person', name: 'Léa Martin', url: `${SITE}/auteur/lea-martin` },
      { '@type': 'Person', name: 'Paul Roche', url: `${SITE}/auteur/paul-roche` },
    ]);
    expect(article.articleSection).toBe('Monde');
    expect(article.keywords).toEqual(['Justice', 'Économie']);
    expect(article.inLanguage).toBe('fr');
    // Every JPEG size of the featured image, with its dimensions.
    expect(article.image).toEqual([
      { '@type': 'ImageObject', url: expect.stringMatching(/^http:\/\/localhost:3000\/media\/.+-480\.jpg$/), width: 480, height: 270 },
      { '@type': 'ImageObject', url: expect.stringMatching(/^http:\/\/localhost:3000\/media\/.+-1200\.jpg$/), width: 1200, height: 675 },
    ]);
    // The publisher and its logo, whose file really has the declared size.
    const publisher = article.publisher as { '@type': string; name: string; url: string; logo: { '@type': string; url: string; width: number; height: number } };
    expect(publisher).toMatchObject({ '@type': 'NewsMediaOrganization', name: 'Dépêche', url: `${SITE}/` });
    expect(publisher.logo['@type']).toBe('ImageObject');
    const logo = await get(new URL(publisher.logo.url).pathname);
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    const size = await sharp(logo.rawPayload).metadata();
    expect([size.width, size.height]).toEqual([publisher.logo.width, publisher.logo.height]);

    const breadcrumb = blocks[1]!;
    expect(breadcrumb.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Accueil', item: `${SITE}/` },
      { '@type': 'ListItem', position: 2, name: 'Monde', item: `${SITE}/monde/` },
      { '@type': 'ListItem', position: 3, name: frenchTypography(row.title), item: canonical },
    ]);
  });

  it.skipIf(!referenceAvailable('misc/schemaorg/news-related-examples.txt'))('has every property of schema.org’s own NewsArticle example (#eg-0245) but the body text', async () => {
    const text = readReference('misc/schemaorg/news-related-examples.txt');
    const block = text.slice(text.indexOf('#eg-0245'));
    const json = block.slice(block.indexOf('<script type="application/ld+json">') + 35, block.indexOf('</script>'));
    const example = JSON.parse(json) as Record<string, unknown>;
    expect(example['@type']).toBe('NewsArticle');
    const ours = jsonLd((await get('/monde/affaire-des-euros')).body)[0]!;
    const missing = Object.keys(example).filter((key) => key !== 'articleBody' && !(key in ours));
    expect(missing).toEqual([]);
  });

  it('OpenGraph and Twitter card tags, canonical and description come from the article', async () => {
    const html = (await get('/monde/affaire-des-euros')).body;
    const row = (await app.services.ctx.repos.articles.findBySlug('affaire-des-euros'))!;
    expect(html).toContain(`<link rel="canonical" href="${SITE}/monde/affaire-des-euros"/>`);
    expect(meta(html, 'description')).toEqual([frenchTypography(row.dek)]);
    expect(meta(html, 'og:type')).toEqual(['article']);
    expect(meta(html, 'og:title')).toEqual([frenchTypography(row.title)]);
    expect(meta(html, 'og:url')).toEqual([`${SITE}/monde/affaire-des-euros`]);
    expect(meta(html, 'article:published_time')).toEqual([paris(NOW - 2 * HOUR)]);
    expect(meta(html, 'article:modified_time')).toEqual([paris(NOW - HOUR)]);
    expect(meta(html, 'article:author')).toEqual([`${SITE}/auteur/lea-martin`, `${SITE}/auteur/paul-roche`]);
    expect(meta(html, 'article:section')).toEqual(['Monde']);
    expect(meta(html, 'article:tag')).toEqual(['Justice', 'Économie']);
    expect(meta(html, 'og:image')[0]).toMatch(/^http:\/\/localhost:3000\/media\/.+-1200\.jpg$/);
    expect(meta(html, 'og:image:width')).toEqual(['1200']);
    expect(meta(html, 'og:image:height')).toEqual(['675']);
    expect(meta(html, 'og:image:type')).toEqual(['image/jpeg']);
    expect(meta(html, 'og:image:alt')).toEqual(['Des délégués autour d’une table']);
    expect(meta(html, 'twitter:card')).toEqual(['summary_large_image']);
    expect(meta(html, 'twitter:title')).toEqual([frenchTypography(row.title)]);
    expect(meta(html, 'twitter:image')).toEqual(meta(html, 'og:image'));
  });

  it('a headline holding </script> cannot break out of the JSON-LD, the title or the attributes', async () => {
    const res = await get('/monde/titre-hostile');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    // Only our two JSON-LD scripts and the comment form's script, and both JSON-LD parse back to the exact headline.
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(html.match(/<script type="application\/ld\+json">/g)).toHaveLength(2);
    expect(html).toMatch(/<script src="\/static\/comments\.js\?v=[0-9a-f]+" defer><\/script>/);
    expect(html).not.toContain('<script>alert');
    const [article, breadcrumb] = jsonLd(html);
    expect(article!.headline).toBe(frenchTypography(HOSTILE_TITLE));
    expect((breadcrumb!.itemListElement as Array<{ name: string }>)[2]!.name).toBe(frenchTypography(HOSTILE_TITLE));
    expect(html).toContain('<h1 id="titre">Un titre &lt;/script>&lt;script>alert(');
    expect(meta(html, 'og:title')).toEqual([frenchTypography(HOSTILE_TITLE)]);
    // An article without a picture is previewed with the site's image.
    expect(meta(html, 'og:image')).toEqual([`${SITE}/static/social.png`]);
    expect(article!.image).toEqual([{ '@type': 'ImageObject', url: `${SITE}/static/social.png`, width: 1200, height: 630 }]);
  });

  it('the home page carries WebSite with a SearchAction, and the default preview image', async () => {
    const html = (await get('/')).body;
    const [website] = jsonLd(html);
    expect(website).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      url: `${SITE}/`,
      name: 'Dépêche',
      inLanguage: 'fr',
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${SITE}/recherche?q={search_term_string}` },
        'query-input': 'required name=search_term_string',
      },
    });
    expect(meta(html, 'og:type')).toEqual(['website']);
    expect(meta(html, 'og:image')).toEqual([`${SITE}/static/social.png`]);
    const image = await get('/static/social.png');
    expect(image.statusCode).toBe(200);
    const size = await sharp(image.rawPayload).metadata();
    expect([String(size.width), String(size.height)]).toEqual([...meta(html, 'og:image:width'), ...meta(html, 'og:image:height')]);
    for (const slug of site.hidden) expect(html).not.toContain(slug);
  });
});
