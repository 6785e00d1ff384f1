/** Saved states of articles. */
import type { Insertable, Selectable } from 'kysely';
import type { RevisionsTable } from '../schema.js';
import type { Executor } from './executor.js';

/** Reads and writes `revisions`. */
export class RevisionRepository {
  constructor(private readonly db: Executor) {}

  /** Records a revision. */
  async insert(row: Insertable<RevisionsTable>): Promise<void> {
    await this.db.insertInto('revisions').values(row).execute();
  }

  /** Deletes every revision of an article. */
  async deleteFor(articleId: number): Promise<void> {
    await this.db.deleteFrom('revisions').where('article_id', '=', articleId).execute();
  }

  /** The revisions of an article with the name of who saved each, newest first (no body). */
  async listWithUsers(articleId: number): Promise<Array<{ id: number; created_at: number; note: string; user_name: string | null }>> {
    return this.db
      .selectFrom('revisions')
      .leftJoin('users', 'users.id', 'revisions.user_id')
      .select(['revisions.id', 'revisions.created_at', 'revisions.note', 'users.display_name as user_name'])
      .where('revisions.article_id', '=', articleId)
      .orderBy('revisions.created_at', 'desc')
      .orderBy('revisions.id', 'desc')
      .execute();
  }

  /** One revision of an article. */
  async find(articleId: number, revisionId: number): Promise<Selectable<RevisionsTable> | undefined> {
    return this.db.selectFrom('revisions').selectAll().where('article_id', '=', articleId).where('id', '=', revisionId).executeTakeFirst();
  }

  /** The revisions of an article, newest first. */
  async listFor(articleId: number): Promise<Selectable<RevisionsTable>[]> {
    return this.db.selectFrom('revisions').selectAll().where('article_id', '=', articleId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  }
}
