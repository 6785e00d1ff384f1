/** Comment moderation (editors and administrators) and the pending count (every role). */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { COMMENT_STATUSES, MODERATION_ACTIONS } from '../../../domain/comment.js';
import type { Services } from '../../../services/index.js';
import { actorOf } from '../../plugins/staff-auth.js';
import { ERRORS, IdParams, Instant, Nullable } from './common-schema.js';
import { presentComment } from './presenters.js';

const COMMENTS_PAGE_SIZE = 50;
const Status = Type.Union(COMMENT_STATUSES.map((s) => Type.Literal(s)));
const Action = Type.Union(MODERATION_ACTIONS.map((a) => Type.Literal(a)));
const Comment = Type.Object({
  id: Type.Integer(),
  articleId: Type.Integer(),
  articleTitle: Type.String(),
  authorName: Type.String(),
  authorEmail: Type.String(),
  authorUrl: Type.String(),
  body: Type.String(),
  status: Type.String(),
  byStaff: Type.Boolean({ description: 'written by a staff member (a reply from the newsroom)' }),
  createdAt: Instant,
  parentId: Nullable(Type.Integer()),
});
const listSchema = {
  tags: ['comments'],
  summary: 'Comments to moderate, newest first (editors)',
  querystring: Type.Object({ status: Type.Optional(Status), page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })) }),
  response: { 200: Type.Object({ items: Type.Array(Comment), page: Type.Integer(), hasNext: Type.Boolean() }), ...ERRORS },
};
const changeSchema = {
  tags: ['comments'],
  summary: 'Change a comment’s status and/or edit its text or author details (editors)',
  params: IdParams,
  body: Type.Object(
    {
      status: Type.Optional(Status),
      body: Type.Optional(Type.String({ maxLength: 20_000 })),
      authorName: Type.Optional(Type.String({ maxLength: 500 })),
      authorUrl: Type.Optional(Type.String({ maxLength: 2_000 })),
    },
    { additionalProperties: false, minProperties: 1 },
  ),
  response: { 200: Comment, ...ERRORS },
};
const bulkSchema = {
  tags: ['comments'],
  summary: 'Apply a moderation action to several comments; each succeeds or fails on its own (editors)',
  body: Type.Object({ ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 500 }), action: Action }, { additionalProperties: false }),
  response: {
    200: Type.Object({
      done: Type.Array(Type.Object({ id: Type.Integer(), status: Status })),
      failed: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), message: Type.String() })),
    }),
    ...ERRORS,
  },
};
const replySchema = {
  tags: ['comments'],
  summary: 'Reply as the logged-in staff member, published at once (editors)',
  params: IdParams,
  body: Type.Object({ text: Type.String({ maxLength: 20_000 }) }, { additionalProperties: false }),
  response: { 201: Comment, ...ERRORS },
};
const pendingSchema = {
  tags: ['comments'],
  summary: 'Pending comments: the total (moderators; null for other roles) and on the caller’s own articles',
  response: { 200: Type.Object({ total: Nullable(Type.Integer()), mine: Type.Integer() }), ...ERRORS },
};

/** Registers the moderation routes. */
export function registerCommentRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Querystring: Static<typeof listSchema.querystring> }>('/comments', { schema: listSchema }, async (request) => {
    const page = request.query.page ?? 1;
    const rows = await services.comments.listForModeration(actorOf(request), request.query.status, COMMENTS_PAGE_SIZE + 1, (page - 1) * COMMENTS_PAGE_SIZE);
    return { items: rows.slice(0, COMMENTS_PAGE_SIZE).map(presentComment), page, hasNext: rows.length > COMMENTS_PAGE_SIZE };
  });

  app.get('/comments/pending-count', { schema: pendingSchema }, async (request) => services.staffComments.pendingCount(actorOf(request)));

  app.post<{ Body: Static<typeof bulkSchema.body> }>('/comments/bulk', { schema: bulkSchema }, async (request) =>
    services.staffComments.bulk(actorOf(request), request.body.ids, request.body.action),
  );

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof changeSchema.body> }>('/comments/:id', { schema: changeSchema }, async (request) =>
    presentComment(await services.staffComments.change(actorOf(request), request.params.id, request.body)),
  );

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof replySchema.body> }>('/comments/:id/reply', { schema: replySchema }, async (request, reply) => {
    const comment = await services.staffComments.reply(actorOf(request), request.params.id, request.body.text);
    return reply.code(201).send(presentComment(comment));
  });
}
