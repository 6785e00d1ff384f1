/**
 * SQL conditions shared by both engines: visibility and filters, each an IN or NOT IN on a
 * small subquery (future articles, a category's articles…) that the database evaluates once,
 * rather than a lookup for every matching row. The same SQL on both dialects.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import type { EngineQuery } from './search-index.js';

/** Whether some indexed article has a publication date still to come (one index probe). */
export async function hasFutureArticles(db: Kysely<Database>, now: number): Promise<boolean> {
  return (await db.selectFrom('search_documents').select('article_id').where('published_at', '>', now).limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Conditions on an article id expression for a query's time limit and filters, joined with AND.
 * `future`: whether articles dated after `now` exist (when none, no condition is needed).
 */
export function filterConditions(query: EngineQuery, id: RawBuilder<unknown>, future: boolean): RawBuilder<unknown> {
  const f = query.filters ?? {};
  // Articles published with a date still to come are few: leaving them out is one small set.
  const parts: RawBuilder<unknown>[] = [future ? sql`${id} not in (select article_id from search_documents where published_at > ${query.now})` : sql`1 = 1`];
  if (f.from !== undefined || f.until !== undefined) {
    parts.push(sql`${id} in (select article_id from search_documents where published_at >= ${f.from ?? 0} and published_at < ${f.until ?? Number.MAX_SAFE_INTEGER})`);
  }
  if (f.categoryId !== undefined) parts.push(sql`${id} in (select article_id from article_categories where category_id = ${f.categoryId})`);
  if (f.tagId !== undefined) parts.push(sql`${id} in (select article_id from article_tags where tag_id = ${f.tagId})`);
  if (f.authorId !== undefined) parts.push(sql`${id} in (select article_id from article_authors where user_id = ${f.authorId})`);
  if (f.excludeIds !== undefined && f.excludeIds.length > 0) parts.push(sql`${id} not in (${sql.join(f.excludeIds.map((x) => sql`${x}`))})`);
  return sql.join(parts, sql` and `);
}
