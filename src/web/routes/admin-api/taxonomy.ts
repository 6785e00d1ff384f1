/** Category and tag routes. */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { Services } from '../../../services/index.js';
import { actorOf } from '../../plugins/staff-auth.js';
import { ERRORS, IdParams, NoContent, Nullable } from './common-schema.js';
import { presentCategory, presentTag } from './presenters.js';

const Category = Type.Object({ id: Type.Integer(), name: Type.String(), slug: Type.String(), parentId: Nullable(Type.Integer()), description: Type.String(), position: Type.Integer() });
const CategoryInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  slug: Type.Optional(Type.String({ maxLength: 80 })),
  parentId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
});
const Tag = Type.Object({ id: Type.Integer(), name: Type.String(), slug: Type.String() });

const listCategoriesSchema = { tags: ['categories'], summary: 'Every category, in menu order', response: { 200: Type.Array(Category), ...ERRORS } };
const createCategorySchema = { tags: ['categories'], summary: 'Create a category (editors)', body: CategoryInput, response: { 201: Category, ...ERRORS } };
const updateCategorySchema = { tags: ['categories'], summary: 'Change a category (editors)', params: IdParams, body: Type.Partial(CategoryInput), response: { 200: Category, ...ERRORS } };
const deleteCategorySchema = { tags: ['categories'], summary: 'Delete an unused category (editors)', params: IdParams, response: { 204: NoContent, ...ERRORS } };
const listTagsSchema = {
  tags: ['tags'],
  summary: 'Tags for autocompletion (prefix, accent-insensitive)',
  querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }),
  response: { 200: Type.Array(Tag), ...ERRORS },
};
const updateTagSchema = {
  tags: ['tags'],
  summary: 'Rename a tag (editors); a new slug redirects the old tag page',
  params: IdParams,
  body: Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), slug: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })) }),
  response: { 200: Tag, ...ERRORS },
};
const createTagSchema = { tags: ['tags'], summary: 'Create a tag (or get the existing one)', body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }), response: { 200: Tag, 201: Tag, ...ERRORS } };

/** Registers the taxonomy routes. */
export function registerTaxonomyRoutes(app: FastifyInstance, services: Services): void {
  const categoryById = async (id: number) => {
    const row = (await services.ctx.repos.taxonomy.allCategories()).find((c) => c.id === id);
    return row ? presentCategory(row) : undefined;
  };

  app.get('/categories', { schema: listCategoriesSchema }, async () => (await services.ctx.repos.taxonomy.allCategories()).map(presentCategory));

  app.post<{ Body: Static<typeof CategoryInput> }>('/categories', { schema: createCategorySchema }, async (request, reply) => {
    const id = await services.taxonomy.createCategoryAs(actorOf(request), request.body);
    return reply.code(201).send(await categoryById(id));
  });

  app.patch<{ Params: Static<typeof IdParams>; Body: Partial<Static<typeof CategoryInput>> }>('/categories/:id', { schema: updateCategorySchema }, async (request) => {
    await services.taxonomy.updateCategory(actorOf(request), request.params.id, request.body);
    return categoryById(request.params.id);
  });

  app.delete<{ Params: Static<typeof IdParams> }>('/categories/:id', { schema: deleteCategorySchema }, async (request, reply) => {
    await services.taxonomy.deleteCategory(actorOf(request), request.params.id);
    return reply.code(204).send();
  });

  app.get<{ Querystring: Static<typeof listTagsSchema.querystring> }>('/tags', { schema: listTagsSchema }, async (request) => (await services.taxonomy.searchTags(request.query.q)).map(presentTag));

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof updateTagSchema.body> }>('/tags/:id', { schema: updateTagSchema }, async (request) =>
    presentTag(await services.taxonomy.updateTag(actorOf(request), request.params.id, request.body)),
  );

  app.post<{ Body: Static<typeof createTagSchema.body> }>('/tags', { schema: createTagSchema }, async (request, reply) => {
    const { tag, created } = await services.taxonomy.createTag(actorOf(request), request.body.name);
    return reply.code(created ? 201 : 200).send(presentTag(tag));
  });
}
