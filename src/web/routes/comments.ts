/**
 * Reader comments over HTTP: the article page with its comment form (token, the reader's
 * own comments waiting for moderation, remembered details) and the form's POST. Without
 * JavaScript the POST answers with a redirect to the comment's anchor, or the article again
 * with the form filled in and a French message; with JavaScript (Accept: application/json)
 * it answers JSON and the page updates in place.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { DepecheError, errorMessage } from '../../errors.js';
import type { Services } from '../../services/index.js';
import type { ArticlePageView, CommentFormView, CommentView } from '../../services/view-models.js';
import { versionedUrl } from '../assets.js';
import { PERSONAL_CACHE, PUBLIC_CACHE, tagResponse } from '../cache/http-caching.js';
import type { PageResponder } from '../server.js';
import { ArticlePage } from '../views/article-page.js';
import { SingleComment } from '../views/comments.js';
import { renderPage } from '../views/render.js';

/** The random id that lets a reader see their own comments waiting for moderation. */
export const COMMENTER_COOKIE = 'depeche_commentateur';
/** Name, email and website the reader asked us to remember. */
export const REMEMBER_COOKIE = 'depeche_auteur';

const COOKIE_DAYS = 365;

type FormValues = CommentFormView['values'];

/** What a re-rendered article page carries after a refused submission. */
interface RenderState {
  status: number;
  error: string;
  values: FormValues;
  replyTo: number | null;
}

/** Renders article pages (used by the public GET route and after a refused POST). */
export interface ArticlePages {
  /**
   * Sends the article page and says whether it did (false: no such article). A boolean, not the
   * reply: a Fastify reply is a thenable, and awaiting it would lose what was sent.
   */
  render(request: FastifyRequest, reply: FastifyReply, category: string, slug: string, state?: RenderState): Promise<boolean>;
}

function positiveInt(value: unknown): number | null {
  return typeof value === 'string' && /^[1-9]\d{0,11}$/.test(value) ? Number(value) : null;
}

function findComment(comments: readonly CommentView[], id: number): CommentView | undefined {
  for (const comment of comments) {
    if (comment.id === id) return comment;
    const found = findComment(comment.replies, id);
    if (found) return found;
  }
  return undefined;
}

/** Reads the remember-me cookie; anything malformed is ignored. */
function remembered(raw: string | undefined): Omit<FormValues, 'body' | 'remember'> | undefined {
  if (raw === undefined || raw.length > 2000) return undefined;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null) return undefined;
    const { n, e, u } = value as Record<string, unknown>;
    if (typeof n !== 'string' || typeof e !== 'string' || typeof u !== 'string') return undefined;
    return { name: n.slice(0, 100), email: e.slice(0, 254), website: u.slice(0, 500) };
  } catch {
    return undefined;
  }
}

function emptyValues(): FormValues {
  return { name: '', email: '', website: '', body: '', remember: false };
}

/** Builds the article page renderer. */
export function createArticlePages(services: Services, pages: PageResponder): ArticlePages {
  const script = versionedUrl('comments.js');
  return {
    async render(request, reply, category, slug, state) {
      const view = await services.publicSite.articlePage(category, slug, { commenterToken: request.cookies[COMMENTER_COOKIE] ?? null });
      if (!view) return false;
      const query = request.query as Record<string, unknown>;
      const saved = remembered(request.cookies[REMEMBER_COOKIE]);
      const form = await formView(view, state, saved, positiveInt(query.repondre), positiveInt(query.commentaire));
      const personal = view.personal || saved !== undefined || state !== undefined;
      reply.header('cache-control', personal ? PERSONAL_CACHE : PUBLIC_CACHE);
      if (!personal) tagResponse(reply, view.cacheTags);
      // A reader who just commented carries a cookie: a copy cached before (by their browser,
      // or by a cache that keys on Vary) must not hide their comment. Readers without cookies,
      // nearly all of them, still share one cached copy.
      reply.header('vary', 'Cookie');
      pages.sendHtml(reply, renderPage(ArticlePage({ view, form, stylesheet: pages.stylesheet, script })), state?.status ?? 200);
      return true;
    },
  };

  async function formView(view: ArticlePageView, state: RenderState | undefined, saved: ReturnType<typeof remembered>, replyParam: number | null, highlighted: number | null): Promise<CommentFormView> {
    const open = view.article.commentsOpen;
    const replyId = state?.replyTo ?? replyParam;
    const target = replyId === null ? undefined : findComment(view.comments, replyId);
    const shown = highlighted === null ? undefined : findComment(view.comments, highlighted);
    return {
      action: `${view.article.url}/commentaires#laisser-un-commentaire`,
      token: open ? await services.comments.formToken(view.article.id) : '',
      open,
      replyTo: target && !target.held && !target.erased ? { id: target.id, authorName: target.authorName } : null,
      articleUrl: view.article.url,
      values: state?.values ?? (saved ? { ...saved, body: '', remember: true } : emptyValues()),
      error: state?.error ?? null,
      notice: shown === undefined ? null : shown.held ? 'Merci ! Votre commentaire est en attente de modération.' : 'Merci ! Votre commentaire est publié.',
      maxLength: (await services.ctx.commentSettings.current()).maxLength,
    };
  }
}

/** Registers the comment form's POST route. */
export function registerCommentRoutes(app: FastifyInstance, services: Services, pages: PageResponder, articles: ArticlePages): void {
  const secure = services.ctx.site.siteUrl.startsWith('https:');
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: COOKIE_DAYS * 86_400 };

  app.post<{ Params: { category: string; slug: string } }>('/:category/:slug/commentaires', async (request, reply) => {
    const { category, slug } = request.params;
    const fields = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : '');
    const wantsJson = (request.headers.accept ?? '').includes('application/json');
    const parentId = positiveInt(text('parent_id'));
    const values: FormValues = { name: text('name'), email: text('email'), website: text('url'), body: text('body'), remember: text('remember') === '1' };

    const target = await services.publicSite.commentTarget(category, slug);
    if (!target) return pages.sendError(request, reply, 404, errorMessage('DEPECHE_NOT_FOUND', 'fr'));

    try {
      const posted = await services.comments.postComment({
        articleId: target.id,
        parentId,
        name: values.name,
        email: values.email,
        website: values.website,
        body: values.body,
        honeypot: text('verification'),
        token: text('token'),
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
        commenterToken: request.cookies[COMMENTER_COOKIE] ?? null,
      });
      reply.setCookie(COMMENTER_COOKIE, posted.commenterToken, cookieOptions);
      if (values.remember) {
        const saved = Buffer.from(JSON.stringify({ n: values.name.trim(), e: values.email.trim(), u: values.website.trim() })).toString('base64url');
        reply.setCookie(REMEMBER_COOKIE, saved, cookieOptions);
      } else if (request.cookies[REMEMBER_COOKIE] !== undefined) {
        reply.clearCookie(REMEMBER_COOKIE, { path: '/' });
      }
      const location = `${target.url}?commentaire=${posted.id}#commentaire-${posted.id}`;
      const held = posted.status !== 'approved';
      if (!wantsJson) return reply.header('cache-control', PERSONAL_CACHE).redirect(location, 303);
      const comment = await services.publicSite.commentForAuthor(posted.id, posted.commenterToken);
      return reply
        .code(201)
        .header('cache-control', PERSONAL_CACHE)
        .send({
          id: posted.id,
          status: held ? 'pending' : 'approved',
          message: held ? 'Merci ! Votre commentaire est en attente de modération.' : 'Merci ! Votre commentaire est publié.',
          location,
          parentId,
          html: comment ? renderToString(SingleComment({ comment, timeZone: services.ctx.site.timeZone, articleUrl: target.url })) : '',
          token: await services.comments.formToken(target.id),
        });
    } catch (error) {
      if (!(error instanceof DepecheError) || error.reportable) throw error;
      if (error.code === 'DEPECHE_NOT_FOUND') return pages.sendError(request, reply, 404, error.messageIn('fr'));
      if (error.code === 'DEPECHE_RATE_LIMITED') reply.header('retry-after', '300');
      if (wantsJson) {
        return reply
          .code(error.status)
          .header('cache-control', PERSONAL_CACHE)
          .send({ error: { code: error.code, message: error.messageIn('fr') }, token: await services.comments.formToken(target.id) });
      }
      const sent = await articles.render(request, reply, category, slug, { status: error.status, error: error.messageIn('fr'), values, replyTo: parentId });
      return sent ? reply : pages.sendError(request, reply, 404, errorMessage('DEPECHE_NOT_FOUND', 'fr'));
    }
  });
}
