/**
 * The French analysis every search feature shares (search on both databases, related
 * articles, snippets): words are cut out of the text, elisions (l’, d’, qu’, jusqu’…) split
 * off, hyphenated words split into their parts, case and accents folded, stop words dropped
 * and the rest stemmed with Snowball French. Numbers are kept as written ("2028", "1er").
 *
 * Each token keeps two spellings: `form`, the folded word as written ("elections"), used for
 * as-you-type prefixes, typo tolerance and accent-less look-ups, and `term`, its folded stem
 * ("elect"), which is what the index stores and matches.
 */
import { foldText, lowerFrench } from './fold.js';
import { stemFrenchWord } from './french-stemmer.js';
import { isFrenchStopWord } from './french-stop-words.js';

/** One analysed word of a text. */
export interface AnalyzedToken {
  /** The indexed term: folded Snowball stem ("elect"). */
  term: string;
  /** The folded word as written ("elections"). */
  form: string;
  /** Offsets of the word in the analysed string (for highlighting). */
  start: number;
  end: number;
  /** Rank of the token among kept tokens (0, 1, 2…), for phrases. */
  position: number;
}

/** Longest term kept; longer "words" are URLs or noise and are cut. */
export const MAX_TERM_LENGTH = 40;

/** Elided words written before an apostrophe: l’homme, qu’il, jusqu’à, lorsqu’on… */
const ELISIONS = new Set(['l', 'd', 'j', 'qu', 'n', 's', 'c', 'm', 't', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);

/**
 * A word: letters, digits and marks, with inner apostrophes and hyphens. En and em dashes are
 * not inside words ("Paris–Lyon" is two words); soft hyphens and zero-width joiners are.
 */
const WORD_RE = /[\p{L}\p{N}\p{M}\u00ad\u200b-\u200d]+(?:['’ʼ‘\-\u2010\u2011][\p{L}\p{N}\p{M}\u00ad\u200b-\u200d]+)*/gu;
const HYPHEN_RE = /[-\u2010\u2011]/;
const APOSTROPHE_RE = /['’ʼ‘]/;
const NOT_WORD_RE = /[^\p{L}\p{N}]+/gu;
const HAS_DIGIT_RE = /\p{N}/u;

/** What one written word becomes: null when dropped (stop word, single letter). */
interface WordAnalysis {
  form: string;
  term: string;
}

// Word lists are Zipfian: a bounded cache spares most stemmer calls when indexing thousands of articles.
const cache = new Map<string, WordAnalysis | null>();
const CACHE_LIMIT = 200_000;

/** Analyses one written word (no apostrophe or hyphen left in it). */
function analyzeWord(raw: string): WordAnalysis | null {
  const cached = cache.get(raw);
  if (cached !== undefined) return cached;
  const lower = lowerFrench(raw).replace(NOT_WORD_RE, '');
  const form = foldText(lower).replace(NOT_WORD_RE, '').slice(0, MAX_TERM_LENGTH);
  let result: WordAnalysis | null = null;
  if (form !== '' && !(form.length === 1 && !HAS_DIGIT_RE.test(form)) && !isFrenchStopWord(form)) {
    result = { form, term: HAS_DIGIT_RE.test(form) ? form : stemOf(lower) };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, result);
  return result;
}

/** Folded stem; a stem that would collide with a stop word or shrink to one letter keeps the word's form. */
function stemOf(lower: string): string {
  const term = foldText(stemFrenchWord(lower)).replace(NOT_WORD_RE, '').slice(0, MAX_TERM_LENGTH);
  if (term.length < 2 || isFrenchStopWord(term)) return foldText(lower).replace(NOT_WORD_RE, '').slice(0, MAX_TERM_LENGTH);
  return term;
}

/** Splits "l’Élysée" into ["Élysée"], "aujourd’hui" into ["aujourdhui"], "qu’aujourd’hui" likewise. */
function withoutElision(part: string): { text: string; skip: number } {
  const pieces = part.split(APOSTROPHE_RE);
  if (pieces.length === 1) return { text: part, skip: 0 };
  const first = pieces[0] ?? '';
  if (ELISIONS.has(foldText(first))) {
    const rest = pieces.slice(1);
    return { text: rest.join(''), skip: first.length + 1 };
  }
  return { text: pieces.join(''), skip: 0 };
}

/** Analyses a French text into index tokens, in order. Never throws. */
export function analyzeFrench(text: string): AnalyzedToken[] {
  const tokens: AnalyzedToken[] = [];
  if (typeof text !== 'string' || text === '') return tokens;
  for (const match of text.matchAll(WORD_RE)) {
    const word = match[0];
    let offset = match.index;
    for (const part of word.split(HYPHEN_RE)) {
      const { text: bare, skip } = withoutElision(part);
      const analysis = bare === '' ? null : analyzeWord(bare);
      if (analysis) tokens.push({ term: analysis.term, form: analysis.form, start: offset + skip, end: offset + part.length, position: tokens.length });
      offset += part.length + 1;
    }
  }
  return tokens;
}

/** The terms of a text, in order (what the index stores). */
export function analyzeTerms(text: string): string[] {
  return analyzeFrench(text).map((t) => t.term);
}
