/**
 * Whole-site reads for exports (backup, WXR): every table in id order, by pages (keyset on
 * id) so a big site is never held in memory at once.
 */
import type { Selectable } from 'kysely';
import type { ArticleEventsTable, ArticleNoteRow, ArticleRow, CategoryRow, CommentRow, MediaRow, PageRow, RedirectRow, RevisionRow, TagRow, UserRow } from '../schema.js';
import type { Executor } from './executor.js';
import type { BackupCounts } from '../../domain/backup/backup-format.js';

/** How many rows of each exported table exist: the counts a backup file announces. */
export type ExportCounts = BackupCounts;

/** An editor's pin or exclusion, with its article. */
export interface ExportedOverride {
  article_id: number;
  related_id: number;
  kind: string;
  position: number;
}

/** Reads everything an export writes. */
export class ExportRepository {
  constructor(private readonly db: Executor) {}

  /** Rows per exported table (settings: every key; the caller filters secrets). */
  async counts(): Promise<ExportCounts> {
    const count = async (table: 'settings' | 'users' | 'categories' | 'tags' | 'media' | 'articles' | 'pages' | 'comments' | 'redirects') => {
      const { n } = await this.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(n);
    };
    return {
      settings: await count('settings'),
      users: await count('users'),
      categories: await count('categories'),
      tags: await count('tags'),
      media: await count('media'),
      articles: await count('articles'),
      pages: await count('pages'),
      comments: await count('comments'),
      redirects: await count('redirects'),
    };
  }

  /** Every setting, by key. */
  async settings(): Promise<Array<{ key: string; value: string }>> {
    return this.db.selectFrom('settings').select(['key', 'value']).orderBy('key').execute();
  }

  /** Every account, by id. */
  async users(): Promise<UserRow[]> {
    return this.db.selectFrom('users').selectAll().orderBy('id').execute();
  }

  /** Every category, by id. */
  async categories(): Promise<CategoryRow[]> {
    return this.db.selectFrom('categories').selectAll().orderBy('id').execute();
  }

  /** Every tag, by id. */
  async tags(): Promise<TagRow[]> {
    return this.db.selectFrom('tags').selectAll().orderBy('id').execute();
  }

  /** Every media item (removed ones too: published pages may still show them), by id. */
  async media(): Promise<MediaRow[]> {
    return this.db.selectFrom('media').selectAll().orderBy('id').execute();
  }

  /** Every redirect, by id. */
  async redirects(): Promise<RedirectRow[]> {
    return this.db.selectFrom('redirects').selectAll().orderBy('id').execute();
  }

  /** The highest article id (0 when none): other exported ids are numbered after it. */
  async maxArticleId(): Promise<number> {
    const row = await this.db.selectFrom('articles').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
    return Number(row?.max ?? 0);
  }

  /** The next page of articles after an id, in id order. */
  async articlesAfter(afterId: number, limit: number): Promise<ArticleRow[]> {
    return this.db.selectFrom('articles').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  }

  /** Every standalone page, by id. */
  async pages(): Promise<PageRow[]> {
    return this.db.selectFrom('pages').selectAll().orderBy('id').execute();
  }

  /** The next page of comments after an id, in id order. */
  async commentsAfter(afterId: number, limit: number): Promise<CommentRow[]> {
    return this.db.selectFrom('comments').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  }

  /** Comments of some articles, by article then id. */
  async commentsFor(articleIds: readonly number[]): Promise<CommentRow[]> {
    if (articleIds.length === 0) return [];
    return this.db.selectFrom('comments').selectAll().where('article_id', 'in', articleIds).orderBy('article_id').orderBy('id').execute();
  }

  /** Notes of some articles, oldest first. */
  async notesFor(articleIds: readonly number[]): Promise<ArticleNoteRow[]> {
    if (articleIds.length === 0) return [];
    return this.db.selectFrom('article_notes').selectAll().where('article_id', 'in', articleIds).orderBy('article_id').orderBy('created_at').orderBy('id').execute();
  }

  /** Status changes of some articles, oldest first. */
  async eventsFor(articleIds: readonly number[]): Promise<Array<Selectable<ArticleEventsTable>>> {
    if (articleIds.length === 0) return [];
    return this.db.selectFrom('article_events').selectAll().where('article_id', 'in', articleIds).orderBy('article_id').orderBy('id').execute();
  }

  /** Revisions of some articles, oldest first. */
  async revisionsFor(articleIds: readonly number[]): Promise<RevisionRow[]> {
    if (articleIds.length === 0) return [];
    return this.db.selectFrom('revisions').selectAll().where('article_id', 'in', articleIds).orderBy('article_id').orderBy('created_at').orderBy('id').execute();
  }

  /** Pins and exclusions of some articles. */
  async overridesFor(articleIds: readonly number[]): Promise<ExportedOverride[]> {
    if (articleIds.length === 0) return [];
    return this.db.selectFrom('related_overrides').select(['article_id', 'related_id', 'kind', 'position']).where('article_id', 'in', articleIds).orderBy('article_id').orderBy('kind').orderBy('position').execute();
  }
}
