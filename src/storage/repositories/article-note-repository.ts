/** Public correction and update notes, and the workflow's event log. */
import type { ArticleNoteRow } from '../schema.js';
import type { Executor } from './executor.js';

/** Reads and writes `article_notes` and `article_events`. */
export class ArticleNoteRepository {
  constructor(private readonly db: Executor) {}

  /** Adds a note and returns its id. */
  async insert(row: { article_id: number; user_id: number | null; kind: string; text: string; created_at: number }): Promise<number> {
    const { id } = await this.db.insertInto('article_notes').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  /** The notes of an article, oldest first. */
  async listFor(articleId: number): Promise<ArticleNoteRow[]> {
    return this.db.selectFrom('article_notes').selectAll().where('article_id', '=', articleId).orderBy('created_at').orderBy('id').execute();
  }

  /** Records a status change. */
  async recordEvent(row: { article_id: number; user_id: number | null; from_status: string; to_status: string; created_at: number }): Promise<void> {
    await this.db.insertInto('article_events').values(row).execute();
  }

  /** The status changes of an article, oldest first. */
  async eventsFor(articleId: number): Promise<Array<{ user_id: number | null; from_status: string; to_status: string; created_at: number }>> {
    return this.db.selectFrom('article_events').select(['user_id', 'from_status', 'to_status', 'created_at']).where('article_id', '=', articleId).orderBy('id').execute();
  }
}
