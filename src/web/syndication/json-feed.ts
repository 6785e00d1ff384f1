/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
import type { FeedView } from '../../services/syndication-views.js';
import type { FeedBrand } from './feed-brand.js';
import { cleanText, rfc3339 } from './xml.js';

/** Writes a feed as JSON Feed 1.1. */
export function renderJsonFeed(feed: FeedView, brand: FeedBrand): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: cleanText(feed.title),
    home_page_url: feed.homeUrl,
    feed_url: feed.feedUrls.json,
    description: cleanText(feed.description),
    icon: brand.iconUrl,
    favicon: brand.faviconUrl,
    language: feed.language,
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: cleanText(item.title),
      content_html: cleanText(item.contentHtml),
      summary: cleanText(item.summary),
      ...(item.image ? { image: item.image.url } : {}),
      date_published: rfc3339(item.publishedAt),
      date_modified: rfc3339(item.updatedAt),
      authors: item.authors.map((a) => ({ name: cleanText(a.name), url: a.url })),
      tags: [item.category, ...item.tags].map(cleanText),
      language: item.language,
    })),
  });
}
