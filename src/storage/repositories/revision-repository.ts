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

  /** The revisions of an article, newest first. */
  async listFor(articleId: number): Promise<Selectable<RevisionsTable>[]> {
    return this.db.selectFrom('revisions').selectAll().where('article_id', '=', articleId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  }
}
