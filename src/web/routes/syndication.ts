/**
 * Feeds (RSS, Atom, JSON Feed) of the site and of each category, tag and author; sitemaps;
 * robots.txt. Every answer carries an ETag and Last-Modified and may be answered with 304
 * (web/cache/http-caching.ts), and its cache tags.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SITE_TAG, SITEMAP_TAG } from '../../domain/cache-tags.js';
import { errorMessage } from '../../errors.js';
import type { FeedScope } from '../../services/feed-service.js';
import type { Services } from '../../services/index.js';
import { absoluteUrl, FEED_FILES, NEWS_SITEMAP_PATH, SITEMAP_INDEX_PATH, SITEMAP_SECTIONS_PATH, type FeedFormat } from '../../domain/urls.js';
import { FAVICON_PATH, LOGO, SOCIAL_IMAGE } from '../assets.js';
import { sendCacheable } from '../conditional-get.js';
import type { PageResponder } from '../server.js';
import { renderAtom } from '../syndication/atom-feed.js';
import type { FeedBrand } from '../syndication/feed-brand.js';
import { renderJsonFeed } from '../syndication/json-feed.js';
import { renderRss } from '../syndication/rss-feed.js';
import { renderNewsSitemap, renderRobots, renderSitemapIndex, renderUrlSet } from '../syndication/sitemap-xml.js';

/** Feeds change with each publication; readers poll them often. */
const FEED_CACHE = 'public, max-age=300, stale-while-revalidate=600';
const SITEMAP_CACHE = 'public, max-age=3600';
const NEWS_SITEMAP_CACHE = 'public, max-age=300';

const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};
const XML = 'application/xml; charset=utf-8';
/** Sitemaps list every article's address and date, and every category's address. */
const SITEMAP_TAGS = [SITE_TAG, SITEMAP_TAG];

/** Registers feed, sitemap and robots.txt routes. */
export function registerSyndicationRoutes(app: FastifyInstance, services: Services, pages: PageResponder): void {
  const siteUrl = services.ctx.site.siteUrl;
  const brand: FeedBrand = {
    logoUrl: absoluteUrl(siteUrl, SOCIAL_IMAGE.path),
    iconUrl: absoluteUrl(siteUrl, LOGO.path),
    faviconUrl: absoluteUrl(siteUrl, FAVICON_PATH),
    generator: 'Dépêche',
  };
  const notFound = (request: FastifyRequest, reply: FastifyReply) => pages.sendError(request, reply, 404, errorMessage('DEPECHE_NOT_FOUND', 'fr'));
  const render: Record<FeedFormat, (feed: Parameters<typeof renderRss>[0]) => string> = {
    rss: (feed) => renderRss(feed, brand),
    atom: (feed) => renderAtom(feed, brand),
    json: (feed) => renderJsonFeed(feed, brand),
  };

  async function sendFeed(request: FastifyRequest, reply: FastifyReply, scope: FeedScope, format: FeedFormat) {
    const feed = await services.feeds.feed(scope);
    if (!feed) return notFound(request, reply);
    return sendCacheable(reply, { body: render[format](feed), contentType: FEED_TYPES[format], lastModified: feed.lastModified, cacheControl: FEED_CACHE, tags: feed.cacheTags });
  }

  for (const format of Object.keys(FEED_FILES) as FeedFormat[]) {
    const file = FEED_FILES[format];
    app.get(`/${file}`, (request, reply) => sendFeed(request, reply, { kind: 'site' }, format));
    app.get<{ Params: { slug: string } }>(`/tag/:slug/${file}`, (request, reply) => sendFeed(request, reply, { kind: 'tag', slug: request.params.slug }, format));
    app.get<{ Params: { slug: string } }>(`/auteur/:slug/${file}`, (request, reply) => sendFeed(request, reply, { kind: 'author', slug: request.params.slug }, format));
    app.get<{ Params: { category: string } }>(`/:category/${file}`, (request, reply) => sendFeed(request, reply, { kind: 'category', slug: request.params.category }, format));
  }

  app.get(SITEMAP_INDEX_PATH, async (request, reply) => {
    const entries = await services.sitemaps.index();
    const newest = entries.reduce((max, e) => Math.max(max, e.lastModified?.getTime() ?? 0), 0);
    return sendCacheable(reply, { body: renderSitemapIndex(entries), contentType: XML, lastModified: new Date(newest), cacheControl: SITEMAP_CACHE, tags: SITEMAP_TAGS });
  });

  app.get(SITEMAP_SECTIONS_PATH, async (_request, reply) => {
    return sendCacheable(reply, { body: renderUrlSet(await services.sitemaps.sections()), contentType: XML, cacheControl: SITEMAP_CACHE, tags: SITEMAP_TAGS });
  });

  app.get<{ Params: { page: string } }>('/sitemap-articles-:page(^\\d{1,9}).xml', async (request, reply) => {
    const entries = await services.sitemaps.articles(Number(request.params.page));
    if (!entries) return notFound(request, reply);
    const newest = entries.reduce((max, e) => Math.max(max, e.lastModified?.getTime() ?? 0), 0);
    return sendCacheable(reply, { body: renderUrlSet(entries), contentType: XML, lastModified: new Date(newest), cacheControl: SITEMAP_CACHE, tags: SITEMAP_TAGS });
  });

  app.get(NEWS_SITEMAP_PATH, async (_request, reply) => {
    const news = await services.sitemaps.news();
    const newest = news.entries.reduce((max, e) => Math.max(max, e.publishedAt.getTime()), 0);
    return sendCacheable(reply, { body: renderNewsSitemap(news), contentType: XML, lastModified: new Date(newest), cacheControl: NEWS_SITEMAP_CACHE, tags: SITEMAP_TAGS });
  });

  app.get('/robots.txt', async (_request, reply) => {
    const body = renderRobots([absoluteUrl(siteUrl, SITEMAP_INDEX_PATH), absoluteUrl(siteUrl, NEWS_SITEMAP_PATH)]);
    return sendCacheable(reply, { body, contentType: 'text/plain; charset=utf-8', cacheControl: 'public, max-age=86400', tags: [SITE_TAG] });
  });
}
