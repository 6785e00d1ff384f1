/**
 * A site's content described by natural keys (slugs, emails, storage keys), never by row
 * ids: two databases holding the same site give equal snapshots whatever their ids.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/storage/schema.js';

/** Everything the backup round trip must keep. */
export interface SiteSnapshot {
  users: unknown[];
  categories: unknown[];
  tags: unknown[];
  media: unknown[];
  articles: unknown[];
  pages: unknown[];
  comments: unknown[];
  redirects: unknown[];
  settings: unknown[];
}

/** Reads a snapshot (settings under "security." are the site's own and left out). */
export async function siteSnapshot(db: Kysely<Database>): Promise<SiteSnapshot> {
  const users = await db.selectFrom('users').selectAll().orderBy('email').execute();
  const userKey = new Map(users.map((u) => [u.id, u.email]));
  const categories = await db.selectFrom('categories').selectAll().orderBy('slug').execute();
  const categoryKey = new Map(categories.map((c) => [c.id, c.slug]));
  const tags = await db.selectFrom('tags').selectAll().orderBy('slug').execute();
  const tagKey = new Map(tags.map((t) => [t.id, t.slug]));
  const media = await db.selectFrom('media').selectAll().orderBy('storage_key').execute();
  const mediaKey = new Map(media.map((m) => [m.id, m.storage_key]));
  const articles = await db.selectFrom('articles').selectAll().orderBy('slug').execute();
  const articleKey = new Map(articles.map((a) => [a.id, a.slug]));
  const bylines = await db.selectFrom('article_authors').selectAll().orderBy('article_id').orderBy('position').execute();
  const articleTags = await db.selectFrom('article_tags').selectAll().orderBy('article_id').orderBy('position').execute();
  const listed = await db.selectFrom('article_categories').selectAll().orderBy('article_id').orderBy('category_id').execute();
  const notes = await db.selectFrom('article_notes').selectAll().orderBy('article_id').orderBy('created_at').orderBy('id').execute();
  const events = await db.selectFrom('article_events').selectAll().orderBy('article_id').orderBy('id').execute();
  const revisions = await db.selectFrom('revisions').selectAll().orderBy('article_id').orderBy('created_at').orderBy('id').execute();
  const overrides = await db.selectFrom('related_overrides').selectAll().execute();
  const comments = await db.selectFrom('comments').selectAll().orderBy('created_at').orderBy('id').execute();
  const commentKey = new Map(comments.map((c) => [c.id, `${articleKey.get(c.article_id)}@${c.created_at}#${c.author_name}`]));
  const of = <T extends { article_id: number }>(rows: readonly T[], id: number) => rows.filter((r) => r.article_id === id);
  const user = (id: number | null) => (id === null ? null : (userKey.get(id) ?? `?${id}`));
  const figureKeys = (body: string) => JSON.stringify(JSON.parse(body), (key, value: unknown) => (key === 'mediaId' && typeof value === 'number' ? (mediaKey.get(value) ?? `?${value}`) : value));
  return {
    users: users.map((u) => ({ email: u.email, slug: u.slug, name: u.display_name, bio: u.bio, role: u.role, createdAt: u.created_at })),
    categories: categories.map((c) => ({ slug: c.slug, name: c.name, description: c.description, parent: c.parent_id === null ? null : categoryKey.get(c.parent_id), position: c.position, inMenu: c.in_menu, createdAt: c.created_at })),
    tags: tags.map((t) => ({ slug: t.slug, name: t.name, createdAt: t.created_at })),
    media: media.map((m) => ({ key: m.storage_key, mime: m.mime_type, width: m.width, height: m.height, bytes: m.byte_size, alt: m.alt, caption: m.caption, credit: m.credit, variants: m.variants, uploadedBy: user(m.uploaded_by), createdAt: m.created_at, deletedAt: m.deleted_at })),
    articles: articles.map((a) => ({
      slug: a.slug,
      title: a.title,
      dek: a.dek,
      body: figureKeys(a.body),
      bodyHtml: a.body_html,
      status: a.status,
      publishedAt: a.published_at,
      contentUpdatedAt: a.content_updated_at,
      category: categoryKey.get(a.primary_category_id),
      listedUnder: of(listed, a.id).map((l) => [categoryKey.get(l.category_id), l.is_primary, l.status, l.published_at]),
      bylines: of(bylines, a.id).map((b) => [user(b.user_id), b.status, b.published_at]),
      tags: of(articleTags, a.id).map((t) => [tagKey.get(t.tag_id), t.status, t.published_at]),
      featured: [a.featured_media_id === null ? null : mediaKey.get(a.featured_media_id), a.featured_caption, a.featured_credit, a.featured_alt],
      seo: [a.seo_title, a.seo_description],
      language: a.language,
      translationGroup: a.translation_group,
      commentsOpen: a.comments_open,
      createdAt: a.created_at,
      updatedAt: a.updated_at,
      notes: of(notes, a.id).map((n) => [n.kind, n.text, user(n.user_id), n.created_at]),
      events: of(events, a.id).map((e) => [e.from_status, e.to_status, user(e.user_id), e.created_at]),
      revisions: of(revisions, a.id).map((r) => [r.title, r.dek, figureKeys(r.body), r.note, user(r.user_id), r.created_at]),
      related: of(overrides, a.id)
        .map((o) => [articleKey.get(o.related_id), o.kind, o.position])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    })),
    pages: (await db.selectFrom('pages').selectAll().orderBy('slug').execute()).map((p) => ({ slug: p.slug, title: p.title, excerpt: p.excerpt, body: p.body, html: p.body_html, status: p.status, publishedAt: p.published_at, seo: [p.seo_title, p.seo_description], createdAt: p.created_at, updatedAt: p.updated_at })),
    comments: comments.map((c) => ({
      key: commentKey.get(c.id),
      parent: c.parent_id === null ? null : commentKey.get(c.parent_id),
      status: c.status,
      previousStatus: c.previous_status,
      author: [c.author_name, c.author_email, c.author_url],
      body: c.body,
      user: user(c.user_id),
      createdAt: c.created_at,
      updatedAt: c.updated_at,
      erasedAt: c.erased_at,
    })),
    redirects: (await db.selectFrom('redirects').selectAll().orderBy('from_path').execute()).map((r) => ({ from: r.from_path, to: r.to_path, status: r.status_code, createdAt: r.created_at })),
    settings: (await db.selectFrom('settings').selectAll().orderBy('key').execute()).filter((s) => !s.key.startsWith('security.')).map((s) => ({ key: s.key, value: s.value })),
  };
}
