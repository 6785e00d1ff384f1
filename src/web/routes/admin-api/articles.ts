/** Article routes: list, create, read, edit, workflow, trash, notes, preview. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { DepecheError } from '../../../errors.js';
import type { StaffArticleInput } from '../../../services/editorial-service.js';
import type { Services } from '../../../services/index.js';
import { actorOf } from '../../plugins/staff-auth.js';
import { addNoteSchema, createArticleSchema, getArticleSchema, listArticlesSchema, previewSchema, restoreArticleSchema, transitionSchema, trashArticleSchema, updateArticleSchema, type ArticlePatch } from './articles-schema.js';
import { presentArticle, presentArticleSummary } from './presenters.js';

type Patch = Static<typeof ArticlePatch>;

/** API field names → service input (only the fields given). */
function toInput(body: Patch): Partial<StaffArticleInput> {
  const input: Partial<StaffArticleInput> = {};
  if (body.title !== undefined) input.title = body.title;
  if (body.slug !== undefined) input.slug = body.slug;
  if (body.dek !== undefined) input.dek = body.dek;
  if ('body' in body) input.body = body.body;
  if (body.categoryId !== undefined) input.categoryId = body.categoryId;
  if (body.authorIds !== undefined) input.authorIds = body.authorIds;
  if (body.tags !== undefined) input.tagNames = body.tags;
  if (body.featuredMediaId !== undefined) input.featuredMediaId = body.featuredMediaId;
  if (body.featuredCaption !== undefined) input.featuredCaption = body.featuredCaption;
  if (body.featuredAlt !== undefined) input.featuredAlt = body.featuredAlt;
  if (body.featuredCredit !== undefined) input.featuredCredit = body.featuredCredit;
  if (body.seoTitle !== undefined) input.seoTitle = body.seoTitle;
  if (body.seoDescription !== undefined) input.seoDescription = body.seoDescription;
  if (body.commentsOpen !== undefined) input.commentsOpen = body.commentsOpen;
  return input;
}

/** Registers the article routes. */
export function registerArticleRoutes(app: FastifyInstance, services: Services, renderPreview: (id: number) => Promise<string | undefined>): void {
  const detail = async (request: FastifyRequest, id: number) => presentArticle(await services.newsroom.detail(actorOf(request), id), services.ctx.site.mediaBaseUrl);

  app.get<{ Querystring: Static<typeof listArticlesSchema.querystring> }>('/articles', { schema: listArticlesSchema }, async (request) => {
    const { page = 1, ...filter } = request.query;
    const result = await services.newsroom.list(actorOf(request), filter, page);
    return { items: result.items.map(presentArticleSummary), page, hasNext: result.hasNext };
  });

  app.post<{ Body: Static<typeof createArticleSchema.body> }>('/articles', { schema: createArticleSchema }, async (request, reply) => {
    const input = toInput(request.body);
    const id = await services.editorial.create(actorOf(request), { ...input, title: request.body.title, body: request.body.body, categoryId: request.body.categoryId, authorIds: request.body.authorIds ?? [] });
    return reply.code(201).send(await detail(request, id));
  });

  app.get<{ Params: Static<typeof getArticleSchema.params> }>('/articles/:id', { schema: getArticleSchema }, async (request) => detail(request, request.params.id));

  app.patch<{ Params: Static<typeof updateArticleSchema.params>; Body: Static<typeof updateArticleSchema.body> }>('/articles/:id', { schema: updateArticleSchema }, async (request) => {
    await services.editorial.update(actorOf(request), request.params.id, toInput(request.body));
    return detail(request, request.params.id);
  });

  app.post<{ Params: Static<typeof transitionSchema.params>; Body: Static<typeof transitionSchema.body> }>('/articles/:id/transition', { schema: transitionSchema }, async (request) => {
    const at = request.body.at === undefined ? undefined : Date.parse(request.body.at);
    await services.workflow.transition(actorOf(request), request.params.id, request.body.to, at);
    return detail(request, request.params.id);
  });

  app.delete<{ Params: Static<typeof trashArticleSchema.params> }>('/articles/:id', { schema: trashArticleSchema }, async (request, reply) => {
    await services.workflow.trash(actorOf(request), request.params.id);
    return reply.code(204).send();
  });

  app.post<{ Params: Static<typeof restoreArticleSchema.params> }>('/articles/:id/restore', { schema: restoreArticleSchema }, async (request) => {
    await services.workflow.restore(actorOf(request), request.params.id);
    return detail(request, request.params.id);
  });

  app.post<{ Params: Static<typeof addNoteSchema.params>; Body: Static<typeof addNoteSchema.body> }>('/articles/:id/notes', { schema: addNoteSchema }, async (request) => {
    await services.editorial.addNote(actorOf(request), request.params.id, request.body.kind, request.body.text);
    return detail(request, request.params.id);
  });

  app.get<{ Params: Static<typeof previewSchema.params> }>('/articles/:id/preview', { schema: previewSchema }, async (request, reply) => {
    // Same permission as reading the article in the newsroom.
    await services.newsroom.detail(actorOf(request), request.params.id);
    const html = await renderPreview(request.params.id);
    if (html === undefined) throw new DepecheError('DEPECHE_NOT_FOUND');
    return reply.type('text/html; charset=utf-8').header('x-robots-tag', 'noindex, nofollow').send(html);
  });
}
