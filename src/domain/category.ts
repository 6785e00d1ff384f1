/** Categories form a tree; their slugs are the first segment of article URLs. */

/**
 * First path segments that belong to the site itself: a category cannot take them,
 * or its pages would hide the site's own routes.
 */
export const RESERVED_CATEGORY_SLUGS: ReadonlySet<string> = new Set([
  'admin', 'api', 'auteur', 'tag', 'recherche', 'static', 'media', 'feed', 'page', 'sitemap', 'robots', 'favicon', 'assets', 'health',
]);

/** A category as the breadcrumb and menus need it. */
export interface CategoryNode {
  id: number;
  parentId: number | null;
  slug: string;
  name: string;
}

/** The chain from the root category down to the given one (for breadcrumbs). */
export function ancestry<T extends CategoryNode>(categoryId: number, byId: ReadonlyMap<number, T>): T[] {
  const chain: T[] = [];
  const seen = new Set<number>();
  let current = byId.get(categoryId);
  while (current !== undefined && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return chain;
}

/** The given category and every category below it. */
export function descendantIds(categoryId: number, all: readonly CategoryNode[]): number[] {
  const ids = [categoryId];
  for (let i = 0; i < ids.length; i++) {
    for (const c of all) if (c.parentId === ids[i] && !ids.includes(c.id)) ids.push(c.id);
  }
  return ids;
}

/**
 * Rows of a tree with every parent before its children, otherwise in the given order
 * (exports: an importer creates a parent before its children). A loop of parents is cut.
 */
export function parentsFirst<T extends { id: number; parent_id: number | null }>(rows: readonly T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: T[] = [];
  const placed = new Set<number>();
  for (const row of rows) {
    const chain: T[] = [];
    for (let at: T | undefined = row; at !== undefined && !placed.has(at.id) && !chain.includes(at); at = at.parent_id === null ? undefined : byId.get(at.parent_id)) chain.push(at);
    for (const r of chain.reverse()) {
      placed.add(r.id);
      out.push(r);
    }
  }
  return out;
}
