/** SQL conditions shared by both engines: visibility, filters. The same SQL on both dialects. */
import { sql, type RawBuilder } from 'kysely';
import type { EngineQuery } from './search-index.js';

/** Conditions on `d` (search_documents) for a query's time limit and filters, joined with AND. */
export function filterConditions(query: EngineQuery): RawBuilder<unknown> {
  const f = query.filters ?? {};
  const parts: RawBuilder<unknown>[] = [sql`d.published_at <= ${query.now}`];
  if (f.from !== undefined) parts.push(sql`d.published_at >= ${f.from}`);
  if (f.until !== undefined) parts.push(sql`d.published_at < ${f.until}`);
  // The join tables carry status and publication time, so each filter is one index probe per row.
  if (f.categoryId !== undefined) parts.push(sql`exists (select 1 from article_categories c where c.article_id = d.article_id and c.category_id = ${f.categoryId})`);
  if (f.tagId !== undefined) parts.push(sql`exists (select 1 from article_tags t where t.article_id = d.article_id and t.tag_id = ${f.tagId})`);
  if (f.authorId !== undefined) parts.push(sql`exists (select 1 from article_authors a where a.article_id = d.article_id and a.user_id = ${f.authorId})`);
  if (f.excludeIds !== undefined && f.excludeIds.length > 0) parts.push(sql`d.article_id not in (${sql.join(f.excludeIds.map((id) => sql`${id}`))})`);
  return sql.join(parts, sql` and `);
}
