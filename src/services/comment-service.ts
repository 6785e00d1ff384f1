/** Use cases on reader comments (moderated posting from the public form comes with its own issue). */
import { isCommentStatus, type CommentStatus } from '../domain/comment.js';
import { canModerateComments, type Actor } from '../domain/policies.js';
import { isEmail } from '../domain/user.js';
import { DepecheError } from '../errors.js';
import type { CommentRow } from '../storage/schema.js';
import type { ServiceContext } from './context.js';
import { enforce } from './enforce.js';

/** A comment as recorded by staff tools, importers and the demo. */
export interface RecordedComment {
  articleId: number;
  parentId?: number | null;
  status: CommentStatus;
  authorName: string;
  authorEmail: string;
  authorUrl?: string;
  body: string;
  createdAt: number;
}

/** Limits on comment fields. */
export const COMMENT_LIMITS = { name: 100, email: 254, url: 500, body: 10_000 } as const;

/** Records comments. */
export class CommentService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Records a comment with a known status and returns its id. */
  async recordComment(input: RecordedComment): Promise<number> {
    const name = input.authorName.trim();
    const body = input.body.replace(/\r\n?/g, '\n').trim();
    const email = input.authorEmail.trim().toLowerCase();
    if (!isCommentStatus(input.status)) throw new DepecheError('DEPECHE_VALIDATION', { detail: `unknown comment status "${String(input.status)}"` });
    if (name === '' || name.length > COMMENT_LIMITS.name) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'the commenter name must have 1 to 100 characters' });
    if (!isEmail(email)) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'the commenter email is not valid' });
    if (body === '' || body.length > COMMENT_LIMITS.body) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'the comment must have 1 to 10,000 characters' });
    const url = (input.authorUrl ?? '').trim();
    if (url.length > COMMENT_LIMITS.url || (url !== '' && !/^https?:\/\//i.test(url))) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'the commenter website must be an http(s) address' });
    return this.ctx.repos.comments.insert({
      article_id: input.articleId,
      parent_id: input.parentId ?? null,
      status: input.status,
      author_name: name,
      author_email: email,
      author_url: url,
      body,
      ip_hash: null,
      user_agent: null,
      created_at: input.createdAt,
      updated_at: input.createdAt,
    });
  }

  /** A page of comments to moderate (editors), newest first; one more than `limit` tells if there is a next page. */
  async listForModeration(actor: Actor, status: string | undefined, limit: number, offset: number): Promise<Array<CommentRow & { article_title: string }>> {
    enforce(canModerateComments(actor));
    if (status !== undefined && !isCommentStatus(status)) throw new DepecheError('DEPECHE_VALIDATION', { detail: `statut de commentaire inconnu « ${status} »` });
    return this.ctx.repos.comments.listForModeration(status, limit, offset);
  }

  /** Approves, holds, marks as spam or trashes a comment (editors). */
  async moderate(actor: Actor, id: number, status: string): Promise<CommentRow & { article_title: string }> {
    enforce(canModerateComments(actor));
    if (!isCommentStatus(status)) throw new DepecheError('DEPECHE_VALIDATION', { detail: `statut de commentaire inconnu « ${status} »` });
    const comment = await this.ctx.repos.comments.findById(id);
    if (!comment) throw new DepecheError('DEPECHE_NOT_FOUND');
    await this.ctx.repos.comments.setStatus(id, status, this.ctx.clock.now());
    const article = await this.ctx.repos.articles.findById(comment.article_id);
    return { ...comment, status, article_title: article?.title ?? '' };
  }
}
