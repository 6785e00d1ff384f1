/** A commenter's GDPR rights from the admin: export and erasure by email (editors and administrators). */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { Services } from '../../../services/index.js';
import { actorOf } from '../../plugins/staff-auth.js';
import { ERRORS, Nullable } from './common-schema.js';

const Email = Type.String({ minLength: 1, maxLength: 320 });
const CommenterExport = Type.Object({
  email: Type.String(),
  exportedAt: Type.String(),
  comments: Type.Array(
    Type.Object({
      id: Type.Integer(),
      article: Type.Object({ title: Type.String(), url: Type.String() }),
      parentId: Nullable(Type.Integer()),
      status: Type.String(),
      name: Type.String(),
      email: Type.String(),
      website: Type.String(),
      text: Type.String(),
      postedAt: Type.String(),
      updatedAt: Type.String(),
      userAgent: Nullable(Type.String()),
      ipAddressStored: Type.String(),
    }),
  ),
});
const exportSchema = {
  tags: ['comments'],
  summary: 'Everything stored about the comments written with an email address, as a JSON download (editors)',
  querystring: Type.Object({ email: Email }),
  response: { 200: CommenterExport, ...ERRORS },
};
const eraseSchema = {
  tags: ['comments'],
  summary: 'Erase a commenter’s data; comments stay in their threads as “commentaire supprimé” (editors)',
  body: Type.Object({ email: Email }, { additionalProperties: false }),
  response: { 200: Type.Object({ erased: Type.Integer() }), ...ERRORS },
};

/** Registers the commenter data routes. */
export function registerCommenterRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Querystring: Static<typeof exportSchema.querystring> }>('/commenters/export', { schema: exportSchema }, async (request, reply) => {
    const data = await services.staffComments.exportCommenter(actorOf(request), request.query.email);
    // A file to keep or hand over (the Admin API is never cached: personal data stays off proxies).
    return reply.header('content-disposition', 'attachment; filename="commentaires-export.json"').send(data);
  });

  app.post<{ Body: Static<typeof eraseSchema.body> }>('/commenters/erase', { schema: eraseSchema }, async (request) => ({
    erased: await services.staffComments.eraseCommenter(actorOf(request), request.body.email),
  }));
}
