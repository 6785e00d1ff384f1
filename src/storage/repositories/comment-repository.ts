/** Reader comments. */
import type { Insertable } from 'kysely';
import type { CommentRow, CommentsTable } from '../schema.js';
import type { Executor } from './executor.js';

/** Reads and writes `comments`. */
export class CommentRepository {
  constructor(private readonly db: Executor) {}

  /** Inserts a comment and returns its id. */
  async insert(row: Insertable<CommentsTable>): Promise<number> {
    const { id } = await this.db.insertInto('comments').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  /** The approved comments of an article, oldest first. */
  async approvedFor(articleId: number): Promise<CommentRow[]> {
    return this.db
      .selectFrom('comments')
      .selectAll()
      .where('article_id', '=', articleId)
      .where('status', '=', 'approved')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Approved comment counts for several articles, in one query. */
  async approvedCounts(articleIds: readonly number[]): Promise<Map<number, number>> {
    if (articleIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('comments')
      .select(['article_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('article_id', 'in', articleIds)
      .where('status', '=', 'approved')
      .groupBy('article_id')
      .execute();
    return new Map(rows.map((r) => [r.article_id, Number(r.n)]));
  }

  /** A page of comments for moderation, newest first, with their article's title. */
  async listForModeration(status: string | undefined, limit: number, offset: number): Promise<Array<CommentRow & { article_title: string }>> {
    let query = this.db.selectFrom('comments').innerJoin('articles', 'articles.id', 'comments.article_id').selectAll('comments').select('articles.title as article_title');
    if (status !== undefined) query = query.where('comments.status', '=', status);
    return query.orderBy('comments.created_at', 'desc').orderBy('comments.id', 'desc').limit(limit).offset(offset).execute();
  }

  /** One comment. */
  async findById(id: number): Promise<CommentRow | undefined> {
    return this.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Changes the moderation status of a comment. */
  async setStatus(id: number, status: string, now: number): Promise<void> {
    await this.db.updateTable('comments').set({ status, updated_at: now }).where('id', '=', id).execute();
  }

  /** Whether the article already has comments (the demo loader uses it to stay idempotent). */
  async countFor(articleId: number): Promise<number> {
    const { n } = await this.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('article_id', '=', articleId).executeTakeFirstOrThrow();
    return Number(n);
  }
}
