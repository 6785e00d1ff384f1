/** Use cases on reader comments (moderated posting from the public form comes with its own issue). */
import { isCommentStatus, type CommentStatus } from '../domain/comment.js';
import { isEmail } from '../domain/user.js';
import { DepecheError } from '../errors.js';
import type { ServiceContext } from './context.js';

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
}
