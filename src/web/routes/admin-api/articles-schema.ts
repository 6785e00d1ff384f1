/** Schemas of the article routes. */
import { Type } from 'typebox';
import { ARTICLE_STATUSES } from '../../../domain/article.js';
import { TRANSITION_TARGETS } from '../../../domain/workflow.js';
import { AuthorRef, ERRORS, IdParams, Instant, NoContent, Nullable } from './common-schema.js';
import { Media } from './media-schema.js';

const Status = Type.Union(ARTICLE_STATUSES.map((s) => Type.Literal(s)));
const OptionalText = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));

/** Everything staff set on an article. */
export const ArticleInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300 }),
  slug: Type.Optional(Type.String({ maxLength: 80 })),
  dek: Type.Optional(Type.String({ maxLength: 1000 })),
  body: Type.Unknown({ description: 'the document JSON (TipTap/ProseMirror), validated by the server' }),
  categoryId: Type.Integer({ minimum: 1 }),
  authorIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20, description: 'default: the caller' })),
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })),
  featuredMediaId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  featuredCaption: OptionalText(1000),
  featuredAlt: OptionalText(1000),
  featuredCredit: OptionalText(300),
  seoTitle: OptionalText(300),
  seoDescription: OptionalText(1000),
  commentsOpen: Type.Optional(Type.Boolean()),
});

/** A partial ArticleInput. */
export const ArticlePatch = Type.Partial(ArticleInput);

const Note = Type.Object({ id: Type.Integer(), kind: Type.String(), text: Type.String(), createdAt: Instant });

/** An article for its editor. */
export const Article = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  slug: Type.String(),
  dek: Type.String(),
  body: Type.Unknown(),
  categoryId: Type.Integer(),
  authorIds: Type.Array(Type.Integer()),
  authors: Type.Array(AuthorRef),
  tags: Type.Array(Type.String()),
  featuredMediaId: Nullable(Type.Integer()),
  featuredMedia: Nullable(Media),
  featuredCaption: Nullable(Type.String()),
  featuredAlt: Nullable(Type.String()),
  featuredCredit: Nullable(Type.String()),
  seoTitle: Nullable(Type.String()),
  seoDescription: Nullable(Type.String()),
  commentsOpen: Type.Boolean(),
  status: Type.String(),
  publishedAt: Nullable(Instant),
  scheduledAt: Nullable(Instant),
  createdAt: Instant,
  updatedAt: Instant,
  url: Type.String(),
  notes: Type.Array(Note),
});

const ArticleSummary = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  slug: Type.String(),
  status: Type.String(),
  categoryId: Type.Integer(),
  authors: Type.Array(AuthorRef),
  publishedAt: Nullable(Instant),
  scheduledAt: Nullable(Instant),
  updatedAt: Instant,
  url: Type.String(),
});

export const listArticlesSchema = {
  tags: ['articles'],
  summary: 'Articles, most recently changed first (contributors and authors: their own)',
  querystring: Type.Object({
    status: Type.Optional(Status),
    authorId: Type.Optional(Type.Integer({ minimum: 1 })),
    categoryId: Type.Optional(Type.Integer({ minimum: 1 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  }),
  response: { 200: Type.Object({ items: Type.Array(ArticleSummary), page: Type.Integer(), hasNext: Type.Boolean() }), ...ERRORS },
};

export const createArticleSchema = { tags: ['articles'], summary: 'Create a draft', body: ArticleInput, response: { 201: Article, ...ERRORS } };
export const getArticleSchema = { tags: ['articles'], summary: 'One article', params: IdParams, response: { 200: Article, ...ERRORS } };
export const updateArticleSchema = { tags: ['articles'], summary: 'Change an article (keeps a revision)', params: IdParams, body: ArticlePatch, response: { 200: Article, ...ERRORS } };

export const transitionSchema = {
  tags: ['articles'],
  summary: 'Move an article through the workflow',
  params: IdParams,
  body: Type.Object({ to: Type.Union(TRANSITION_TARGETS.map((t) => Type.Literal(t))), at: Type.Optional(Instant) }),
  response: { 200: Article, ...ERRORS },
};

export const trashArticleSchema = { tags: ['articles'], summary: 'Move to the trash (the URL redirects to the category)', params: IdParams, response: { 204: NoContent, ...ERRORS } };
export const restoreArticleSchema = { tags: ['articles'], summary: 'Take out of the trash (as a draft)', params: IdParams, response: { 200: Article, ...ERRORS } };

export const addNoteSchema = {
  tags: ['articles'],
  summary: 'Add a public correction or update note to a published article',
  params: IdParams,
  body: Type.Object({ kind: Type.Union([Type.Literal('correction'), Type.Literal('update')]), text: Type.String({ minLength: 1, maxLength: 2000 }) }),
  response: { 200: Article, ...ERRORS },
};

export const previewSchema = { tags: ['articles'], summary: 'The public page as it would render (HTML, noindex)', params: IdParams, produces: ['text/html'] };
