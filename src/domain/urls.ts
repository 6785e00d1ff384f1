/** Public paths of the site's pages: one place that knows the URL scheme (DESIGN.md §6). */

/** Path of an article: /{category}/{slug}. */
export function articlePath(categorySlug: string, slug: string): string {
  return `/${categorySlug}/${slug}`;
}

/** Path of a category page. */
export function categoryPath(slug: string): string {
  return `/${slug}/`;
}

/** Path of a tag page. */
export function tagPath(slug: string): string {
  return `/tag/${slug}`;
}

/** Path of an author page. */
export function authorPath(slug: string): string {
  return `/auteur/${slug}`;
}

/** Where the site itself serves media files. */
export const MEDIA_PATH = '/media';

/** URL of a media file: under /media/ of the site, or under a CDN or bucket base URL (MEDIA_PUBLIC_URL). */
export function mediaPath(key: string, base: string = MEDIA_PATH): string {
  return `${base}/${key}`;
}

/** Adds `?page=N` for pages after the first. */
export function pagedPath(path: string, page: number): string {
  return page <= 1 ? path : `${path}?page=${page}`;
}

/** The three feed formats every listing offers. */
export type FeedFormat = 'rss' | 'atom' | 'json';

/** File name of each feed format under a listing's path. */
export const FEED_FILES: Readonly<Record<FeedFormat, string>> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' };

/** Path of a listing's feed: /feed.xml, /actualite/atom.xml, /tag/ukraine/feed.json, /auteur/x/feed.xml. */
export function feedPath(listingPath: string, format: FeedFormat): string {
  return `${listingPath.endsWith('/') ? listingPath : `${listingPath}/`}${FEED_FILES[format]}`;
}

/** Path of the sitemap index. */
export const SITEMAP_INDEX_PATH = '/sitemap.xml';
/** Path of the sitemap of the home page and the categories. */
export const SITEMAP_SECTIONS_PATH = '/sitemap-sections.xml';
/** Path of the Google News sitemap (the last 48 hours). */
export const NEWS_SITEMAP_PATH = '/news-sitemap.xml';

/** Path of the Nth page (from 1) of the articles sitemap. */
export function sitemapArticlesPath(page: number): string {
  return `/sitemap-articles-${page}.xml`;
}

/** The site's address joined to a path: absolute URLs for feeds, sitemaps and previews. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return /^https?:\/\//i.test(path) ? path : `${siteUrl}${path.startsWith('/') ? '' : '/'}${path}`;
}

/** Makes the site-relative `href` and `src` of our rendered HTML absolute (feeds are read elsewhere). */
export function absoluteHtmlUrls(html: string, siteUrl: string): string {
  return html.replace(/\b(href|src)="\/(?!\/)/g, (_whole, attribute: string) => `${attribute}="${siteUrl}/`);
}
