/**
 * Accent and case folding for search: "Élysée" and "elysee", "cœur" and "coeur" must meet.
 * Readers type without accents as often as with them, so every indexed and searched word
 * goes through the same fold.
 */

const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ł: 'l', Ł: 'l' };
const LIGATURE_RE = /[œŒæÆßøØđĐłŁ]/g;
/** Soft hyphens and zero-width characters hide inside words copied from the web ("pre­mier"). */
const INVISIBLE_RE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Lowercases and spells out ligatures, keeping accents (what the stemmer wants). */
export function lowerFrench(text: string): string {
  return text.replace(INVISIBLE_RE, '').normalize('NFKC').toLowerCase().replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c);
}

/** Removes accents and other combining marks: "été" → "ete", "ç" → "c". Expects lowercase input. */
export function stripAccents(text: string): string {
  // NFD splits "é" into "e" + U+0301; removing the marks leaves the base letter.
  return text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

/** Lowercase, ligatures spelt out, accents removed: the form every search comparison uses. */
export function foldText(text: string): string {
  return stripAccents(lowerFrench(text));
}
