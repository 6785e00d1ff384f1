/**
 * Fastify's own schema compilers (Ajv for request validation, fast-json-stringify for
 * responses), deferred: each route's validator and serializer is compiled on the route's first
 * request instead of at start. Compiling the admin API's schemas up front was a fifth of the
 * time before the server listened, and a public-page request never uses them.
 */
import ajvCompiler from '@fastify/ajv-compiler';
import serializerCompiler from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

/** What Fastify hands a compiler for one part of one route. */
interface RouteSchema {
  schema: unknown;
  method: string;
  url: string;
  httpPart?: string;
}
/** Ajv's validate functions report the failures of the last call on `errors`. */
type Validate = ((data: unknown) => unknown) & { errors?: unknown };
type Serialize = (data: unknown) => string;
type CompilerBuilder<F> = (externalSchemas: unknown, options: unknown) => (route: RouteSchema) => F;

function deferValidate(compile: (route: RouteSchema) => Validate, route: RouteSchema): Validate {
  let compiled: Validate | undefined;
  const validate = ((data: unknown) => (compiled ??= compile(route))(data)) as Validate;
  // Fastify reads the failures from the function it called.
  Object.defineProperty(validate, 'errors', { get: () => compiled?.errors });
  return validate;
}

function deferSerialize(compile: (route: RouteSchema) => Serialize, route: RouteSchema): Serialize {
  let compiled: Serialize | undefined;
  return (data) => (compiled ??= compile(route))(data);
}

/** The `schemaController` option of a Fastify instance whose route schemas compile on first use. */
export function lazySchemaCompilers(): NonNullable<FastifyServerOptions['schemaController']> {
  const buildValidator = (ajvCompiler as unknown as () => CompilerBuilder<Validate>)();
  const buildSerializer = (serializerCompiler as unknown as () => CompilerBuilder<Serialize>)();
  const compilersFactory = {
    buildValidator: (externalSchemas: unknown, options: unknown) => {
      const compile = buildValidator(externalSchemas, options);
      return (route: RouteSchema) => deferValidate(compile, route);
    },
    buildSerializer: (externalSchemas: unknown, options: unknown) => {
      const compile = buildSerializer(externalSchemas, options);
      return (route: RouteSchema) => deferSerialize(compile, route);
    },
  };
  return { compilersFactory } as unknown as NonNullable<FastifyServerOptions['schemaController']>;
}
