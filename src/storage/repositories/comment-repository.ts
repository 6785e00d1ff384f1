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

  /** Whether the article already has comments (the demo loader uses it to stay idempotent). */
  async countFor(articleId: number): Promise<number> {
    const { n } = await this.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('article_id', '=', articleId).executeTakeFirstOrThrow();
    return Number(n);
  }
}
