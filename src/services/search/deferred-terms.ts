/**
 * Vocabulary changes of a bulk import, held back and written once per batch: adding an
 * article's few hundred (form, term) pairs one article at a time costs a large statement per
 * write. Changes of the item being written stay apart until it succeeds (its savepoint may
 * roll back); a removal first takes back a held addition, so the counts end as if written.
 */
import type { Repositories } from '../../storage/repositories/index.js';
import type { FormTerm } from '../../storage/search/search-terms-repository.js';

type Counted = FormTerm & { count: number };

function keyOf(p: FormTerm): string {
  return `${p.form} ${p.term}`;
}

/** Pairs to add to the vocabulary, counted, until the batch writes them. */
export class DeferredTerms {
  private readonly batch = new Map<string, Counted>();
  private item = new Map<string, Counted>();

  /** Counts these pairs once more (held back). */
  add(pairs: readonly FormTerm[]): void {
    for (const p of pairs) this.change(p, 1);
  }

  /** Takes back held additions of these pairs; returns the pairs the vocabulary table must lose. */
  takeBack(pairs: readonly FormTerm[]): FormTerm[] {
    const rest: FormTerm[] = [];
    for (const p of pairs) {
      const key = keyOf(p);
      const held = (this.batch.get(key)?.count ?? 0) + (this.item.get(key)?.count ?? 0);
      if (held > 0) this.change(p, -1);
      else rest.push(p);
    }
    return rest;
  }

  /** The item was written: its changes join the batch's. */
  keepItem(): void {
    for (const [key, delta] of this.item) {
      const entry = this.batch.get(key);
      if (entry) entry.count += delta.count;
      else this.batch.set(key, delta);
    }
    this.item = new Map();
  }

  /** The item was rolled back: its changes are forgotten. */
  dropItem(): void {
    this.item = new Map();
  }

  /** Writes the batch's additions (inside its transaction). */
  async flush(repos: Repositories): Promise<void> {
    this.keepItem();
    const pairs = [...this.batch.values()].filter((p) => p.count > 0);
    this.batch.clear();
    if (pairs.length > 0) await repos.searchTerms.add(pairs);
  }

  private change(p: FormTerm, delta: number): void {
    const key = keyOf(p);
    const entry = this.item.get(key);
    if (entry) entry.count += delta;
    else this.item.set(key, { form: p.form, term: p.term, count: delta });
  }
}
