/**
 * What a reader typed in the search box, read as Dépêche's small query language:
 * words, "phrases in quotes", -excluded words or -"phrases". Nothing else is an operator:
 * `* ( ) : ^ NEAR AND OR` are plain text, so no input can break the engines' syntax.
 */

/** Longest query read; the rest is ignored (a 10 kB query is cut, not refused). */
export const MAX_QUERY_LENGTH = 200;
/** Most clauses read from one query. */
export const MAX_CLAUSES = 12;

/** One part of a query. */
export interface QueryClause {
  kind: 'word' | 'phrase';
  text: string;
  excluded: boolean;
}

/** A parsed query. */
export interface ParsedQuery {
  clauses: QueryClause[];
  /** The last clause is a word still being typed (no space after it): match it as a prefix. */
  lastIsPartial: boolean;
}

/** Parses a query; never throws. */
export function parseSearchQuery(raw: unknown): ParsedQuery {
  const text = (typeof raw === 'string' ? raw : '').replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, MAX_QUERY_LENGTH);
  const clauses: QueryClause[] = [];
  // An unbalanced quote is ignored: the words after it are read as words.
  const quotes = [...text.matchAll(/["«»“”]/g)].length;
  let balanced = quotes % 2 === 0;
  let i = 0;
  while (i < text.length && clauses.length < MAX_CLAUSES) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    let excluded = false;
    let start = i;
    if (ch === '-' && i + 1 < text.length && !/\s/.test(text[i + 1] ?? ' ')) {
      excluded = true;
      start = i + 1;
    }
    const opener = text[start] ?? '';
    if (/["«“”]/.test(opener) && balanced) {
      const close = text.slice(start + 1).search(/["»“”]/);
      const end = close < 0 ? text.length : start + 1 + close;
      const phrase = text.slice(start + 1, end).trim();
      if (phrase !== '') clauses.push({ kind: 'phrase', text: phrase, excluded });
      i = end + 1;
      continue;
    }
    if (/["«»“”]/.test(opener)) {
      // The odd quote: skip it once.
      balanced = true;
      i = start + 1;
      continue;
    }
    let end = start;
    while (end < text.length && !/[\s"«»“”]/.test(text[end] ?? ' ')) end++;
    const word = text.slice(start, end);
    if (word !== '') clauses.push({ kind: 'word', text: word, excluded });
    i = end;
  }
  const last = clauses[clauses.length - 1];
  const lastIsPartial = last !== undefined && last.kind === 'word' && !last.excluded && text.length > 0 && !/[\s"»”]$/.test(text);
  return { clauses, lastIsPartial };
}
