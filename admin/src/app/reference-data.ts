/** Categories and authors, used by many screens: fetched once per page load and shared. */
import { taxonomyApi } from '../api/endpoints.js';
import type { Author, Category } from '../api/types.js';
import { useLoad, type Loaded } from '../ui/use-load.js';

/** What the pickers and filters need. */
export interface ReferenceData {
  categories: Category[];
  authors: Author[];
}

let cached: Promise<ReferenceData> | null = null;

function fetchReferenceData(): Promise<ReferenceData> {
  if (cached === null) {
    cached = Promise.all([taxonomyApi.categories(), taxonomyApi.authors()]).then(([categories, authors]) => ({ categories, authors }));
    // A failure must not stick: the next screen tries again.
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/** Forgets the shared copy (after accounts or categories changed). */
export function invalidateReferenceData(): void {
  cached = null;
}

/** Categories and authors for the current screen. */
export function useReferenceData(): Loaded<ReferenceData> {
  return useLoad(fetchReferenceData, []);
}

/** Categories in tree order with their depth, for a select ("Monde › Europe" indented). */
export function categoryOptions(categories: readonly Category[]): { id: number; label: string }[] {
  const children = new Map<number | null, Category[]>();
  for (const c of categories) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const out: { id: number; label: string }[] = [];
  const walk = (parent: number | null, depth: number) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, 'fr'));
    for (const c of list) {
      out.push({ id: c.id, label: `${'\u2003'.repeat(depth)}${c.name}` });
      if (depth < 8) walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  // Categories whose parent is missing still show up.
  for (const c of categories) if (!out.some((o) => o.id === c.id)) out.push({ id: c.id, label: c.name });
  return out;
}
