/** The pieces of a WXR file that depend on one record only: post meta, authors, categories, comments, bodies. */
import { isCommentStatus } from '../../domain/comment.js';
import { renderDocument } from '../../domain/document/render-document.js';
import type { ArticleDocument, BlockNode } from '../../domain/document/document.js';
import { cdataElement, textElement, wpCommentApproved, wpGmtDate, wpLocalDate } from '../../domain/export/wxr-markup.js';
import { absoluteHtmlUrls, mediaPath } from '../../domain/urls.js';
import type { CategoryRow, CommentRow, MediaRow, UserRow } from '../../storage/schema.js';

/** A `wp:postmeta` entry. */
export function meta(key: string, value: string | number): string {
  return `\t\t<wp:postmeta>\n\t\t\t${textElement('wp:meta_key', key)}\n\t\t\t${cdataElement('wp:meta_value', String(value))}\n\t\t</wp:postmeta>\n`;
}

/** A `wp:author` of the channel (the login is the author page slug). */
export function authorXml(user: UserRow): string {
  return `\t<wp:author>${textElement('wp:author_id', user.id)}${cdataElement('wp:author_login', user.slug)}${cdataElement('wp:author_email', user.email)}${cdataElement('wp:author_display_name', user.display_name)}${cdataElement('wp:author_first_name', '')}${cdataElement('wp:author_last_name', '')}</wp:author>\n`;
}

/** A `wp:category` with its parent's slug. */
export function categoryXml(category: CategoryRow, byId: ReadonlyMap<number, CategoryRow>): string {
  const parent = category.parent_id === null ? '' : (byId.get(category.parent_id)?.slug ?? '');
  return `\t<wp:category>${textElement('wp:term_id', category.id)}${cdataElement('wp:category_nicename', category.slug)}${cdataElement('wp:category_parent', parent)}${cdataElement('wp:cat_name', category.name)}${category.description !== '' ? cdataElement('wp:category_description', category.description) : ''}</wp:category>\n`;
}

/** A `wp:comment` of an item. */
export function commentXml(comment: CommentRow, zone: string): string {
  const status = isCommentStatus(comment.status) ? comment.status : 'pending';
  let xml = '\t\t<wp:comment>\n';
  xml += `\t\t\t${textElement('wp:comment_id', comment.id)}\n`;
  xml += `\t\t\t${cdataElement('wp:comment_author', comment.author_name)}\n`;
  xml += `\t\t\t${cdataElement('wp:comment_author_email', comment.author_email)}\n`;
  xml += `\t\t\t${cdataElement('wp:comment_author_url', comment.author_url)}\n`;
  xml += `\t\t\t${cdataElement('wp:comment_author_IP', '')}\n`;
  xml += `\t\t\t${cdataElement('wp:comment_date', wpLocalDate(comment.created_at, zone))}\n`;
  xml += `\t\t\t${cdataElement('wp:comment_date_gmt', wpGmtDate(comment.created_at))}\n`;
  xml += `\t\t\t${cdataElement('wp:comment_content', comment.body)}\n`;
  xml += `\t\t\t${cdataElement('wp:comment_approved', wpCommentApproved(status))}\n`;
  xml += `\t\t\t${cdataElement('wp:comment_type', 'comment')}\n`;
  xml += `\t\t\t${textElement('wp:comment_parent', comment.parent_id ?? 0)}\n`;
  xml += `\t\t\t${textElement('wp:comment_user_id', comment.user_id ?? 0)}\n`;
  return `${xml}\t\t</wp:comment>\n`;
}

/**
 * The body as WordPress holds it: HTML from the document renderer, library images at their
 * file's address and marked `wp-image-N` (N: the attachment item), as WordPress's editor does.
 */
export function wordpressBody(doc: ArticleDocument, siteUrl: string, media: ReadonlyMap<number, MediaRow>, attachmentId: (mediaId: number) => number): string {
  const figures: Array<number | null> = [];
  const walk = (nodes: readonly BlockNode[]): BlockNode[] =>
    nodes.map((node) => {
      if (node.type === 'figure') {
        const item = node.attrs.mediaId != null ? media.get(node.attrs.mediaId) : undefined;
        figures.push(item ? attachmentId(item.id) : null);
        return item ? { ...node, attrs: { ...node.attrs, src: mediaPath(item.storage_key), width: item.width, height: item.height } } : node;
      }
      if (node.type === 'blockquote') return { ...node, content: walk(node.content) };
      if (node.type === 'bulletList' || node.type === 'orderedList') return { ...node, content: node.content.map((i) => ({ ...i, content: walk(i.content) })) };
      return node;
    });
  const html = renderDocument({ type: 'doc', content: walk(doc.content) }, { siteOrigin: siteUrl, typography: 'off' });
  // Figures render in document order, one <img> each: the n-th image is the n-th figure.
  let n = 0;
  const marked = html.replace(/<figure class="body-figure"><img /g, (whole) => {
    const id = figures[n++];
    return id == null ? whole : `<figure class="body-figure"><img class="wp-image-${id}" `;
  });
  return absoluteHtmlUrls(marked, siteUrl);
}
