/**
 * French stop words: the Snowball list (shipped by @orama/stopwords), compared after accent
 * folding so that "meme" and "même" are treated alike. "été" is kept out of the list: on a
 * news site it is the summer far more often than the participle.
 */
import { stopwords } from '@orama/stopwords/french';
import { foldText } from './fold.js';

const KEEP = new Set(['ete', 'etes']);

/** Folded French stop words ("a", "le", "meme", "etaient"…). */
export const FRENCH_STOP_WORDS: ReadonlySet<string> = new Set(
  stopwords.map((w) => foldText(w.trim())).filter((w) => w !== '' && !KEEP.has(w)),
);

/** Whether a folded word is a French stop word. */
export function isFrenchStopWord(folded: string): boolean {
  return FRENCH_STOP_WORDS.has(folded);
}
