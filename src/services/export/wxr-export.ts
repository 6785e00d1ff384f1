/**
 * Writes the site as a WordPress eXtended RSS 1.2 file (what WordPress's importer reads):
 * authors, categories with their parents, tags, one attachment per media item, articles
 * with their body rendered to HTML from the document model, and their comments. Streamed
 * by pages from one snapshot of the database. What WXR cannot carry is listed in the
 * README (redirects, several bylines beyond the `dc:creator`, revisions…).
 */
import { isArticleStatus } from '../../domain/article.js';
import { parentsFirst } from '../../domain/category.js';
import { renderDocument } from '../../domain/document/render-document.js';
import { validateDocument } from '../../domain/document/validate-document.js';
import { cdata, cdataElement, textElement, wpGmtDate, wpLocalDate, wpPostStatus, xmlEscape } from '../../domain/export/wxr-markup.js';
import { absoluteHtmlUrls, absoluteUrl, articlePath, mediaPath } from '../../domain/urls.js';
import type { ArticleRow, CategoryRow, CommentRow, MediaRow, PageRow, UserRow } from '../../storage/schema.js';
import { pagePath } from '../page-service.js';
import type { TextSink } from '../backup/backup-export.js';
import type { ServiceContext } from '../context.js';
import { authorXml, categoryXml, commentXml, meta, wordpressBody } from './wxr-items.js';

/** Options of {@link WxrExporter.write}. */
export interface WxrExportOptions {
  onProgress?: (phase: 'articles', done: number, total: number) => void;
}

/** What was written. */
export interface WxrExportReport {
  authors: number;
  categories: number;
  tags: number;
  attachments: number;
  articles: number;
  pages: number;
  comments: number;
}

const ARTICLE_PAGE = 100;

const RSS_OPEN = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
`;

/** Writes WXR files. */
export class WxrExporter {
  constructor(private readonly ctx: ServiceContext) {}

  /** Writes the whole site to `sink` as WXR 1.2. */
  async write(sink: TextSink, options: WxrExportOptions = {}): Promise<WxrExportReport> {
    const site = this.ctx.site;
    const zone = site.timeZone;
    return this.ctx.repos.snapshot(async (repos) => {
      const settings = (await repos.settings.get<{ siteName?: string; siteDescription?: string }>('site')) ?? {};
      const [users, categories, tags, media, counts, maxArticleId, redirects] = await Promise.all([
        repos.exports.users(),
        repos.exports.categories(),
        repos.exports.tags(),
        repos.exports.media(),
        repos.exports.counts(),
        repos.exports.maxArticleId(),
        repos.exports.redirects(),
      ]);
      const report: WxrExportReport = { authors: users.length, categories: categories.length, tags: tags.length, attachments: media.length, articles: 0, pages: 0, comments: 0 };
      const userById = new Map(users.map((u) => [u.id, u]));
      const mediaById = new Map(media.map((m) => [m.id, m]));
      // Old slugs of an article (its former addresses), as WordPress's `_wp_old_slug` meta.
      const oldSlugs = new Map<string, string[]>();
      for (const r of redirects) {
        const slug = r.from_path.replace(/\/+$/, '').split('/').pop() ?? '';
        if (slug !== '' && r.to_path !== r.from_path) oldSlugs.set(r.to_path, [...(oldSlugs.get(r.to_path) ?? []), slug]);
      }
      const categoryById = new Map(categories.map((c) => [c.id, c]));
      // WordPress numbers every post type in one sequence: attachments come after the articles.
      const attachmentId = (mediaId: number) => maxArticleId + mediaId;
      // Term ids are shared by categories and tags in WordPress.
      const maxCategoryId = categories.reduce((max, c) => Math.max(max, c.id), 0);

      let head = RSS_OPEN;
      head += `\t${textElement('title', settings.siteName ?? site.siteName)}\n`;
      head += `\t${textElement('link', site.siteUrl)}\n`;
      head += `\t${textElement('description', settings.siteDescription ?? '')}\n`;
      head += `\t${textElement('pubDate', new Date(this.ctx.clock.now()).toUTCString())}\n`;
      head += `\t${textElement('language', site.siteLanguage)}\n`;
      head += `\t${textElement('wp:wxr_version', '1.2')}\n`;
      head += `\t${textElement('wp:base_site_url', site.siteUrl)}\n`;
      head += `\t${textElement('wp:base_blog_url', site.siteUrl)}\n\n`;
      for (const user of users) head += authorXml(user);
      head += '\n';
      for (const category of parentsFirst(categories)) head += categoryXml(category, categoryById);
      for (const tag of tags) {
        head += `\t<wp:tag>${textElement('wp:term_id', maxCategoryId + tag.id)}${cdataElement('wp:tag_slug', tag.slug)}${cdataElement('wp:tag_name', tag.name)}</wp:tag>\n`;
      }
      head += `\n\t${textElement('generator', 'Dépêche')}\n\n`;
      await sink(head);

      for (const item of media) await sink(this.attachmentXml(item, attachmentId(item.id)));

      for (let after = 0; ; ) {
        const rows = await repos.exports.articlesAfter(after, ARTICLE_PAGE);
        if (rows.length === 0) break;
        const ids = rows.map((r) => r.id);
        const [bylines, articleTags, comments] = await Promise.all([repos.articles.bylinesFor(ids), repos.articles.tagsFor(ids), repos.exports.commentsFor(ids)]);
        for (const row of rows) {
          const category = categoryById.get(row.primary_category_id);
          const itemComments = comments.filter((c) => c.article_id === row.id);
          await sink(
            this.articleXml(row, {
              category,
              authors: bylines.filter((b) => b.article_id === row.id).map((b) => userById.get(b.id)).filter((u): u is UserRow => u !== undefined),
              tags: articleTags.filter((t) => t.article_id === row.id),
              comments: itemComments,
              thumbnailId: row.featured_media_id === null ? null : attachmentId(row.featured_media_id),
              zone,
              media: mediaById,
              attachmentId,
              oldSlugs,
            }),
          );
          report.articles++;
          report.comments += itemComments.length;
        }
        after = rows[rows.length - 1]!.id;
        options.onProgress?.('articles', report.articles, counts.articles);
      }
      // Pages are numbered after the attachments.
      const pageIdBase = maxArticleId + media.reduce((max, m) => Math.max(max, m.id), 0);
      for (const page of await repos.exports.pages()) {
        await sink(this.pageXml(page, pageIdBase + page.id, zone));
        report.pages++;
      }
      await sink('</channel>\n</rss>\n');
      return report;
    });
  }

  private attachmentXml(item: MediaRow, postId: number): string {
    const url = absoluteUrl(this.ctx.site.siteUrl, mediaPath(item.storage_key));
    const date = item.created_at;
    let xml = '\t<item>\n';
    xml += `\t\t${textElement('title', item.storage_key.split('/').pop() ?? item.storage_key)}\n`;
    xml += `\t\t${textElement('link', url)}\n`;
    xml += `\t\t${textElement('pubDate', new Date(date).toUTCString())}\n`;
    xml += `\t\t${cdataElement('dc:creator', '')}\n`;
    xml += `\t\t<guid isPermaLink="false">${xmlEscape(url)}</guid>\n`;
    xml += '\t\t<description></description>\n';
    xml += `\t\t${cdataElement('content:encoded', item.credit)}\n`;
    xml += `\t\t${cdataElement('excerpt:encoded', item.caption)}\n`;
    xml += `\t\t${textElement('wp:post_id', postId)}\n`;
    xml += `\t\t${cdataElement('wp:post_date', wpLocalDate(date, this.ctx.site.timeZone))}\n`;
    xml += `\t\t${cdataElement('wp:post_date_gmt', wpGmtDate(date))}\n`;
    xml += `\t\t${cdataElement('wp:comment_status', 'closed')}\n\t\t${cdataElement('wp:ping_status', 'closed')}\n`;
    xml += `\t\t${cdataElement('wp:post_name', `media-${item.id}`)}\n`;
    xml += `\t\t${cdataElement('wp:status', item.deleted_at === null ? 'inherit' : 'trash')}\n`;
    xml += `\t\t${textElement('wp:post_parent', 0)}\n\t\t${textElement('wp:menu_order', 0)}\n`;
    xml += `\t\t${cdataElement('wp:post_type', 'attachment')}\n\t\t${cdataElement('wp:post_password', '')}\n\t\t${textElement('wp:is_sticky', 0)}\n`;
    xml += `\t\t${cdataElement('wp:attachment_url', url)}\n`;
    xml += meta('_wp_attached_file', item.storage_key);
    if (item.alt !== '') xml += meta('_wp_attachment_image_alt', item.alt);
    if (item.credit !== '') xml += meta('_depeche_credit', item.credit);
    return `${xml}\t</item>\n`;
  }

  private pageXml(page: PageRow, postId: number, zone: string): string {
    const site = this.ctx.site;
    const status = isArticleStatus(page.status) ? page.status : 'draft';
    const url = absoluteUrl(site.siteUrl, pagePath(page.slug));
    const date = page.published_at ?? page.created_at;
    const html = absoluteHtmlUrls(renderDocument(validateDocument(JSON.parse(page.body) as unknown), { siteOrigin: site.siteUrl, typography: 'off' }), site.siteUrl);
    let xml = '\t<item>\n';
    xml += `\t\t${textElement('title', page.title)}\n`;
    xml += `\t\t${textElement('link', url)}\n`;
    xml += `\t\t${textElement('pubDate', new Date(date).toUTCString())}\n`;
    xml += `\t\t${cdataElement('dc:creator', '')}\n`;
    xml += `\t\t<guid isPermaLink="false">${xmlEscape(`${site.siteUrl}/?page_id=${postId}`)}</guid>\n`;
    xml += '\t\t<description></description>\n';
    xml += `\t\t${cdataElement('content:encoded', html)}\n`;
    xml += `\t\t${cdataElement('excerpt:encoded', page.excerpt)}\n`;
    xml += `\t\t${textElement('wp:post_id', postId)}\n`;
    xml += `\t\t${cdataElement('wp:post_date', wpLocalDate(date, zone))}\n`;
    xml += `\t\t${cdataElement('wp:post_date_gmt', page.published_at === null ? '0000-00-00 00:00:00' : wpGmtDate(page.published_at))}\n`;
    xml += `\t\t${cdataElement('wp:post_modified', wpLocalDate(page.updated_at, zone))}\n`;
    xml += `\t\t${cdataElement('wp:post_modified_gmt', wpGmtDate(page.updated_at))}\n`;
    xml += `\t\t${cdataElement('wp:comment_status', 'closed')}\n\t\t${cdataElement('wp:ping_status', 'closed')}\n`;
    xml += `\t\t${cdataElement('wp:post_name', page.slug)}\n`;
    xml += `\t\t${cdataElement('wp:status', wpPostStatus(status))}\n`;
    xml += `\t\t${textElement('wp:post_parent', 0)}\n\t\t${textElement('wp:menu_order', 0)}\n`;
    xml += `\t\t${cdataElement('wp:post_type', 'page')}\n\t\t${cdataElement('wp:post_password', '')}\n\t\t${textElement('wp:is_sticky', 0)}\n`;
    if (page.seo_title) xml += meta('_yoast_wpseo_title', page.seo_title);
    if (page.seo_description) xml += meta('_yoast_wpseo_metadesc', page.seo_description);
    return `${xml}\t</item>\n`;
  }

  private articleXml(
    row: ArticleRow,
    related: {
      category: CategoryRow | undefined;
      authors: UserRow[];
      tags: ReadonlyArray<{ slug: string; name: string }>;
      comments: CommentRow[];
      thumbnailId: number | null;
      zone: string;
      media: ReadonlyMap<number, MediaRow>;
      attachmentId: (mediaId: number) => number;
      oldSlugs: ReadonlyMap<string, string[]>;
    },
  ): string {
    const site = this.ctx.site;
    const status = isArticleStatus(row.status) ? row.status : 'draft';
    const path = related.category ? articlePath(related.category.slug, row.slug) : `/${row.slug}`;
    const url = absoluteUrl(site.siteUrl, path);
    const date = row.published_at ?? row.created_at;
    const html = wordpressBody(validateDocument(JSON.parse(row.body) as unknown), site.siteUrl, related.media, related.attachmentId);
    let xml = '\t<item>\n';
    xml += `\t\t${textElement('title', row.title)}\n`;
    xml += `\t\t${textElement('link', url)}\n`;
    xml += `\t\t${textElement('pubDate', new Date(date).toUTCString())}\n`;
    xml += `\t\t${cdataElement('dc:creator', related.authors[0]?.slug ?? '')}\n`;
    xml += `\t\t<guid isPermaLink="false">${xmlEscape(`${site.siteUrl}/?p=${row.id}`)}</guid>\n`;
    xml += '\t\t<description></description>\n';
    xml += `\t\t${cdataElement('content:encoded', html)}\n`;
    xml += `\t\t${cdataElement('excerpt:encoded', row.dek)}\n`;
    xml += `\t\t${textElement('wp:post_id', row.id)}\n`;
    xml += `\t\t${cdataElement('wp:post_date', wpLocalDate(date, related.zone))}\n`;
    xml += `\t\t${cdataElement('wp:post_date_gmt', row.published_at === null ? '0000-00-00 00:00:00' : wpGmtDate(row.published_at))}\n`;
    xml += `\t\t${cdataElement('wp:post_modified', wpLocalDate(row.updated_at, related.zone))}\n`;
    xml += `\t\t${cdataElement('wp:post_modified_gmt', wpGmtDate(row.updated_at))}\n`;
    xml += `\t\t${cdataElement('wp:comment_status', row.comments_open === 1 ? 'open' : 'closed')}\n`;
    xml += `\t\t${cdataElement('wp:ping_status', 'closed')}\n`;
    xml += `\t\t${cdataElement('wp:post_name', row.slug)}\n`;
    xml += `\t\t${cdataElement('wp:status', wpPostStatus(status))}\n`;
    xml += `\t\t${textElement('wp:post_parent', 0)}\n\t\t${textElement('wp:menu_order', 0)}\n`;
    xml += `\t\t${cdataElement('wp:post_type', 'post')}\n\t\t${cdataElement('wp:post_password', '')}\n\t\t${textElement('wp:is_sticky', 0)}\n`;
    if (related.category) xml += `\t\t<category domain="category" nicename="${xmlEscape(related.category.slug)}">${cdata(related.category.name)}</category>\n`;
    for (const tag of related.tags) xml += `\t\t<category domain="post_tag" nicename="${xmlEscape(tag.slug)}">${cdata(tag.name)}</category>\n`;
    // Co-Authors Plus's taxonomy: how WordPress sites carry several bylines.
    if (related.authors.length > 1) for (const author of related.authors) xml += `\t\t<category domain="author" nicename="cap-${xmlEscape(author.slug)}">${cdata(author.slug)}</category>\n`;
    if (related.thumbnailId !== null) xml += meta('_thumbnail_id', related.thumbnailId);
    if (row.seo_title) xml += meta('_yoast_wpseo_title', row.seo_title);
    if (row.seo_description) xml += meta('_yoast_wpseo_metadesc', row.seo_description);
    if (status === 'unpublished') xml += meta('_depeche_status', status);
    for (const slug of new Set(related.oldSlugs.get(path) ?? [])) if (slug !== row.slug) xml += meta('_wp_old_slug', slug);
    if (row.language !== site.siteLanguage) xml += meta('_depeche_language', row.language);
    for (const comment of related.comments) xml += commentXml(comment, related.zone);
    return `${xml}\t</item>\n`;
  }
}
