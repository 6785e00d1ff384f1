/**
 * Queries over the Wikinews corpus: each reader keyphrase, as given and as readers also type
 * it (without accents, with a typo, half typed). Relevant: the articles annotated with it.
 */
import { foldText } from '../../src/domain/text/fold.js';
import type { WikinewsArticle } from './corpora.js';
import type { LabelledQuery } from './demo-judgments.js';

/** Kinds of the Wikinews queries. */
export type WikinewsKind = 'tel quel' | 'sans accents' | 'faute de frappe' | 'mot tapé à moitié';

/** A typo a reader makes: two letters swapped in the middle of the longest word (or one dropped). */
export function withTypo(phrase: string): string | undefined {
  const words = phrase.split(' ');
  let longest = -1;
  words.forEach((w, i) => {
    if (/^\p{L}{5,}$/u.test(w) && (longest < 0 || w.length > (words[longest]?.length ?? 0))) longest = i;
  });
  const word = words[longest];
  if (word === undefined) return undefined;
  const chars = [...word];
  const i = Math.floor(chars.length / 2) - 1;
  if (chars[i] === chars[i + 1]) chars.splice(i, 1);
  else [chars[i], chars[i + 1]] = [chars[i + 1] ?? '', chars[i] ?? ''];
  words[longest] = chars.join('');
  return words.join(' ');
}

/** The last word cut to 60 % of its letters (words of 5 letters or more). */
export function halfTyped(phrase: string): string | undefined {
  const words = phrase.split(' ');
  const last = words[words.length - 1] ?? '';
  if (!/^\p{L}{5,}$/u.test(last)) return undefined;
  words[words.length - 1] = [...last].slice(0, Math.max(3, Math.ceil(last.length * 0.6))).join('');
  return words.join(' ');
}

/** Every keyphrase query of the corpus, in its four kinds. */
export function wikinewsQueries(articles: readonly WikinewsArticle[]): (Omit<LabelledQuery, 'kind'> & { kind: WikinewsKind })[] {
  const byPhrase = new Map<string, string[]>();
  for (const a of articles) for (const k of new Set(a.keyphrases)) byPhrase.set(k, [...(byPhrase.get(k) ?? []), `wikinews-${a.id}`]);
  const queries: (Omit<LabelledQuery, 'kind'> & { kind: WikinewsKind })[] = [];
  for (const [phrase, slugs] of [...byPhrase].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const relevant = Object.fromEntries(slugs.map((s) => [s, 1]));
    queries.push({ q: phrase, kind: 'tel quel', relevant });
    const folded = foldText(phrase);
    if (folded !== phrase.toLowerCase()) queries.push({ q: folded, kind: 'sans accents', relevant });
    const typo = withTypo(phrase);
    if (typo) queries.push({ q: typo, kind: 'faute de frappe', relevant });
    const half = halfTyped(phrase);
    if (half) queries.push({ q: half, kind: 'mot tapé à moitié', relevant });
  }
  return queries;
}

/** Related-article judgments: two articles sharing a keyphrase used by at most 5 articles. */
export function wikinewsRelated(articles: readonly WikinewsArticle[]): Map<string, Set<string>> {
  const byPhrase = new Map<string, string[]>();
  for (const a of articles) for (const k of new Set(a.keyphrases)) byPhrase.set(k, [...(byPhrase.get(k) ?? []), `wikinews-${a.id}`]);
  const related = new Map<string, Set<string>>();
  for (const slugs of byPhrase.values()) {
    if (slugs.length < 2 || slugs.length > 5) continue;
    for (const a of slugs) for (const b of slugs) if (a !== b) related.set(a, new Set([...(related.get(a) ?? []), b]));
  }
  return related;
}
