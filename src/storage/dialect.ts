/** Which SQL dialect a Kysely instance speaks, for the rare places where they must differ. */
import { PostgresAdapter, type Kysely } from 'kysely';

/** The dialects Dépêche supports. */
export type DialectName = 'sqlite' | 'postgres';

/** The dialect behind a Kysely instance. */
export function dialectOf<DB>(db: Kysely<DB>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
