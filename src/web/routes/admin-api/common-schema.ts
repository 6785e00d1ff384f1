/** Schemas shared by the Admin API routes (TypeBox: JSON Schema with static types). */
import { Type, type TSchema } from 'typebox';

/** A value or null. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** An ISO 8601 instant. */
export const Instant = Type.String({ format: 'date-time', description: 'ISO 8601' });

/** `:id` in a path. */
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** `?page=` of paginated lists. */
export const PageQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })) });

/** The body of every error. */
export const ErrorBody = Type.Object({ error: Type.Object({ code: Type.String({ description: 'stable DEPECHE_… code' }), message: Type.String({ description: 'French message for people' }) }) });

/** Error responses most routes can give. */
export const ERRORS = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
  429: ErrorBody,
} as const;

/** An empty success. */
export const NoContent = Type.Null({ description: 'no content' });

/** Someone in a byline. */
export const AuthorRef = Type.Object({ id: Type.Integer(), name: Type.String() });
