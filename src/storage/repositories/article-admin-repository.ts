/**
 * The newsroom's view of articles: filtered listings of every status, and the conditional
 * status update that is the workflow's (and the scheduler's) claim on an article.
 */
import type { ArticleRow } from '../schema.js';
import type { Executor } from './executor.js';

/** Filters of the newsroom's article list. */
export interface AdminArticleFilter {
  status?: string;
  /** Articles this user signs. */
  authorId?: number;
  categoryId?: number;
  /** Words of the title. */
  q?: string;
  /** Leave out the trash unless `status` asks for it. */
  includeTrash?: boolean;
}

/** What the newsroom list shows of an article. */
export type AdminArticleListRow = Pick<ArticleRow, 'id' | 'title' | 'slug' | 'status' | 'primary_category_id' | 'published_at' | 'updated_at'>;

/** LIKE wildcards typed by people are dropped: SQLite and PostgreSQL escape them differently. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, ' ').trim()}%`;
}

/** Reads newsroom listings and changes statuses conditionally. */
export class ArticleAdminRepository {
  constructor(private readonly db: Executor) {}

  /** A page of articles, most recently changed first. */
  async list(filter: AdminArticleFilter, limit: number, offset: number): Promise<AdminArticleListRow[]> {
    let query = this.db.selectFrom('articles').select(['id', 'title', 'slug', 'status', 'primary_category_id', 'published_at', 'updated_at']);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    else if (!filter.includeTrash) query = query.where('status', '!=', 'trash');
    if (filter.categoryId !== undefined) query = query.where('primary_category_id', '=', filter.categoryId);
    if (filter.authorId !== undefined) {
      const authorId = filter.authorId;
      query = query.where('id', 'in', (eb) => eb.selectFrom('article_authors').select('article_id').where('user_id', '=', authorId));
    }
    if (filter.q !== undefined && filter.q.trim() !== '') {
      const pattern = likePattern(filter.q.trim());
      query = query.where((eb) => eb(eb.fn('lower', ['title']), 'like', eb.val(pattern)));
    }
    return query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
  }

  /**
   * Sets the status of an article only if it is still `expectedFrom`; true when this call
   * made the change. Two nodes racing on one article: exactly one gets true.
   */
  async setStatusIf(id: number, expectedFrom: string, change: { status: string; published_at: number | null; updated_at: number }, dueBy?: number): Promise<boolean> {
    let query = this.db.updateTable('articles').set(change).where('id', '=', id).where('status', '=', expectedFrom);
    // The scheduler's claim also checks the date is still due (an editor may have moved it).
    if (dueBy !== undefined) query = query.where('published_at', '<=', dueBy);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Scheduled articles whose time has come, oldest first. */
  async dueScheduled(now: number, limit: number): Promise<Array<{ id: number; published_at: number | null }>> {
    return this.db
      .selectFrom('articles')
      .select(['id', 'published_at'])
      .where('status', '=', 'scheduled')
      .where('published_at', '<=', now)
      .orderBy('published_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  }
}
