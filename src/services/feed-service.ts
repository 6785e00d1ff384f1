/**
 * Feeds of the site, of each category, tag and author. A feed reads the same ordered index
 * as the listing page it follows, then fetches the page's articles, bylines, tags and images
 * at once: a fixed number of queries whatever the feed's size.
 */
import { ALL_LISTING_TAG, authorListingTag, authorTag, cardTags, categoryListingTag, categoryTag, TagSet, tagListingTag, tagTag } from '../domain/cache-tags.js';
import { typeset } from '../domain/text/french-typography.js';
import { absoluteHtmlUrls, absoluteUrl, articlePath, authorPath, categoryPath, FEED_FILES, feedPath, mediaPath, tagPath, type FeedFormat } from '../domain/urls.js';
import type { ListingScope } from '../storage/repositories/index.js';
import type { ArticleRow, MediaRow } from '../storage/schema.js';
import { siteTypography, type ServiceContext } from './context.js';
import type { FeedImageView, FeedItemView, FeedView } from './syndication-views.js';

/** Articles per feed. */
export const FEED_SIZE = 20;

/** Which feed: the whole site's, or one listing's by its slug. */
export type FeedScope = { kind: 'site' } | { kind: 'category' | 'tag' | 'author'; slug: string };

/** What a feed follows: its listing, its page and how it presents itself. */
interface FeedSource {
  listing: ListingScope;
  /** The cache tags of the listing followed and of the record it is about. */
  tags: string[];
  path: string;
  title: string;
  description: string;
}

/**
 * A stable identifier for an article: a tag: URI (RFC 4151) from the site's host, the day the
 * article was created and its id. Unlike its URL it survives slug and category changes.
 */
export function articleGuid(siteUrl: string, articleId: number, createdAt: number): string {
  const host = new URL(siteUrl).hostname;
  return `tag:${host},${new Date(createdAt).toISOString().slice(0, 10)}:article:${articleId}`;
}

/** Builds the feeds. */
export class FeedService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The feed of a scope, or undefined when its category, tag or author does not exist. */
  async feed(scope: FeedScope): Promise<FeedView | undefined> {
    const { repos, site } = this.ctx;
    const now = this.ctx.clock.now();
    const categories = await repos.taxonomy.allCategories();
    const source = await this.source(scope, categories);
    if (source === undefined) return undefined;
    const ids = await repos.articles.listPublishedIds(source.listing, { now, limit: FEED_SIZE, offset: 0 });
    const [rows, bylines, tags] = await Promise.all([repos.articles.findByIds(ids), repos.articles.bylinesFor(ids), repos.articles.tagsFor(ids)]);
    const mediaIds = [...new Set(rows.map((r) => r.featured_media_id).filter((id): id is number => id !== null))];
    const media = new Map((await repos.media.findByIds(mediaIds)).map((m) => [m.id, m]));
    const categoryById = new Map(categories.map((c) => [c.id, c]));
    const rowById = new Map(rows.map((r) => [r.id, r]));
    const mode = siteTypography(site);
    const items: FeedItemView[] = [];
    const shown = new TagSet().add(...source.tags);
    let lastModified = 0;
    for (const id of ids) {
      const row = rowById.get(id);
      const category = row ? categoryById.get(row.primary_category_id) : undefined;
      if (!row || !category || row.published_at === null) continue;
      const updatedAt = Math.max(row.published_at, row.content_updated_at ?? 0);
      lastModified = Math.max(lastModified, row.updated_at, row.published_at);
      const featured = row.featured_media_id === null ? undefined : media.get(row.featured_media_id);
      const itemAuthors = bylines.filter((b) => b.article_id === id);
      const itemTags = tags.filter((t) => t.article_id === id);
      shown.add(...cardTags({ articleId: row.id, categoryId: category.id, authorIds: itemAuthors.map((b) => b.id), tagIds: itemTags.map((t) => t.id), mediaId: featured ? featured.id : null }));
      items.push({
        id: articleGuid(site.siteUrl, row.id, row.created_at),
        url: absoluteUrl(site.siteUrl, articlePath(category.slug, row.slug)),
        title: typeset(row.title, mode),
        summary: typeset(row.dek, mode),
        contentHtml: absoluteHtmlUrls(row.body_html, site.siteUrl),
        publishedAt: new Date(row.published_at),
        updatedAt: new Date(updatedAt),
        authors: itemAuthors.map((b) => ({ name: b.display_name, url: absoluteUrl(site.siteUrl, authorPath(b.slug)) })),
        category: category.name,
        tags: itemTags.map((t) => t.name),
        image: featured ? this.image(featured, row) : null,
        language: row.language,
      });
    }
    const newest = items.reduce((max, item) => Math.max(max, item.updatedAt.getTime()), 0);
    const feedUrls = Object.fromEntries((Object.keys(FEED_FILES) as FeedFormat[]).map((f) => [f, absoluteUrl(site.siteUrl, feedPath(source.path, f))])) as Record<FeedFormat, string>;
    return {
      title: typeset(source.title, mode),
      description: typeset(source.description, mode),
      language: site.siteLanguage,
      homeUrl: absoluteUrl(site.siteUrl, source.path),
      feedUrls,
      updatedAt: new Date(newest),
      lastModified: new Date(lastModified),
      items,
      cacheTags: shown.list(),
    };
  }

  private async source(scope: FeedScope, categories: readonly { id: number; slug: string; name: string; description: string }[]): Promise<FeedSource | undefined> {
    const { siteName } = this.ctx.site;
    switch (scope.kind) {
      case 'site':
        return { listing: { kind: 'all' }, tags: [ALL_LISTING_TAG], path: '/', title: siteName, description: `${siteName} : l’actualité en continu.` };
      case 'category': {
        const category = categories.find((c) => c.slug === scope.slug);
        if (!category) return undefined;
        return {
          listing: { kind: 'category', categoryId: category.id },
          tags: [categoryListingTag(category.id), categoryTag(category.id)],
          path: categoryPath(category.slug),
          title: `${siteName} – ${category.name}`,
          description: category.description || `Les articles de la rubrique « ${category.name} ».`,
        };
      }
      case 'tag': {
        const tag = await this.ctx.repos.taxonomy.findTagBySlug(scope.slug);
        if (!tag) return undefined;
        return { listing: { kind: 'tag', tagId: tag.id }, tags: [tagListingTag(tag.id), tagTag(tag.id)], path: tagPath(tag.slug), title: `${siteName} – ${tag.name}`, description: `Tous les articles sur le thème « ${tag.name} ».` };
      }
      case 'author': {
        const user = await this.ctx.repos.users.findBySlug(scope.slug);
        if (!user) return undefined;
        return { listing: { kind: 'author', userId: user.id }, tags: [authorListingTag(user.id), authorTag(user.id)], path: authorPath(user.slug), title: `${siteName} – ${user.display_name}`, description: user.bio || `Les articles de ${user.display_name}.` };
      }
    }
  }

  private image(media: MediaRow, row: ArticleRow): FeedImageView {
    return {
      url: absoluteUrl(this.ctx.site.siteUrl, mediaPath(media.storage_key, this.ctx.site.mediaBaseUrl)),
      width: media.width,
      height: media.height,
      type: media.mime_type,
      length: media.byte_size,
      alt: row.featured_alt ?? media.alt,
    };
  }
}
