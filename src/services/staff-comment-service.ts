/**
 * Comment moderation as the newsroom does it from the admin: the moderation use cases of
 * CommentModerationService behind the staff policies (editors and administrators moderate
 * and handle commenters' GDPR requests; every role may count what waits on its own articles).
 */
import type { ModerationAction } from '../domain/comment.js';
import { canModerateComments, type Actor } from '../domain/policies.js';
import { DepecheError } from '../errors.js';
import type { CommentRow } from '../storage/schema.js';
import type { BulkResult, CommentEdit, CommenterExport, CommentModerationService } from './comment-moderation.js';
import type { CommentService } from './comment-service.js';
import type { ServiceContext } from './context.js';
import { enforce } from './enforce.js';

/** A comment row with the title of its article, as the admin lists it. */
export type StaffComment = CommentRow & { article_title: string };

/** What the admin may change on a comment in one call. */
export interface StaffCommentChange extends Omit<CommentEdit, 'authorEmail'> {
  status?: string;
}

/** Pending comments: the total (moderators only, else null) and on the caller's own articles. */
export interface PendingCount {
  total: number | null;
  mine: number;
}

/** Staff-side moderation use cases, each checking the caller's role. */
export class StaffCommentService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly comments: CommentService,
    private readonly moderation: CommentModerationService,
  ) {}

  private async load(id: number): Promise<StaffComment> {
    const row = await this.ctx.repos.comments.findById(id);
    if (!row) throw new DepecheError('DEPECHE_NOT_FOUND');
    const article = await this.ctx.repos.articles.findById(row.article_id);
    return { ...row, article_title: article?.title ?? '' };
  }

  /** Applies one action to several comments; each succeeds or fails on its own. */
  async bulk(actor: Actor, ids: readonly number[], action: ModerationAction): Promise<BulkResult> {
    enforce(canModerateComments(actor));
    return this.moderation.bulk(ids, action);
  }

  /** A reply signed by the caller, published at once (a pending parent gets approved). */
  async reply(actor: Actor, parentId: number, text: string): Promise<StaffComment> {
    enforce(canModerateComments(actor));
    await this.load(parentId);
    return this.load(await this.moderation.reply(parentId, actor.id, text));
  }

  /** Edits a comment's text or author details and/or sets its status. */
  async change(actor: Actor, id: number, change: StaffCommentChange): Promise<StaffComment> {
    enforce(canModerateComments(actor));
    await this.load(id);
    const edit: CommentEdit = {};
    if (change.body !== undefined) edit.body = change.body;
    if (change.authorName !== undefined) edit.authorName = change.authorName;
    if (change.authorUrl !== undefined) edit.authorUrl = change.authorUrl;
    if (Object.keys(edit).length > 0) await this.moderation.edit(id, edit);
    if (change.status !== undefined) return this.comments.moderate(actor, id, change.status);
    return this.load(id);
  }

  /** Pending comments: everywhere for moderators, and on the articles the caller signs. */
  async pendingCount(actor: Actor): Promise<PendingCount> {
    const mine = (await this.moderation.pendingCounts(actor.id)).total;
    const total = canModerateComments(actor).allowed ? (await this.moderation.pendingCounts()).total : null;
    return { total, mine };
  }

  /** Everything stored about a commenter (GDPR access and portability). */
  async exportCommenter(actor: Actor, email: string): Promise<CommenterExport> {
    enforce(canModerateComments(actor));
    return this.moderation.exportByEmail(email);
  }

  /** Erases a commenter's data; returns how many comments were erased. */
  async eraseCommenter(actor: Actor, email: string): Promise<number> {
    enforce(canModerateComments(actor));
    return this.moderation.eraseByEmail(email);
  }
}
