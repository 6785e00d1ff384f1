/**
 * Writes the whole site as a backup file (docs/backup-format.md), streamed: articles and
 * comments are read by pages and handed to the sink one record per line, so memory stays
 * flat whatever the size of the site. Everything is read from one snapshot of the database.
 */
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupInstant,
  backupOptionalInstant,
  isSecretSetting,
  type BackupArticle,
  type BackupCategory,
  type BackupComment,
  type BackupCounts,
  type BackupMedia,
  type BackupPage,
  type BackupRedirect,
  type BackupSetting,
  type BackupTag,
  type BackupUser,
} from '../../domain/backup/backup-format.js';
import { parentsFirst } from '../../domain/category.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { ArticleRow, CommentRow, MediaRow } from '../../storage/schema.js';
import type { ServiceContext } from '../context.js';
import type { StoredVariant } from '../media-service.js';

/** Receives the file's text in order; awaiting it is how the writer honours back-pressure. */
export type TextSink = (chunk: string) => Promise<void>;

/** Options of {@link BackupExporter.write}. */
export interface BackupExportOptions {
  /** Told after each page of articles and comments. */
  onProgress?: (phase: 'articles' | 'comments', done: number, total: number) => void;
}

/** What was written. */
export type BackupExportReport = BackupCounts;

/** Articles (with their notes, revisions…) read per query. */
const ARTICLE_PAGE = 100;
/** Comments read per query. */
const COMMENT_PAGE = 1000;

/** The media files of a media row: the original first, then every rendition. */
export function mediaFilePaths(row: Pick<MediaRow, 'storage_key' | 'variants'>): string[] {
  return [...new Set([row.storage_key, ...parseVariants(row.variants).map((v) => v.key)])];
}

function parseVariants(json: string): StoredVariant[] {
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? (parsed as StoredVariant[]) : [];
  } catch {
    return [];
  }
}

function mediaRecord(row: MediaRow): BackupMedia {
  return {
    id: row.id,
    path: row.storage_key,
    mimeType: row.mime_type,
    width: row.width,
    height: row.height,
    byteSize: row.byte_size,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    variants: parseVariants(row.variants).map((v) => ({ path: v.key, width: v.width, height: v.height, format: v.format })),
    uploadedBy: row.uploaded_by,
    createdAt: backupInstant(row.created_at),
    deletedAt: backupOptionalInstant(row.deleted_at),
  };
}

function commentRecord(row: CommentRow): BackupComment {
  return {
    id: row.id,
    articleId: row.article_id,
    parentId: row.parent_id,
    status: row.status,
    previousStatus: row.previous_status,
    authorName: row.author_name,
    authorEmail: row.author_email,
    authorUrl: row.author_url,
    body: row.body,
    userId: row.user_id,
    createdAt: backupInstant(row.created_at),
    updatedAt: backupInstant(row.updated_at),
    erasedAt: backupOptionalInstant(row.erased_at),
  };
}

function groupBy<T extends { article_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) map.set(row.article_id, [...(map.get(row.article_id) ?? []), row]);
  return map;
}

async function articleRecords(repos: Repositories, rows: readonly ArticleRow[]): Promise<BackupArticle[]> {
  const ids = rows.map((r) => r.id);
  const [bylines, tags, notes, events, revisions, overrides] = await Promise.all([
    repos.articles.bylinesFor(ids),
    repos.articles.tagsFor(ids),
    repos.exports.notesFor(ids),
    repos.exports.eventsFor(ids),
    repos.exports.revisionsFor(ids),
    repos.exports.overridesFor(ids),
  ]);
  const byArticle = { bylines: groupBy(bylines), tags: groupBy(tags), notes: groupBy(notes), events: groupBy(events), revisions: groupBy(revisions), overrides: groupBy(overrides) };
  return rows.map((row) => ({
    id: row.id,
    translationGroup: row.translation_group,
    language: row.language,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    body: JSON.parse(row.body) as unknown,
    status: row.status,
    publishedAt: backupOptionalInstant(row.published_at),
    contentUpdatedAt: backupOptionalInstant(row.content_updated_at),
    categoryId: row.primary_category_id,
    authorIds: (byArticle.bylines.get(row.id) ?? []).map((b) => b.id),
    tagIds: (byArticle.tags.get(row.id) ?? []).map((t) => t.id),
    featuredMediaId: row.featured_media_id,
    featuredCaption: row.featured_caption,
    featuredCredit: row.featured_credit,
    featuredAlt: row.featured_alt,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    commentsOpen: row.comments_open === 1,
    createdAt: backupInstant(row.created_at),
    updatedAt: backupInstant(row.updated_at),
    notes: (byArticle.notes.get(row.id) ?? []).map((n) => ({ kind: n.kind === 'update' ? 'update' : 'correction', text: n.text, userId: n.user_id, createdAt: backupInstant(n.created_at) })),
    events: (byArticle.events.get(row.id) ?? []).map((e) => ({ fromStatus: e.from_status, toStatus: e.to_status, userId: e.user_id, createdAt: backupInstant(e.created_at) })),
    revisions: (byArticle.revisions.get(row.id) ?? []).map((r) => ({ title: r.title, dek: r.dek, body: JSON.parse(r.body) as unknown, note: r.note, userId: r.user_id, createdAt: backupInstant(r.created_at) })),
    related: (byArticle.overrides.get(row.id) ?? []).map((o) => ({ articleId: o.related_id, kind: o.kind === 'pin' ? 'pin' : 'exclude', position: o.position })),
  }));
}

/** Writes backups. */
export class BackupExporter {
  constructor(private readonly ctx: ServiceContext) {}

  /** Writes the whole site to `sink`; returns how many records of each kind it wrote. */
  async write(sink: TextSink, options: BackupExportOptions = {}): Promise<BackupExportReport> {
    return this.ctx.repos.snapshot(async (repos) => {
      const settings: BackupSetting[] = (await repos.exports.settings()).filter((s) => !isSecretSetting(s.key)).map((s) => ({ key: s.key, value: JSON.parse(s.value) as unknown }));
      const users: BackupUser[] = (await repos.exports.users()).map((u) => ({ id: u.id, email: u.email, slug: u.slug, name: u.display_name, bio: u.bio, role: u.role, createdAt: backupInstant(u.created_at) }));
      const categories = parentsFirst(await repos.exports.categories()).map(
        (c): BackupCategory => ({ id: c.id, parentId: c.parent_id, slug: c.slug, name: c.name, description: c.description, position: c.position, inMenu: c.in_menu === 1, createdAt: backupInstant(c.created_at) }),
      );
      const tags: BackupTag[] = (await repos.exports.tags()).map((t) => ({ id: t.id, slug: t.slug, name: t.name, createdAt: backupInstant(t.created_at) }));
      const media = (await repos.exports.media()).map(mediaRecord);
      const pages: BackupPage[] = (await repos.exports.pages()).map((p) => ({
        id: p.id,
        slug: p.slug,
        title: p.title,
        excerpt: p.excerpt,
        body: JSON.parse(p.body) as unknown,
        status: p.status,
        publishedAt: backupOptionalInstant(p.published_at),
        seoTitle: p.seo_title,
        seoDescription: p.seo_description,
        createdAt: backupInstant(p.created_at),
        updatedAt: backupInstant(p.updated_at),
      }));
      const redirects: BackupRedirect[] = (await repos.exports.redirects()).map((r) => ({ from: r.from_path, to: r.to_path, status: r.status_code, createdAt: backupInstant(r.created_at) }));
      const totals = await repos.exports.counts();
      const counts: BackupCounts = { ...totals, settings: settings.length, users: users.length, categories: categories.length, tags: tags.length, media: media.length, pages: pages.length, redirects: redirects.length };

      const header = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: backupInstant(this.ctx.clock.now()),
        generator: 'Dépêche',
        site: { url: this.ctx.site.siteUrl, name: this.ctx.site.siteName, language: this.ctx.site.siteLanguage },
        counts,
      };
      await sink(`${JSON.stringify(header).slice(0, -1)},\n`);
      await writeList(sink, 'settings', settings, false);
      await writeList(sink, 'users', users, false);
      await writeList(sink, 'categories', categories, false);
      await writeList(sink, 'tags', tags, false);
      await writeList(sink, 'media', media, false);

      await sink('"articles":[');
      let written = 0;
      for (let after = 0; ; ) {
        const rows = await repos.exports.articlesAfter(after, ARTICLE_PAGE);
        if (rows.length === 0) break;
        for (const record of await articleRecords(repos, rows)) await sink(`${written++ === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`);
        after = rows[rows.length - 1]!.id;
        options.onProgress?.('articles', written, counts.articles);
      }
      await sink(written > 0 ? '\n],\n' : '],\n');
      await writeList(sink, 'pages', pages, false);

      await sink('"comments":[');
      let comments = 0;
      for (let after = 0; ; ) {
        const rows = await repos.exports.commentsAfter(after, COMMENT_PAGE);
        if (rows.length === 0) break;
        for (const row of rows) await sink(`${comments++ === 0 ? '\n' : ',\n'}${JSON.stringify(commentRecord(row))}`);
        after = rows[rows.length - 1]!.id;
        options.onProgress?.('comments', comments, counts.comments);
      }
      await sink(comments > 0 ? '\n],\n' : '],\n');

      await writeList(sink, 'redirects', redirects, true);
      await sink('}\n');
      return { ...counts, articles: written, comments };
    });
  }
}

async function writeList(sink: TextSink, name: string, records: readonly unknown[], last: boolean): Promise<void> {
  const body = records.map((r) => JSON.stringify(r)).join(',\n');
  await sink(`"${name}":[${records.length > 0 ? `\n${body}\n` : ''}]${last ? '\n' : ',\n'}`);
}
