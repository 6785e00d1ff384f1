/** "Vous aimerez aussi" curation: editors pin or exclude related articles. */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { Services } from '../../../services/index.js';
import { actorOf } from '../../plugins/staff-auth.js';
import { ERRORS, IdParams } from './common-schema.js';

const PairParams = Type.Object({ id: Type.Integer({ minimum: 1 }), relatedId: Type.Integer({ minimum: 1 }) });
const Override = Type.Object({ relatedId: Type.Integer(), kind: Type.Union([Type.Literal('pin'), Type.Literal('exclude')]), position: Type.Integer() });

const listSchema = {
  tags: ['related'],
  summary: 'Pins and exclusions of an article’s "Vous aimerez aussi" (editors)',
  params: IdParams,
  response: { 200: Type.Object({ items: Type.Array(Override) }), ...ERRORS },
};
const setSchema = {
  tags: ['related'],
  summary: 'Pin a related article at a position, or exclude it (editors)',
  params: PairParams,
  body: Type.Object(
    { kind: Type.Union([Type.Literal('pin'), Type.Literal('exclude')]), position: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })) },
    { additionalProperties: false },
  ),
  response: { 204: Type.Null(), ...ERRORS },
};
const clearSchema = {
  tags: ['related'],
  summary: 'Forget the pin or exclusion of a related article (editors)',
  params: PairParams,
  response: { 204: Type.Null(), ...ERRORS },
};

/** Registers the related-articles curation routes. */
export function registerRelatedRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Params: Static<typeof IdParams> }>('/articles/:id/related', { schema: listSchema }, async (request) => ({
    items: await services.relatedCuration.overrides(actorOf(request), request.params.id),
  }));

  app.put<{ Params: Static<typeof PairParams>; Body: Static<typeof setSchema.body> }>('/articles/:id/related/:relatedId', { schema: setSchema }, async (request, reply) => {
    await services.relatedCuration.set(actorOf(request), request.params.id, request.params.relatedId, request.body);
    return reply.code(204).send();
  });

  app.delete<{ Params: Static<typeof PairParams> }>('/articles/:id/related/:relatedId', { schema: clearSchema }, async (request, reply) => {
    await services.relatedCuration.clear(actorOf(request), request.params.id, request.params.relatedId);
    return reply.code(204).send();
  });
}
