/**
 * React keys of the editor screen. A new article gets its id on its first (auto)save and its
 * address changes to /articles/:id; the editor must stay the same instance then (the writer
 * may be typing), yet "Nouvel article" afterwards must open a fresh one.
 */

let newEditors = 0;
const adopted = new Map<string, string>();

/** The key of the editor for a route parameter ("nouveau" or an id). */
export function editorKey(param: string): string {
  if (param === 'nouveau') return `new-${newEditors}`;
  return adopted.get(param) ?? `article-${param}`;
}

/** Called when the current new-article editor has created article `id`. */
export function adoptCreatedArticle(id: number): void {
  adopted.set(String(id), `new-${newEditors}`);
  newEditors++;
}
