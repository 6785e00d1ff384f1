/**
 * The vocabulary of cache tags: what a cached page (or feed, or sitemap) says it shows, and
 * what a write says it changed. A page is dropped when a write names one of its tags, so
 * the two sides must agree; both are built only from the functions below.
 *
 * Two kinds of tags:
 * - a record as shown: `a:12` (an article's card, page or feed item), `c:3` (a category's name,
 *   address, description), `t:7` (a tag), `u:2` (an author's byline or page), `m:5` (a media
 *   item's alt text, caption and credit), `cm:12` (an article's public comment thread),
 *   `rel:12` (the "Vous aimerez aussi" list under an article);
 * - a listing's membership, i.e. which articles it holds and in what order: `list:all` (home,
 *   site feeds), `list:c:3`, `list:t:7`, `list:u:2`; plus `search` (results, filters and
 *   suggestions of search pages), `sitemap` (sitemaps: article addresses and dates) and
 *   `site` (the chrome and settings every page shows; naming it drops everything).
 *
 * Editing an article's text names `a:ID` (its page, every card, feed item and related box
 * that shows it), `search` and `sitemap`; publishing, unpublishing or moving it also names
 * the listings whose membership changed. Approving a comment names only `cm:ID`.
 */

/** The tag every cached answer carries: naming it drops the whole cache. */
export const SITE_TAG = 'site';
/** Search pages (results depend on every article's text, filters on every category). */
export const SEARCH_TAG = 'search';
/** Sitemaps (addresses and dates of every article, addresses of every category). */
export const SITEMAP_TAG = 'sitemap';
/** Which articles the site-wide listing holds (home page, site feeds). */
export const ALL_LISTING_TAG = 'list:all';

/** An article as shown anywhere: page, card, feed item, related box, search result. */
export const articleTag = (id: number): string => `a:${id}`;
/** An article's public comment thread (only its page shows it). */
export const commentsTag = (articleId: number): string => `cm:${articleId}`;
/** The related list under an article (pins, exclusions and the computed list). */
export const relatedTag = (articleId: number): string => `rel:${articleId}`;
/** A category's name, address, description or place in the tree. */
export const categoryTag = (id: number): string => `c:${id}`;
/** A tag's name and address. */
export const tagTag = (id: number): string => `t:${id}`;
/** An author's name, address and biography. */
export const authorTag = (id: number): string => `u:${id}`;
/** A media item's texts (alt, caption, credit) where an article does not override them. */
export const mediaTag = (id: number): string => `m:${id}`;
/** Which articles a category listing holds (the category and its sub-categories). */
export const categoryListingTag = (id: number): string => `list:c:${id}`;
/** Which articles a tag listing holds. */
export const tagListingTag = (id: number): string => `list:t:${id}`;
/** Which articles an author listing holds. */
export const authorListingTag = (id: number): string => `list:u:${id}`;

/** The records an article card (or feed item) shows. */
export interface CardRecords {
  articleId: number;
  categoryId: number;
  authorIds: readonly number[];
  tagIds: readonly number[];
  mediaId: number | null;
}

/** The tags of one card: the article and every record the card names. */
export function cardTags(card: CardRecords): string[] {
  const tags = [articleTag(card.articleId), categoryTag(card.categoryId), ...card.authorIds.map(authorTag), ...card.tagIds.map(tagTag)];
  if (card.mediaId !== null) tags.push(mediaTag(card.mediaId));
  return tags;
}

/** What decides where an article appears: whether readers see it, when, and in which listings. */
export interface ArticlePlacement {
  /** Published with a publication time in the past: readers see it. */
  live: boolean;
  publishedAt: number | null;
  /** Every category listing it belongs to (its category and that category's ancestors). */
  categoryIds: readonly number[];
  tagIds: readonly number[];
  authorIds: readonly number[];
}

/**
 * What an article write changed for readers, from its placement before and after (undefined:
 * no such article). An article readers never saw changes nothing they see.
 */
export function articleChangeTags(articleId: number, before: ArticlePlacement | undefined, after: ArticlePlacement | undefined): string[] {
  const wasLive = before?.live === true;
  const isLive = after?.live === true;
  if (!wasLive && !isLive) return [];
  const tags = new Set([articleTag(articleId), SEARCH_TAG, SITEMAP_TAG]);
  const listings = (p: ArticlePlacement | undefined) => (p?.live ? [...p.categoryIds.map(categoryListingTag), ...p.tagIds.map(tagListingTag), ...p.authorIds.map(authorListingTag)] : []);
  const beforeListings = listings(before);
  const afterListings = listings(after);
  // Appearing, disappearing or moving in time reorders every listing it is in, on both sides.
  if (wasLive !== isLive || before?.publishedAt !== after?.publishedAt) {
    tags.add(ALL_LISTING_TAG);
    for (const tag of [...beforeListings, ...afterListings]) tags.add(tag);
  } else {
    // Same place in time: only the listings it joined or left change.
    const kept = new Set(afterListings);
    const had = new Set(beforeListings);
    for (const tag of beforeListings) if (!kept.has(tag)) tags.add(tag);
    for (const tag of afterListings) if (!had.has(tag)) tags.add(tag);
  }
  return [...tags];
}

/** Collects the tags of a page while its view model is built (no duplicates, insertion order). */
export class TagSet {
  private readonly tags = new Set<string>([SITE_TAG]);

  /** Adds tags. */
  add(...tags: readonly string[]): this {
    for (const tag of tags) this.tags.add(tag);
    return this;
  }

  /** The tags, `site` first. */
  list(): string[] {
    return [...this.tags];
  }
}
