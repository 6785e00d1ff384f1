/**
 * Use cases on reader comments: posting from the public form (every defence in order) and
 * recording comments of known status (importers, the demo).
 */
import { createHash, randomBytes } from 'node:crypto';
import { commentsTag } from '../domain/cache-tags.js';
import { arrivalStatus, commentsAreOpen, isCommentStatus, type CommentStatus } from '../domain/comment.js';
import { judgeComment } from '../domain/comment-spam.js';
import { normaliseCommentText, normaliseLine, normaliseWebsite } from '../domain/comment-text.js';
import { canModerateComments, type Actor } from '../domain/policies.js';
import { isEmail } from '../domain/user.js';
import { DepecheError } from '../errors.js';
import type { CommentRow } from '../storage/schema.js';
import type { ServiceContext } from './context.js';
import { enforce } from './enforce.js';
import { checkFormToken, issueFormToken } from './comment-token.js';
import { keyedHash } from './secret-key.js';

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
  /** The staff member who wrote it, if any. */
  userId?: number | null;
}

/** What a reader sends from the article page. */
export interface CommentSubmission {
  articleId: number;
  parentId?: number | null;
  name: string;
  email: string;
  website: string;
  body: string;
  /** The hidden field only bots fill. */
  honeypot: string;
  /** The signed form token (render time and article). */
  token: string;
  /** The poster's address: hashed with the server key before it is stored or counted. */
  ip: string;
  userAgent?: string;
  /** The reader's commenter cookie, if they have one. */
  commenterToken?: string | null;
}

/** A stored submission. */
export interface PostedComment {
  id: number;
  status: CommentStatus;
  /** The commenter cookie to keep (new when the reader had none). */
  commenterToken: string;
}

/** Limits on comment fields (the text's own limit is a setting). */
export const COMMENT_LIMITS = { name: 100, email: 254, url: 500, body: 10_000 } as const;

const COMMENTER_TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

/** The hash under which a commenter cookie is stored (the cookie itself never is). */
export function commenterTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The hash used to spot the same text posted twice (case and spacing do not matter). */
export function bodyHashOf(body: string): string {
  return createHash('sha256').update(body.toLowerCase().replace(/\s+/g, ' ')).digest('hex');
}

/** Posts and records comments. */
export class CommentService {
  constructor(private readonly ctx: ServiceContext) {}

  /** A fresh form token for an article's comment form. */
  async formToken(articleId: number): Promise<string> {
    return issueFormToken(await this.ctx.secrets.key('comment-form'), articleId, this.ctx.clock.now());
  }

  /** The keyed hash of an IP address, as stored. */
  async ipHash(ip: string): Promise<string> {
    return keyedHash(await this.ctx.secrets.key('ip-hash'), ip.replace(/^::ffff:/, ''));
  }

  /**
   * Posts a reader's comment. Order matters: cheap refusals first (rate limit, token, time
   * trap), then the content rules; a spam verdict stores the comment in the spam queue.
   */
  async postComment(input: CommentSubmission): Promise<PostedComment> {
    const ctx = this.ctx;
    const now = ctx.clock.now();
    const settings = await ctx.commentSettings.current();
    const ipHash = await this.ipHash(input.ip);

    const perIp = await ctx.rateLimiter.hit(`comment:ip:${ipHash}`, settings.perIpLimit.max, settings.perIpLimit.windowSeconds * 1000);
    if (!perIp.allowed) throw new DepecheError('DEPECHE_RATE_LIMITED');

    const article = await ctx.repos.articles.findById(input.articleId);
    if (!article || article.status !== 'published' || article.published_at === null || article.published_at > now) throw new DepecheError('DEPECHE_NOT_FOUND');
    if (!commentsAreOpen({ commentsOpen: article.comments_open === 1, publishedAt: article.published_at }, settings.closeAfterDays, now)) throw new DepecheError('DEPECHE_COMMENTS_CLOSED');

    const tokenProblem = checkFormToken(await ctx.secrets.key('comment-form'), input.token, article.id, now, {
      minAgeMs: settings.minSecondsBeforePost * 1000,
      maxAgeMs: settings.formValidHours * 3_600_000,
    });
    if (tokenProblem !== undefined) throw new DepecheError(tokenProblem);

    const name = normaliseLine(input.name);
    const email = input.email.trim().toLowerCase();
    const website = normaliseWebsite(input.website);
    const body = normaliseCommentText(input.body);
    if (body === '') throw new DepecheError('DEPECHE_COMMENT_INVALID', { detail: 'le commentaire est vide.' });
    if (body.length > settings.maxLength) throw new DepecheError('DEPECHE_COMMENT_TOO_LONG', { max: settings.maxLength.toLocaleString('fr-FR') });
    if (name === '' || name.length > COMMENT_LIMITS.name) throw new DepecheError('DEPECHE_COMMENT_INVALID', { detail: `indiquez votre nom (${COMMENT_LIMITS.name} caractères au plus).` });
    if (!isEmail(email)) throw new DepecheError('DEPECHE_COMMENT_INVALID', { detail: 'l’adresse e-mail n’est pas valide.' });
    if (website === undefined || website.length > COMMENT_LIMITS.url) throw new DepecheError('DEPECHE_COMMENT_INVALID', { detail: 'l’adresse du site web n’est pas valide (par exemple https://www.exemple.fr).' });

    const parentId = input.parentId ?? null;
    if (parentId !== null) {
      const parent = await ctx.repos.comments.findById(parentId);
      if (!parent || parent.article_id !== article.id || parent.status !== 'approved') throw new DepecheError('DEPECHE_COMMENT_INVALID', { detail: 'le commentaire auquel vous répondez n’est pas disponible.' });
    }

    const verdict = judgeComment({ name, email, website, body, ip: input.ip, honeypot: input.honeypot }, settings);
    if (verdict.kind === 'reject') throw new DepecheError(verdict.code);

    const bodyHash = bodyHashOf(body);
    if (await ctx.repos.comments.duplicateExists(article.id, bodyHash, email, ipHash)) throw new DepecheError('DEPECHE_COMMENT_DUPLICATE');

    const perArticle = await ctx.rateLimiter.hit(`comment:article:${article.id}`, settings.perArticleLimit.max, settings.perArticleLimit.windowSeconds * 1000);
    if (!perArticle.allowed) throw new DepecheError('DEPECHE_RATE_LIMITED');

    const status = arrivalStatus(verdict.kind === 'spam', await ctx.repos.comments.hasApprovedFrom(email));
    const commenterToken = input.commenterToken && COMMENTER_TOKEN.test(input.commenterToken) ? input.commenterToken : randomBytes(32).toString('base64url');
    const id = await ctx.repos.comments.insertOnce({
      article_id: article.id,
      parent_id: parentId,
      status,
      author_name: name,
      author_email: email,
      author_url: website,
      body,
      ip_hash: ipHash,
      user_agent: (input.userAgent ?? '').slice(0, 500) || null,
      created_at: now,
      updated_at: now,
      author_token_hash: commenterTokenHash(commenterToken),
      body_hash: bodyHash,
      // Two identical posts racing past the check above meet here: one row, one winner.
      dedupe_key: createHash('sha256').update(`${article.id}\n${email}\n${bodyHash}`).digest('hex'),
    });
    if (id === undefined) throw new DepecheError('DEPECHE_COMMENT_DUPLICATE');
    // A comment published at once (a known commenter) changes the article's public page.
    if (status === 'approved') await ctx.invalidator.stale(ctx.repos, [commentsTag(article.id)]);
    // Told after the answer is decided, without waiting: a slow mail server must not slow posting.
    if (status === 'pending' && ctx.notifier) void ctx.notifier.commentHeld(id).catch(() => undefined);
    return { id, status, commenterToken };
  }

  /** Records a comment with a known status and returns its id. */
  async recordComment(input: RecordedComment): Promise<number> {
    const name = normaliseLine(input.authorName);
    const body = normaliseCommentText(input.body);
    const email = input.authorEmail.trim().toLowerCase();
    if (!isCommentStatus(input.status)) throw new DepecheError('DEPECHE_VALIDATION', { detail: `unknown comment status "${String(input.status)}"` });
    if (name === '' || name.length > COMMENT_LIMITS.name) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'the commenter name must have 1 to 100 characters' });
    if (!isEmail(email)) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'the commenter email is not valid' });
    if (body === '' || body.length > COMMENT_LIMITS.body) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'the comment must have 1 to 10,000 characters' });
    const url = normaliseWebsite(input.authorUrl ?? '');
    if (url === undefined || url.length > COMMENT_LIMITS.url) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'the commenter website must be an http(s) address' });
    const id = await this.ctx.repos.comments.insert({
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
      user_id: input.userId ?? null,
      body_hash: bodyHashOf(body),
    });
    if (input.status === 'approved') await this.ctx.invalidator.stale(this.ctx.repos, [commentsTag(input.articleId)]);
    return id;
  }

  /** Replaces a recorded comment's texts, status and date (importers bringing a source's edits). */
  async updateRecordedComment(id: number, input: RecordedComment): Promise<void> {
    const name = normaliseLine(input.authorName);
    const body = normaliseCommentText(input.body);
    const email = input.authorEmail.trim().toLowerCase();
    const url = normaliseWebsite(input.authorUrl ?? '');
    if (!isCommentStatus(input.status) || name === '' || name.length > COMMENT_LIMITS.name || !isEmail(email) || body === '' || body.length > COMMENT_LIMITS.body || url === undefined) {
      throw new DepecheError('DEPECHE_VALIDATION', { detail: 'the comment is not valid' });
    }
    await this.ctx.repos.comments.update(id, { parent_id: input.parentId ?? null, status: input.status, author_name: name, author_email: email, author_url: url, body, body_hash: bodyHashOf(body), created_at: input.createdAt, updated_at: input.createdAt });
  }

  /** Threads a comment under another (importers resolving a parent that came later in the source). */
  async setParent(id: number, parentId: number | null): Promise<void> {
    await this.ctx.repos.comments.update(id, { parent_id: parentId });
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
    // The admin screen sets a status directly; spam and trash remember where the comment
    // was, so "restore" (CLI, bulk moderation) brings it back there.
    const current = isCommentStatus(comment.status) ? comment.status : 'pending';
    const previous = status === 'spam' || status === 'trash' ? (current === 'spam' || current === 'trash' ? comment.previous_status : current) : null;
    await this.ctx.repos.comments.update(id, { status, previous_status: previous, updated_at: this.ctx.clock.now() });
    if (current === 'approved' || status === 'approved') await this.ctx.invalidator.stale(this.ctx.repos, [commentsTag(comment.article_id)]);
    const article = await this.ctx.repos.articles.findById(comment.article_id);
    return { ...comment, status, previous_status: previous, article_title: article?.title ?? '' };
  }
}
