/**
 * What feeds and sitemaps show: plain data built by `feed-service.ts` and
 * `sitemap-service.ts`, written out as RSS, Atom, JSON Feed and sitemap XML by `web/syndication`.
 * Every URL here is absolute: feeds and sitemaps are read away from the site.
 */
import type { FeedFormat } from '../domain/urls.js';

/** A person in a feed: a byline with the author page. */
export interface FeedPersonView {
  name: string;
  url: string;
}

/** The featured image of an item, as an enclosure. */
export interface FeedImageView {
  url: string;
  width: number;
  height: number;
  /** MIME type, e.g. image/jpeg. */
  type: string;
  /** Size of the file in bytes (RSS enclosures require it). */
  length: number;
  alt: string;
}

/** One article in a feed. */
export interface FeedItemView {
  /** Stable identifier (a tag: URI): it never changes, even when the article's URL does. */
  id: string;
  url: string;
  title: string;
  /** The dek, plain text. */
  summary: string;
  /** The full body, HTML with absolute URLs. */
  contentHtml: string;
  publishedAt: Date;
  /** The last edit readers can see (the publication time when never edited). */
  updatedAt: Date;
  authors: FeedPersonView[];
  /** The primary category's name. */
  category: string;
  tags: string[];
  image: FeedImageView | null;
  language: string;
}

/** A feed: the site's, or a category's, a tag's or an author's. */
export interface FeedView {
  title: string;
  description: string;
  language: string;
  /** The HTML page the feed follows. */
  homeUrl: string;
  /** The feed's own URL in each format (RSS, Atom, JSON Feed). */
  feedUrls: Record<FeedFormat, string>;
  /** The newest change readers can see, or the epoch for an empty feed. */
  updatedAt: Date;
  /** The newest save of any item (for Last-Modified). */
  lastModified: Date;
  items: FeedItemView[];
  /** The cache tags of what the feed shows (see domain/cache-tags.ts). */
  cacheTags: string[];
}

/** One entry of a sitemap or a sitemap index. */
export interface SitemapEntryView {
  url: string;
  lastModified: Date | null;
}

/** One article of the Google News sitemap. */
export interface NewsSitemapEntryView {
  url: string;
  title: string;
  publishedAt: Date;
  language: string;
}

/** The Google News sitemap: publication name and its recent articles. */
export interface NewsSitemapView {
  publicationName: string;
  entries: NewsSitemapEntryView[];
}
