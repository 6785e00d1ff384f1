/** Picks the search engine of a database by its dialect. */
import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';
import type { Database } from '../schema.js';
import { PostgresSearchIndex } from './postgres-search-index.js';
import type { SearchIndex } from './search-index.js';
import { SqliteSearchIndex } from './sqlite-search-index.js';

/** The search index of a database (or transaction), for its dialect. */
export function createSearchIndex(db: Kysely<Database>): SearchIndex {
  return dialectOf(db) === 'postgres' ? new PostgresSearchIndex(db) : new SqliteSearchIndex(db);
}
