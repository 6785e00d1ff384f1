/**
 * Loads a CommonJS dependency the first time it is used instead of at start. Starting the
 * site must not pay for what only some requests or configurations need (image processing,
 * PostgreSQL, Redis, SMTP, revision diffs): each of these costs tens of milliseconds to load.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A getter that requires `name` on its first call and returns the same module afterwards. */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
