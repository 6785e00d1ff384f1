/**
 * RSS 2.0 with the modules news readers rely on: `content:encoded` (full body), `dc:creator`
 * (one per author), `atom:link rel="self"`, an enclosure and `media:content` for the image.
 */
import type { FeedView } from '../../services/syndication-views.js';
import type { FeedBrand } from './feed-brand.js';
import { rfc822, xmlElement, xmlText } from './xml.js';

/** Writes a feed as RSS 2.0. */
export function renderRss(feed: FeedView, brand: FeedBrand): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    '<channel>',
    xmlElement('title', feed.title),
    xmlElement('link', feed.homeUrl),
    xmlElement('description', feed.description),
    xmlElement('language', feed.language),
    xmlElement('lastBuildDate', rfc822(feed.updatedAt)),
    xmlElement('generator', brand.generator),
    xmlElement('docs', 'https://www.rssboard.org/rss-specification'),
    `<atom:link href="${xmlText(feed.feedUrls.rss)}" rel="self" type="application/rss+xml"/>`,
    `<image>${xmlElement('url', brand.logoUrl)}${xmlElement('title', feed.title)}${xmlElement('link', feed.homeUrl)}</image>`,
  ];
  for (const item of feed.items) {
    out.push('<item>');
    out.push(xmlElement('title', item.title));
    out.push(xmlElement('link', item.url));
    out.push(`<guid isPermaLink="false">${xmlText(item.id)}</guid>`);
    out.push(xmlElement('pubDate', rfc822(item.publishedAt)));
    out.push(xmlElement('description', item.summary));
    out.push(xmlElement('content:encoded', item.contentHtml));
    for (const author of item.authors) out.push(xmlElement('dc:creator', author.name));
    for (const category of [item.category, ...item.tags]) out.push(xmlElement('category', category));
    if (item.image) {
      const { url, type, length, width, height, alt } = item.image;
      out.push(`<enclosure url="${xmlText(url)}" length="${length}" type="${xmlText(type)}"/>`);
      out.push(`<media:content url="${xmlText(url)}" medium="image" type="${xmlText(type)}" width="${width}" height="${height}" fileSize="${length}">${alt ? `<media:description type="plain">${xmlText(alt)}</media:description>` : ''}</media:content>`);
    }
    out.push('</item>');
  }
  out.push('</channel>', '</rss>', '');
  return out.join('\n');
}
