/** Account routes (administrators) and the byline picker's author list (everyone). */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { USER_ROLES } from '../../../domain/user.js';
import type { Services } from '../../../services/index.js';
import { actorOf } from '../../plugins/staff-auth.js';
import { ERRORS, IdParams } from './common-schema.js';
import { presentAuthor, presentUser } from './presenters.js';

const Role = Type.Union(USER_ROLES.map((r) => Type.Literal(r)));
const User = Type.Object({ id: Type.Integer(), email: Type.String(), name: Type.String(), slug: Type.String(), role: Type.String(), bio: Type.String() });
const UserInput = Type.Object({
  email: Type.String({ maxLength: 254 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  role: Role,
  password: Type.Optional(Type.String({ maxLength: 1000 })),
  bio: Type.Optional(Type.String({ maxLength: 5000 })),
});

const listSchema = { tags: ['users'], summary: 'Every account (administrators)', response: { 200: Type.Array(User), ...ERRORS } };
const createSchema = { tags: ['users'], summary: 'Create an account (administrators)', body: UserInput, response: { 201: User, ...ERRORS } };
const updateSchema = { tags: ['users'], summary: 'Change an account (administrators; anyone their own name, bio, email)', params: IdParams, body: Type.Partial(UserInput), response: { 200: User, ...ERRORS } };
const authorsSchema = { tags: ['users'], summary: 'People who can sign articles', response: { 200: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), slug: Type.String() })), ...ERRORS } };

/** Registers the user routes. */
export function registerUserRoutes(app: FastifyInstance, services: Services): void {
  app.get('/users', { schema: listSchema }, async (request) => (await services.users.list(actorOf(request))).map(presentUser));

  app.post<{ Body: Static<typeof UserInput> }>('/users', { schema: createSchema }, async (request, reply) => {
    const id = await services.users.createAs(actorOf(request), { ...request.body, password: request.body.password ?? null });
    return reply.code(201).send(presentUser(await services.users.find(id)));
  });

  app.patch<{ Params: Static<typeof IdParams>; Body: Partial<Static<typeof UserInput>> }>('/users/:id', { schema: updateSchema }, async (request) => {
    await services.users.updateAs(actorOf(request), request.params.id, request.body);
    return presentUser(await services.users.find(request.params.id));
  });

  app.get('/authors', { schema: authorsSchema }, async () => (await services.users.authors()).map(presentAuthor));
}
