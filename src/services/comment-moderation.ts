/**
 * Moderation of reader comments (WordPress semantics): approve, unapprove, spam, trash,
 * restore (one or in bulk), staff replies, edits, pending counts; and the commenter's GDPR
 * rights: export and erasure by email address. Who may call these is the caller's policy
 * (the admin API checks the staff role; the CLI is the operator).
 */
import { commentsTag } from '../domain/cache-tags.js';
import { isCommentStatus, moderate, type CommentStatus, type ModerationAction } from '../domain/comment.js';
import { normaliseCommentText, normaliseLine, normaliseWebsite } from '../domain/comment-text.js';
import { isEmail } from '../domain/user.js';
import { articlePath } from '../domain/urls.js';
import { DepecheError } from '../errors.js';
import type { CommentWithArticle } from '../storage/repositories/comment-repository.js';
import type { CommentRow } from '../storage/schema.js';
import type { ServiceContext } from './context.js';
import { COMMENT_LIMITS } from './comment-service.js';

/** A comment as moderators see it (the email included; the IP hash and cookie hash never). */
export interface ModeratedComment {
  id: number;
  articleId: number;
  articleTitle: string;
  articleUrl: string;
  parentId: number | null;
  status: CommentStatus;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  body: string;
  byStaff: boolean;
  erased: boolean;
  createdAt: number;
  updatedAt: number;
}

/** The outcome of a bulk action: what changed and what could not, with why. */
export interface BulkResult {
  done: { id: number; status: CommentStatus }[];
  failed: { id: number; code: string; message: string }[];
}

/** Changes a moderator may make to a comment. */
export interface CommentEdit {
  body?: string;
  authorName?: string;
  authorEmail?: string;
  authorUrl?: string;
}

/** Pending comments: the total and, per article, how many wait. */
export interface PendingCounts {
  total: number;
  articles: { articleId: number; title: string; count: number }[];
}

/** What a commenter's export holds (GDPR article 15/20). */
export interface CommenterExport {
  email: string;
  exportedAt: string;
  comments: {
    id: number;
    article: { title: string; url: string };
    parentId: number | null;
    status: string;
    name: string;
    email: string;
    website: string;
    text: string;
    postedAt: string;
    updatedAt: string;
    userAgent: string | null;
    ipAddressStored: 'keyed hash only' | 'none';
  }[];
}

/** Moderation use cases. */
export class CommentModerationService {
  constructor(private readonly ctx: ServiceContext) {}

  private async categorySlugs(rows: readonly CommentWithArticle[]): Promise<Map<number, string>> {
    const ids = [...new Set(rows.map((r) => r.article_category_id))];
    return new Map((await this.ctx.repos.articles.categoriesByIds(ids)).map((c) => [c.id, c.slug]));
  }

  private async present(rows: readonly CommentWithArticle[]): Promise<ModeratedComment[]> {
    const slugs = await this.categorySlugs(rows);
    return rows.map((r) => ({
      id: r.id,
      articleId: r.article_id,
      articleTitle: r.article_title,
      articleUrl: articlePath(slugs.get(r.article_category_id) ?? '', r.article_slug),
      parentId: r.parent_id,
      status: isCommentStatus(r.status) ? r.status : 'pending',
      authorName: r.author_name,
      authorEmail: r.author_email,
      authorUrl: r.author_url,
      body: r.body,
      byStaff: r.user_id !== null,
      erased: r.erased_at !== null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  /** A page of comments, newest first, optionally by status, article or signing author. */
  async list(filter: { status?: CommentStatus; articleId?: number; authorUserId?: number; limit?: number; offset?: number } = {}): Promise<ModeratedComment[]> {
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
    const rows = await this.ctx.repos.comments.list({ ...filter, limit, offset: Math.max(filter.offset ?? 0, 0) });
    return this.present(rows);
  }

  /** How many comments have each status. */
  async statusCounts(): Promise<Record<CommentStatus, number>> {
    const counts = await this.ctx.repos.comments.countByStatus();
    return { pending: counts.get('pending') ?? 0, approved: counts.get('approved') ?? 0, spam: counts.get('spam') ?? 0, trash: counts.get('trash') ?? 0 };
  }

  /** Pending comments on the articles a user signs (authors), or on every article (moderators). */
  async pendingCounts(authorUserId?: number): Promise<PendingCounts> {
    const articles = await this.ctx.repos.comments.pendingPerArticle(authorUserId);
    return { total: articles.reduce((sum, a) => sum + a.count, 0), articles };
  }

  /** Applies a moderation action to one comment and returns its new status. */
  async apply(id: number, action: ModerationAction): Promise<CommentStatus> {
    return this.ctx.repos.transaction(async (repos) => {
      const row = await repos.comments.findById(id);
      if (!row) throw new DepecheError('DEPECHE_UNKNOWN_REFERENCE', { kind: 'commentaire', ref: String(id) });
      const current = isCommentStatus(row.status) ? row.status : 'pending';
      const previous = row.previous_status !== null && isCommentStatus(row.previous_status) ? row.previous_status : null;
      const outcome = moderate(current, previous, action);
      if (outcome === undefined) throw new DepecheError('DEPECHE_COMMENT_TRANSITION', { id, from: current, action });
      await repos.comments.update(id, { status: outcome.status, previous_status: outcome.previousStatus, updated_at: this.ctx.clock.now() });
      // Readers see approved comments only: a move between other statuses changes no public page.
      if (current === 'approved' || outcome.status === 'approved') this.ctx.invalidator.afterCommit(repos, [commentsTag(row.article_id)]);
      return outcome.status;
    });
  }

  /** Applies an action to several comments; each succeeds or fails on its own. */
  async bulk(ids: readonly number[], action: ModerationAction): Promise<BulkResult> {
    const result: BulkResult = { done: [], failed: [] };
    for (const id of new Set(ids)) {
      try {
        result.done.push({ id, status: await this.apply(id, action) });
      } catch (error) {
        if (!(error instanceof DepecheError)) throw error;
        result.failed.push({ id, code: error.code, message: error.messageIn('fr') });
      }
    }
    return result;
  }

  /**
   * A staff reply, published at once under the staff member's name. Replying to a comment
   * that waits for moderation approves it (as WordPress does): the reply would otherwise
   * answer something nobody can read.
   */
  async reply(parentId: number, staffUserId: number, text: string): Promise<number> {
    const body = normaliseCommentText(text);
    if (body === '' || body.length > COMMENT_LIMITS.body) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'the reply must have 1 to 10,000 characters' });
    return this.ctx.repos.transaction(async (repos) => {
      const [parent, staff] = await Promise.all([repos.comments.findById(parentId), repos.users.findByIds([staffUserId]).then((u) => u[0])]);
      if (!parent) throw new DepecheError('DEPECHE_UNKNOWN_REFERENCE', { kind: 'commentaire', ref: String(parentId) });
      if (!staff) throw new DepecheError('DEPECHE_UNKNOWN_REFERENCE', { kind: 'utilisateur', ref: String(staffUserId) });
      if (parent.status === 'spam' || parent.status === 'trash') throw new DepecheError('DEPECHE_COMMENT_TRANSITION', { id: parentId, from: parent.status, action: 'reply' });
      const now = this.ctx.clock.now();
      if (parent.status === 'pending') await repos.comments.update(parentId, { status: 'approved', previous_status: null, updated_at: now });
      this.ctx.invalidator.afterCommit(repos, [commentsTag(parent.article_id)]);
      return repos.comments.insert({
        article_id: parent.article_id,
        parent_id: parentId,
        status: 'approved',
        author_name: staff.display_name,
        author_email: staff.email,
        author_url: '',
        body,
        ip_hash: null,
        user_agent: null,
        created_at: now,
        updated_at: now,
        user_id: staff.id,
      });
    });
  }

  /** Edits a comment's text or its author's details (an erased comment stays erased). */
  async edit(id: number, edit: CommentEdit): Promise<void> {
    const patch: Partial<Omit<CommentRow, 'id'>> = {};
    if (edit.body !== undefined) {
      const body = normaliseCommentText(edit.body);
      if (body === '' || body.length > COMMENT_LIMITS.body) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'the comment must have 1 to 10,000 characters' });
      patch.body = body;
    }
    if (edit.authorName !== undefined) {
      const name = normaliseLine(edit.authorName);
      if (name === '' || name.length > COMMENT_LIMITS.name) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'the commenter name must have 1 to 100 characters' });
      patch.author_name = name;
    }
    if (edit.authorEmail !== undefined) {
      const email = edit.authorEmail.trim().toLowerCase();
      if (!isEmail(email)) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'the commenter email is not valid' });
      patch.author_email = email;
    }
    if (edit.authorUrl !== undefined) {
      const url = normaliseWebsite(edit.authorUrl);
      if (url === undefined || url.length > COMMENT_LIMITS.url) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'the commenter website must be an http(s) address' });
      patch.author_url = url;
    }
    await this.ctx.repos.transaction(async (repos) => {
      const row = await repos.comments.findById(id);
      if (!row) throw new DepecheError('DEPECHE_UNKNOWN_REFERENCE', { kind: 'commentaire', ref: String(id) });
      if (row.erased_at !== null) throw new DepecheError('DEPECHE_VALIDATION', { detail: `comment ${id} was erased at its writer's request` });
      await repos.comments.update(id, { ...patch, updated_at: this.ctx.clock.now() });
      if (row.status === 'approved') this.ctx.invalidator.afterCommit(repos, [commentsTag(row.article_id)]);
    });
  }

  /** Everything stored about the comments written with an email address. */
  async exportByEmail(rawEmail: string): Promise<CommenterExport> {
    const email = rawEmail.trim().toLowerCase();
    if (!isEmail(email)) throw new DepecheError('DEPECHE_VALIDATION', { detail: `"${rawEmail}" is not an email address` });
    const rows = await this.ctx.repos.comments.byEmail(email);
    const slugs = await this.categorySlugs(rows);
    return {
      email,
      exportedAt: new Date(this.ctx.clock.now()).toISOString(),
      comments: rows.map((r) => ({
        id: r.id,
        article: { title: r.article_title, url: this.ctx.site.siteUrl + articlePath(slugs.get(r.article_category_id) ?? '', r.article_slug) },
        parentId: r.parent_id,
        status: r.status,
        name: r.author_name,
        email: r.author_email,
        website: r.author_url,
        text: r.body,
        postedAt: new Date(r.created_at).toISOString(),
        updatedAt: new Date(r.updated_at).toISOString(),
        userAgent: r.user_agent,
        ipAddressStored: r.ip_hash === null ? 'none' : 'keyed hash only',
      })),
    };
  }

  /**
   * Erases a commenter's data: name, email, website, text, IP hash, browser and cookie hash.
   * The comments keep their place so replies stay in their thread ("commentaire supprimé").
   */
  async eraseByEmail(rawEmail: string): Promise<number> {
    const email = rawEmail.trim().toLowerCase();
    if (!isEmail(email)) throw new DepecheError('DEPECHE_VALIDATION', { detail: `"${rawEmail}" is not an email address` });
    return this.ctx.repos.transaction(async (repos) => {
      // Erased approved comments stay in their thread as "commentaire supprimé": those pages change.
      const shown = (await repos.comments.byEmail(email)).filter((c) => c.status === 'approved' && c.erased_at === null);
      const erased = await repos.comments.eraseByEmail(email, this.ctx.clock.now());
      this.ctx.invalidator.afterCommit(repos, new Set(shown.map((c) => commentsTag(c.article_id))));
      return erased;
    });
  }
}
