/**
 * The vocabulary of the index: every written form (folded, "elections") with its term
 * ("elect") and a popularity count. It answers what the engines cannot do fast on both
 * databases: accent-less look-ups, as-you-type prefixes and typo candidates. Candidates for
 * typos are read by first or second letter within a window of lengths (two indexed ranges),
 * never by scanning the whole vocabulary.
 */
import { sql } from 'kysely';
import type { Executor } from '../repositories/executor.js';

/** A form and its term. */
export interface FormTerm {
  form: string;
  term: string;
}

/** A vocabulary entry with its popularity. */
export interface VocabularyEntry extends FormTerm {
  docCount: number;
}

const CHUNK = 500;

/** Serialises an article's pairs: "form term" per line, or just "form" when the term is the form. */
export function serializeForms(pairs: readonly FormTerm[]): string {
  return pairs.map((p) => (p.form === p.term ? p.form : `${p.form} ${p.term}`)).join('\n');
}

/** Reads {@link serializeForms}'s text back. */
export function parseForms(text: string): FormTerm[] {
  if (text === '') return [];
  return text.split('\n').map((line) => {
    const [form = '', term] = line.split(' ');
    return { form, term: term ?? form };
  });
}

/** Reads and writes `search_terms`. */
export class SearchTermsRepository {
  constructor(private readonly db: Executor) {}

  /** Counts each (form, term) pair once more; `counts` gives how many documents had it (default 1). */
  async add(pairs: readonly (FormTerm & { count?: number })[]): Promise<void> {
    for (let i = 0; i < pairs.length; i += CHUNK) {
      const rows = pairs.slice(i, i + CHUNK).map((p) => ({
        form: p.form,
        term: p.term,
        head: [...p.form].slice(0, 2).join(''),
        tail: [...p.form].slice(-3).reverse().join(''),
        length: [...p.form].length,
        doc_count: p.count ?? 1,
      }));
      await this.db
        .insertInto('search_terms')
        .values(rows)
        .onConflict((oc) => oc.columns(['form', 'term']).doUpdateSet({ doc_count: sql`search_terms.doc_count + excluded.doc_count` }))
        .execute();
    }
  }

  /** Counts each pair once less, and forgets pairs no indexed article has any more. */
  async remove(pairs: readonly FormTerm[]): Promise<void> {
    for (let i = 0; i < pairs.length; i += CHUNK) {
      const chunk = pairs.slice(i, i + CHUNK);
      const keys = sql.join(chunk.map((p) => sql`(${p.form}, ${p.term})`));
      await sql`update search_terms set doc_count = doc_count - 1 where (form, term) in (values ${keys})`.execute(this.db);
      await sql`delete from search_terms where doc_count <= 0 and (form, term) in (values ${keys})`.execute(this.db);
    }
  }

  /**
   * Documents per term, from the forms' counts (an article with two spellings of a term counts
   * twice: close enough to choose distinctive terms, and read from one index, not the engine).
   */
  async termFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>(terms.map((t) => [t, 0]));
    if (terms.length === 0) return out;
    const rows = await this.db
      .selectFrom('search_terms')
      .select(['term', (eb) => eb.fn.sum<number>('doc_count').as('n')])
      .where('term', 'in', [...new Set(terms)])
      .groupBy('term')
      .execute();
    for (const r of rows) out.set(r.term, Number(r.n));
    return out;
  }

  /** Entries with exactly these forms. */
  async byForms(forms: readonly string[]): Promise<VocabularyEntry[]> {
    if (forms.length === 0) return [];
    const rows = await this.db.selectFrom('search_terms').select(['form', 'term', 'doc_count']).where('form', 'in', [...new Set(forms)]).execute();
    return rows.map((r) => ({ form: r.form, term: r.term, docCount: Number(r.doc_count) }));
  }

  /** The most frequent forms starting with `prefix`. */
  async byPrefix(prefix: string, limit: number): Promise<VocabularyEntry[]> {
    if (prefix === '') return [];
    const rows = await this.db
      .selectFrom('search_terms')
      .select(['form', 'term', 'doc_count'])
      .where('form', '>=', prefix)
      .where('form', '<', `${prefix}\uffff`)
      .orderBy('doc_count', 'desc')
      .orderBy('form')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ form: r.form, term: r.term, docCount: Number(r.doc_count) }));
  }

  /**
   * Forms that may be within `distance` edits of `form`: one letter longer or shorter at most,
   * sharing its first two letters (a slip further on) or its end (a slip at the start): the
   * last three letters, or two for words of five letters, where one slip can reach the third
   * from the end. `tail` holds the last three letters reversed, so "ends with" is a range.
   * Two slips at both ends of a word are not sought.
   */
  async typoCandidates(form: string, distance: number): Promise<VocabularyEntry[]> {
    const chars = [...form];
    const head = chars.slice(0, 2).join('');
    const tail = chars.slice(chars.length <= 5 ? -2 : -3).reverse().join('');
    // Typos are mostly one slip: a longer or shorter word by more than one letter is not sought.
    const min = chars.length - Math.min(distance, 1);
    const max = chars.length + Math.min(distance, 1);
    // Two index ranges (a plain OR would scan the table).
    const byFirst = this.db
      .selectFrom('search_terms')
      .select(['form', 'term', 'doc_count'])
      .where('head', '=', head)
      .where('length', '>=', min)
      .where('length', '<=', max);
    const bySecond = this.db
      .selectFrom('search_terms')
      .select(['form', 'term', 'doc_count'])
      .where('tail', '>=', tail)
      .where('tail', '<', `${tail}\uffff`)
      .where('head', '!=', head)
      .where('length', '>=', min)
      .where('length', '<=', max);
    const rows = await byFirst.union(bySecond).execute();
    return rows.map((r) => ({ form: r.form, term: r.term, docCount: Number(r.doc_count) }));
  }

  /** Empties the vocabulary (before a rebuild). */
  async clear(): Promise<void> {
    await this.db.deleteFrom('search_terms').execute();
  }
}
