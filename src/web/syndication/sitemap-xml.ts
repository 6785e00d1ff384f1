/** Sitemaps (sitemaps.org 0.9), the sitemap index, the Google News sitemap and robots.txt. */
import type { NewsSitemapView, SitemapEntryView } from '../../services/syndication-views.js';
import { rfc3339, xmlElement } from './xml.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

function lastmod(entry: SitemapEntryView): string {
  return entry.lastModified === null ? '' : xmlElement('lastmod', rfc3339(entry.lastModified));
}

/** The sitemap index: one `<sitemap>` per sitemap file. */
export function renderSitemapIndex(entries: readonly SitemapEntryView[]): string {
  const body = entries.map((e) => `<sitemap>${xmlElement('loc', e.url)}${lastmod(e)}</sitemap>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<sitemapindex xmlns="${SITEMAP_NS}">`, ...body, '</sitemapindex>', ''].join('\n');
}

/** A sitemap of pages. */
export function renderUrlSet(entries: readonly SitemapEntryView[]): string {
  const body = entries.map((e) => `<url>${xmlElement('loc', e.url)}${lastmod(e)}</url>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<urlset xmlns="${SITEMAP_NS}">`, ...body, '</urlset>', ''].join('\n');
}

/** The Google News sitemap: publication, language, publication date and title of each recent article. */
export function renderNewsSitemap(view: NewsSitemapView): string {
  const body = view.entries.map(
    (e) =>
      `<url>${xmlElement('loc', e.url)}<news:news><news:publication>${xmlElement('news:name', view.publicationName)}${xmlElement('news:language', e.language)}</news:publication>` +
      `${xmlElement('news:publication_date', rfc3339(e.publishedAt))}${xmlElement('news:title', e.title)}</news:news></url>`,
  );
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`, ...body, '</urlset>', ''].join('\n');
}

/** robots.txt: everything public may be crawled; the sitemaps are named. */
export function renderRobots(sitemapUrls: readonly string[]): string {
  return ['User-agent: *', 'Disallow: /admin/', 'Allow: /', '', ...sitemapUrls.map((u) => `Sitemap: ${u}`), ''].join('\n');
}
