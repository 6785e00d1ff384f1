/** Per-user API keys for scripts. */
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import type { Services } from '../../../services/index.js';
import { actorOf } from '../../plugins/staff-auth.js';
import { presentApiKey } from './presenters.js';
import { createApiKeySchema, listApiKeysSchema, revokeApiKeySchema } from './session-schema.js';

/** Registers the API key routes. */
export function registerApiKeyRoutes(app: FastifyInstance, services: Services): void {
  app.get('/api-keys', { schema: listApiKeysSchema }, async (request) => (await services.auth.listApiKeys(actorOf(request))).map(presentApiKey));

  app.post<{ Body: Static<typeof createApiKeySchema.body> }>('/api-keys', { schema: createApiKeySchema }, async (request, reply) => {
    const key = await services.auth.createApiKey(actorOf(request), request.body.name);
    return reply.code(201).send({ ...presentApiKey(key), secret: key.secret });
  });

  app.delete<{ Params: Static<typeof revokeApiKeySchema.params> }>('/api-keys/:id', { schema: revokeApiKeySchema }, async (request, reply) => {
    await services.auth.revokeApiKey(actorOf(request), request.params.id);
    return reply.code(204).send();
  });
}
