/**
 * From what a reader typed to the engine queries, in tiers:
 * 1. exact: every word as written (with or without accents: the vocabulary maps "electricite"
 *    to the stem of "électricité"), phrases as phrases;
 * 2. the last word also as a prefix, when it is still being typed ("élect" → élection…);
 * 3. words of 5 letters or more that the index does not know also matched within one typo
 *    (two from 9 letters), as Meilisearch and Typesense count them.
 * Results of a tier come after those of the tiers before it, so exact matches rank first.
 */
import { allowedTypos, typoDistance } from '../../domain/search/edit-distance.js';
import { parseSearchQuery } from '../../domain/search/parse-query.js';
import { analyzeFrench } from '../../domain/text/french-analyzer.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { EngineMatch, EnginePhrase } from '../../storage/search/search-index.js';

/** Completions read for a word being typed. */
const PREFIX_EXPANSIONS = 12;
/** Corrections kept for a misspelt word. */
const TYPO_EXPANSIONS = 8;
/** A word known from at most this many articles is still checked for typos. */
const RARE_FORM = 2;
/** Consecutive words both found in more articles than this get no proximity pair. */
const COMMON_PAIR = 2_000;

/** One word of the query and what it may match. */
export interface PlannedWord {
  form: string;
  /** In how many articles the vocabulary saw the word (or its plural or singular). */
  seen: number;
  exact: string[];
  prefix: string[];
  typo: { term: string; form: string }[];
}

/** Engine queries for a reader's query. */
export interface QueryPlan {
  /** Matches, most exact first; each tier's results exclude those of earlier tiers. */
  tiers: { kind: 'exact' | 'prefix' | 'typo'; match: EngineMatch }[];
  /**
   * When the tiers find less than a page: articles with only some of the words (any one of
   * them), ranked after every full match. Null for one-word queries.
   */
  partial: EngineMatch | null;
  /** What must not match (-word, -"phrase"). */
  exclusions: EngineMatch[];
  /** Every term a result may have matched (for highlighting). */
  highlightTerms: Set<string>;
  words: PlannedWord[];
  /** Whether the reader asked for anything (some word survived analysis). */
  empty: boolean;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** A written form with its plural and singular spellings (French -s and -x). */
function variantsOf(form: string): string[] {
  if ([...form].length < 4 || /\d/.test(form)) return [form];
  const singular = /[sx]$/.test(form) ? [form.slice(0, -1)] : [form + 's', form + 'x'];
  return [form, ...singular];
}

/** Plans a query against the vocabulary of `repos`. */
export async function planQuery(repos: Repositories, raw: unknown): Promise<QueryPlan> {
  const parsed = parseSearchQuery(raw);
  const phraseTokens: { form: string; term: string }[][] = [];
  const exclusionTokens: { form: string; term: string }[][] = [];
  const wordForms: { form: string; term: string; partial: boolean }[] = [];
  parsed.clauses.forEach((clause, i) => {
    const tokens = analyzeFrench(clause.text).map((t) => ({ form: t.form, term: t.term }));
    const first = tokens[0];
    if (!first) return;
    if (clause.excluded) exclusionTokens.push(tokens);
    else if (clause.kind === 'word' && tokens.length === 1) wordForms.push({ ...first, partial: parsed.lastIsPartial && i === parsed.clauses.length - 1 });
    else phraseTokens.push(tokens);
  });

  // The vocabulary says which terms the corpus really has for a written form, its plural or its
  // singular: "electricite" is the stem of "électricité", "loyer" that of "loyers".
  const allForms = [...wordForms, ...phraseTokens.flat(), ...exclusionTokens.flat()].map((t) => t.form);
  const known = await repos.searchTerms.byForms([...new Set(allForms.flatMap(variantsOf))]);
  const termsOf = (form: string) => unique(variantsOf(form).flatMap((v) => known.filter((k) => k.form === v).map((k) => k.term)));
  /** A phrase's term for one position: the analysed term if the corpus has it, else the corpus's own. */
  const phraseTerm = (t: { form: string; term: string }) => {
    const own = known.filter((k) => k.form === t.form).sort((a, b) => b.docCount - a.docCount);
    return own.length === 0 || own.some((k) => k.term === t.term) ? t.term : (own[0]?.term ?? t.term);
  };
  const phrases: EnginePhrase[] = phraseTokens.map((tokens) => tokens.map(phraseTerm));
  const exclusions: EngineMatch[] = exclusionTokens.map((tokens) => ({ groups: [[tokens.map(phraseTerm)]] }));

  const words: PlannedWord[] = [];
  for (const w of wordForms) {
    const entries = known.filter((k) => variantsOf(w.form).includes(k.form));
    const corpus = termsOf(w.form);
    // The analysed stem only when the corpus has no spelling of the word (it may still conflate).
    const exact = corpus.length > 0 ? corpus : [w.term];
    let prefix: string[] = [];
    if (w.partial && w.form.length >= 2) {
      prefix = unique((await repos.searchTerms.byPrefix(w.form, PREFIX_EXPANSIONS)).map((e) => e.term)).filter((t) => !exact.includes(t));
    }
    let typo: { term: string; form: string }[] = [];
    const allowed = allowedTypos([...w.form].length);
    const seen = entries.reduce((n, e) => n + e.docCount, 0);
    if (allowed > 0 && seen <= RARE_FORM && !/\d/.test(w.form)) {
      const candidates = (await repos.searchTerms.typoCandidates(w.form, allowed))
        .map((c) => ({ ...c, distance: c.form === w.form ? 0 : typoDistance(w.form, c.form, allowed) }))
        .filter((c) => c.distance > 0 && c.distance <= allowed && c.docCount > seen)
        .sort((a, b) => a.distance - b.distance || b.docCount - a.docCount || (a.form < b.form ? -1 : 1));
      const picked = new Map<string, string>();
      for (const c of candidates) {
        if (!exact.includes(c.term) && !prefix.includes(c.term) && !picked.has(c.term)) picked.set(c.term, c.form);
        if (picked.size >= TYPO_EXPANSIONS) break;
      }
      typo = [...picked].map(([term, form]) => ({ term, form }));
    }
    words.push({ form: w.form, seen, exact, prefix, typo });
  }

  const phraseGroups = phrases.map((p) => [p]);
  // Proximity: each pair of consecutive words also counts as a phrase in its first word's group.
  // The match is unchanged (the pair implies the word) but BM25 rewards articles where the
  // words stand together, as a reader who types "étude scientifique" expects.
  // Pairs of two common words are left out: checking their positions in thousands of articles
  // costs more than the order they would refine.
  const pairs = words.map((w, i) => {
    const next = words[i + 1];
    const common = next !== undefined && Math.min(w.seen, next.seen) > COMMON_PAIR;
    return next && !common && w.exact[0] && next.exact[0] ? [[w.exact[0], next.exact[0]]] : [];
  });
  const tier = (level: 0 | 1 | 2): EngineMatch => ({
    groups: [
      ...words.map((w, i) => [...[...w.exact, ...(level >= 1 ? w.prefix : []), ...(level >= 2 ? w.typo.map((t) => t.term) : [])].map((t) => [t]), ...(pairs[i] ?? [])]),
      ...phraseGroups,
    ],
  });
  const tiers: QueryPlan['tiers'] = [{ kind: 'exact', match: tier(0) }];
  if (words.some((w) => w.prefix.length > 0)) tiers.push({ kind: 'prefix', match: tier(1) });
  if (words.some((w) => w.typo.length > 0)) tiers.push({ kind: 'typo', match: tier(2) });

  const highlightTerms = new Set<string>([...words.flatMap((w) => [...w.exact, ...w.prefix, ...w.typo.map((t) => t.term)]), ...phrases.flat(), ...phraseTokens.flat().map((t) => t.term)]);
  const last = tiers[tiers.length - 1]?.match ?? tier(0);
  const partial = last.groups.length >= 2 ? { groups: [last.groups.flat()] } : null;
  return { tiers, partial, exclusions, highlightTerms, words, empty: words.length === 0 && phrases.length === 0 };
}
