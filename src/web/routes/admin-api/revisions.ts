/** Revision routes: list, one, diff, restore. */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { Services } from '../../../services/index.js';
import { actorOf } from '../../plugins/staff-auth.js';
import { Article } from './articles-schema.js';
import { ERRORS, IdParams, Instant, Nullable } from './common-schema.js';
import { presentArticle, presentRevision, presentRevisionSummary } from './presenters.js';

const RevisionParams = Type.Object({ id: Type.Integer({ minimum: 1 }), revisionId: Type.Integer({ minimum: 1 }) });

const listSchema = {
  tags: ['revisions'],
  summary: 'Revisions of an article, newest first',
  params: IdParams,
  response: { 200: Type.Array(Type.Object({ id: Type.Integer(), createdAt: Instant, userName: Nullable(Type.String()), note: Type.String() })), ...ERRORS },
};
const getSchema = {
  tags: ['revisions'],
  summary: 'One revision',
  params: RevisionParams,
  response: { 200: Type.Object({ id: Type.Integer(), title: Type.String(), dek: Type.String(), body: Type.Unknown(), createdAt: Instant }), ...ERRORS },
};
const diffSchema = {
  tags: ['revisions'],
  summary: 'A readable diff between two revisions (title, dek, body text)',
  params: IdParams,
  querystring: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }),
  response: {
    200: Type.Object({
      changes: Type.Array(Type.Object({ field: Type.String(), before: Type.String(), after: Type.String() })),
      bodyDiff: Type.Array(Type.Object({ op: Type.Union([Type.Literal('equal'), Type.Literal('insert'), Type.Literal('delete')]), text: Type.String() })),
    }),
    ...ERRORS,
  },
};
const restoreSchema = { tags: ['revisions'], summary: 'Make a revision the current content', params: RevisionParams, response: { 200: Article, ...ERRORS } };

/** Registers the revision routes. */
export function registerRevisionRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Params: Static<typeof IdParams> }>('/articles/:id/revisions', { schema: listSchema }, async (request) =>
    (await services.revisions.list(actorOf(request), request.params.id)).map(presentRevisionSummary),
  );

  // Registered before /:revisionId so "diff" is not read as an id.
  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof diffSchema.querystring> }>('/articles/:id/revisions/diff', { schema: diffSchema }, async (request) =>
    services.revisions.diff(actorOf(request), request.params.id, request.query.from, request.query.to),
  );

  app.get<{ Params: Static<typeof RevisionParams> }>('/articles/:id/revisions/:revisionId', { schema: getSchema }, async (request) =>
    presentRevision(await services.revisions.get(actorOf(request), request.params.id, request.params.revisionId)),
  );

  app.post<{ Params: Static<typeof RevisionParams> }>('/articles/:id/revisions/:revisionId/restore', { schema: restoreSchema }, async (request) => {
    const actor = actorOf(request);
    await services.revisions.restore(actor, request.params.id, request.params.revisionId);
    return presentArticle(await services.newsroom.detail(actor, request.params.id), services.ctx.site.mediaBaseUrl);
  });
}
