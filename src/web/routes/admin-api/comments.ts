/** Comment moderation hooks (editors). */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { COMMENT_STATUSES } from '../../../domain/comment.js';
import type { Services } from '../../../services/index.js';
import { actorOf } from '../../plugins/staff-auth.js';
import { ERRORS, IdParams, Instant, Nullable } from './common-schema.js';
import { presentComment } from './presenters.js';

const COMMENTS_PAGE_SIZE = 50;
const Status = Type.Union(COMMENT_STATUSES.map((s) => Type.Literal(s)));
const Comment = Type.Object({
  id: Type.Integer(),
  articleId: Type.Integer(),
  articleTitle: Type.String(),
  authorName: Type.String(),
  authorEmail: Type.String(),
  body: Type.String(),
  status: Type.String(),
  createdAt: Instant,
  parentId: Nullable(Type.Integer()),
});
const listSchema = {
  tags: ['comments'],
  summary: 'Comments to moderate, newest first (editors)',
  querystring: Type.Object({ status: Type.Optional(Status), page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })) }),
  response: { 200: Type.Object({ items: Type.Array(Comment), page: Type.Integer(), hasNext: Type.Boolean() }), ...ERRORS },
};
const moderateSchema = { tags: ['comments'], summary: 'Change a comment’s status (editors)', params: IdParams, body: Type.Object({ status: Status }), response: { 200: Comment, ...ERRORS } };

/** Registers the moderation routes. */
export function registerCommentRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Querystring: Static<typeof listSchema.querystring> }>('/comments', { schema: listSchema }, async (request) => {
    const page = request.query.page ?? 1;
    const rows = await services.comments.listForModeration(actorOf(request), request.query.status, COMMENTS_PAGE_SIZE + 1, (page - 1) * COMMENTS_PAGE_SIZE);
    return { items: rows.slice(0, COMMENTS_PAGE_SIZE).map(presentComment), page, hasNext: rows.length > COMMENTS_PAGE_SIZE };
  });

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof moderateSchema.body> }>('/comments/:id', { schema: moderateSchema }, async (request) =>
    presentComment(await services.comments.moderate(actorOf(request), request.params.id, request.body.status)),
  );
}
