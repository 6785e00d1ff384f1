/**
 * What the Admin API sends: explicit allowlists from rows and read models to JSON. Nothing
 * reaches the wire that is not named here (no password hashes, no IP hashes, no secrets).
 */
import { mediaPath } from '../../../domain/urls.js';
import type { ApiKeyInfo, StaffUser } from '../../../services/auth-service.js';
import type { StoredVariant } from '../../../services/media-service.js';
import type { ArticleDetailData, ArticleSummaryData } from '../../../services/newsroom-read-service.js';
import type { RevisionSummary } from '../../../services/revision-service.js';
import type { CategoryRow, CommentRow, MediaRow, RevisionRow, TagRow, UserRow } from '../../../storage/schema.js';

/** Epoch milliseconds → ISO 8601, null kept. */
export function iso(instant: number | null | undefined): string | null {
  return instant === null || instant === undefined ? null : new Date(instant).toISOString();
}

function isoRequired(instant: number): string {
  return new Date(instant).toISOString();
}

/** The logged-in user. */
export function presentSessionUser(user: StaffUser) {
  return { id: user.id, email: user.email, name: user.name, slug: user.slug, role: user.role };
}

/** An account, for administrators. */
export function presentUser(row: UserRow) {
  return { id: row.id, email: row.email, name: row.display_name, slug: row.slug, role: row.role, bio: row.bio };
}

/** A byline candidate. */
export function presentAuthor(row: UserRow) {
  return { id: row.id, name: row.display_name, slug: row.slug };
}

/** An article in the newsroom list. */
export function presentArticleSummary(a: ArticleSummaryData) {
  return {
    id: a.id,
    title: a.title,
    slug: a.slug,
    status: a.status,
    categoryId: a.categoryId,
    authors: a.authors,
    publishedAt: a.status === 'scheduled' ? null : iso(a.publishedAt),
    scheduledAt: a.status === 'scheduled' ? iso(a.publishedAt) : null,
    updatedAt: isoRequired(a.updatedAt),
    url: a.url,
  };
}

/** An article for its editor. */
export function presentArticle(d: ArticleDetailData, mediaBase?: string) {
  const r = d.row;
  return {
    id: r.id,
    title: r.title,
    slug: r.slug,
    dek: r.dek,
    body: JSON.parse(r.body) as unknown,
    categoryId: r.primary_category_id,
    authorIds: d.authors.map((a) => a.id),
    authors: d.authors,
    tags: d.tags,
    featuredMediaId: r.featured_media_id,
    featuredMedia: d.featuredMedia ? presentMedia(d.featuredMedia, mediaBase) : null,
    featuredCaption: r.featured_caption,
    featuredAlt: r.featured_alt,
    featuredCredit: r.featured_credit,
    seoTitle: r.seo_title,
    seoDescription: r.seo_description,
    commentsOpen: r.comments_open === 1,
    status: r.status,
    publishedAt: r.status === 'scheduled' ? null : iso(r.published_at),
    scheduledAt: r.status === 'scheduled' ? iso(r.published_at) : null,
    createdAt: isoRequired(r.created_at),
    updatedAt: isoRequired(r.updated_at),
    url: d.url,
    notes: d.notes.map((n) => ({ id: n.id, kind: n.kind, text: n.text, createdAt: isoRequired(n.created_at) })),
  };
}

/** A category. */
export function presentCategory(row: CategoryRow) {
  return { id: row.id, name: row.name, slug: row.slug, parentId: row.parent_id, description: row.description, position: row.position };
}

/** A tag. */
export function presentTag(row: TagRow) {
  return { id: row.id, name: row.name, slug: row.slug };
}

/** A media item with the URLs of its renditions. */
export function presentMedia(row: MediaRow, mediaBase?: string) {
  const variants = JSON.parse(row.variants) as StoredVariant[];
  return {
    id: row.id,
    url: mediaPath(row.storage_key, mediaBase),
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    mimeType: row.mime_type,
    createdAt: isoRequired(row.created_at),
    variants: variants.map((v) => ({ url: mediaPath(v.key, mediaBase), width: v.width, height: v.height, format: v.format })),
  };
}

/** A comment for moderation (the commenter's email is for staff; the IP hash never leaves). */
export function presentComment(row: CommentRow & { article_title: string }) {
  return {
    id: row.id,
    articleId: row.article_id,
    articleTitle: row.article_title,
    authorName: row.author_name,
    authorEmail: row.author_email,
    authorUrl: row.author_url,
    body: row.body,
    status: row.status,
    byStaff: row.user_id !== null,
    createdAt: isoRequired(row.created_at),
    parentId: row.parent_id,
  };
}

/** A revision in the list. */
export function presentRevisionSummary(r: RevisionSummary) {
  return { id: r.id, createdAt: isoRequired(r.createdAt), userName: r.userName, note: r.note };
}

/** One revision's content. */
export function presentRevision(r: RevisionRow) {
  return { id: r.id, title: r.title, dek: r.dek, body: JSON.parse(r.body) as unknown, createdAt: isoRequired(r.created_at) };
}

/** An API key as listed. */
export function presentApiKey(k: ApiKeyInfo) {
  return { id: k.id, name: k.name, prefix: k.prefix, createdAt: isoRequired(k.createdAt), lastUsedAt: iso(k.lastUsedAt) };
}
