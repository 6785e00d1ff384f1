/** Reader comments. */
import type { Insertable } from 'kysely';
import type { CommentRow, CommentsTable } from '../schema.js';
import type { Executor } from './executor.js';

/** A comment with the title and place of its article, for moderation lists and exports. */
export interface CommentWithArticle extends CommentRow {
  article_title: string;
  article_slug: string;
  article_category_id: number;
}

/** Which comments a moderation list shows. */
export interface CommentFilter {
  status?: string;
  articleId?: number;
  /** Only comments on articles this user signs. */
  authorUserId?: number;
  limit: number;
  offset: number;
}

/** What an erased comment keeps: its place in the thread and its status. */
const ERASED = { author_name: '', author_email: '', author_url: '', body: '', ip_hash: null, user_agent: null, author_token_hash: null, body_hash: null, dedupe_key: null } as const;

/** Reads and writes `comments`. */
export class CommentRepository {
  constructor(private readonly db: Executor) {}

  /** Inserts a comment and returns its id. */
  async insert(row: Insertable<CommentsTable>): Promise<number> {
    const { id } = await this.db.insertInto('comments').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  /** Inserts a comment unless one with the same `dedupe_key` exists (then undefined). */
  async insertOnce(row: Insertable<CommentsTable>): Promise<number | undefined> {
    const inserted = await this.db
      .insertInto('comments')
      .values(row)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted?.id;
  }

  /** One comment. */
  async findById(id: number): Promise<CommentRow | undefined> {
    return this.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Comments by id. */
  async findByIds(ids: readonly number[]): Promise<CommentRow[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('comments').selectAll().where('id', 'in', ids).orderBy('id').execute();
  }

  /** Changes fields of a comment. */
  async update(id: number, patch: Partial<Omit<CommentRow, 'id'>>): Promise<void> {
    await this.db.updateTable('comments').set(patch).where('id', '=', id).execute();
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

  /** Comments of an article held for moderation that the holder of this commenter cookie posted. */
  async heldFor(articleId: number, authorTokenHash: string): Promise<CommentRow[]> {
    return this.db
      .selectFrom('comments')
      .selectAll()
      .where('article_id', '=', articleId)
      .where('status', 'in', ['pending', 'spam'])
      .where('author_token_hash', '=', authorTokenHash)
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



  /** Whether the article already has comments (the demo loader uses it to stay idempotent). */
  async countFor(articleId: number): Promise<number> {
    const { n } = await this.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('article_id', '=', articleId).executeTakeFirstOrThrow();
    return Number(n);
  }

  /** Whether this email has an approved comment (the auto-approval rule). */
  async hasApprovedFrom(email: string): Promise<boolean> {
    const row = await this.db.selectFrom('comments').select('id').where('author_email', '=', email).where('status', '=', 'approved').where('erased_at', 'is', null).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /** Whether the same text was already posted on the article by this email or from this IP. */
  async duplicateExists(articleId: number, bodyHash: string, email: string, ipHash: string | null): Promise<boolean> {
    const row = await this.db
      .selectFrom('comments')
      .select('id')
      .where('article_id', '=', articleId)
      .where('body_hash', '=', bodyHash)
      .where((eb) => (ipHash === null ? eb('author_email', '=', email) : eb.or([eb('author_email', '=', email), eb('ip_hash', '=', ipHash)])))
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** A page of comments with their article, newest first. */
  async list(filter: CommentFilter): Promise<CommentWithArticle[]> {
    let query = this.db
      .selectFrom('comments')
      .innerJoin('articles', 'articles.id', 'comments.article_id')
      .selectAll('comments')
      .select(['articles.title as article_title', 'articles.slug as article_slug', 'articles.primary_category_id as article_category_id']);
    if (filter.status !== undefined) query = query.where('comments.status', '=', filter.status);
    if (filter.articleId !== undefined) query = query.where('comments.article_id', '=', filter.articleId);
    if (filter.authorUserId !== undefined) {
      const userId = filter.authorUserId;
      query = query.where((eb) => eb.exists(eb.selectFrom('article_authors').select('article_authors.article_id').whereRef('article_authors.article_id', '=', 'comments.article_id').where('article_authors.user_id', '=', userId)));
    }
    return query.orderBy('comments.created_at', 'desc').orderBy('comments.id', 'desc').limit(filter.limit).offset(filter.offset).execute();
  }

  /** How many comments have each status. */
  async countByStatus(): Promise<Map<string, number>> {
    const rows = await this.db.selectFrom('comments').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    return new Map(rows.map((r) => [r.status, Number(r.n)]));
  }

  /** Pending comments per article, for the articles a user signs (or every article). */
  async pendingPerArticle(authorUserId?: number): Promise<{ articleId: number; title: string; count: number }[]> {
    let query = this.db
      .selectFrom('comments')
      .innerJoin('articles', 'articles.id', 'comments.article_id')
      .select(['comments.article_id', 'articles.title', (eb) => eb.fn.countAll<number>().as('n')])
      .where('comments.status', '=', 'pending');
    if (authorUserId !== undefined) {
      query = query.innerJoin('article_authors', 'article_authors.article_id', 'comments.article_id').where('article_authors.user_id', '=', authorUserId);
    }
    const rows = await query.groupBy(['comments.article_id', 'articles.title']).orderBy('comments.article_id').execute();
    return rows.map((r) => ({ articleId: r.article_id, title: r.title, count: Number(r.n) }));
  }

  /** Every comment written with this email, with its article (for a GDPR export). */
  async byEmail(email: string): Promise<CommentWithArticle[]> {
    return this.db
      .selectFrom('comments')
      .innerJoin('articles', 'articles.id', 'comments.article_id')
      .selectAll('comments')
      .select(['articles.title as article_title', 'articles.slug as article_slug', 'articles.primary_category_id as article_category_id'])
      .where('comments.author_email', '=', email)
      .orderBy('comments.created_at')
      .orderBy('comments.id')
      .execute();
  }

  /** Erases what identifies the writer of these comments and their text; returns how many. */
  async eraseByEmail(email: string, now: number): Promise<number> {
    const result = await this.db.updateTable('comments').set({ ...ERASED, erased_at: now, updated_at: now }).where('author_email', '=', email).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Emails of those told about comments to moderate: administrators, editors and the article's authors. */
  async moderatorEmails(articleId: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('users')
      .select('email')
      .where((eb) => eb.or([eb('role', 'in', ['administrator', 'editor']), eb.exists(eb.selectFrom('article_authors').select('article_authors.user_id').whereRef('article_authors.user_id', '=', 'users.id').where('article_authors.article_id', '=', articleId))]))
      .orderBy('email')
      .execute();
    return rows.map((r) => r.email);
  }
}
