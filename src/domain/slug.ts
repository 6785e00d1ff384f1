/** URL slugs: readable, ASCII, stable. */

/** Longest slug we produce; long enough for a headline, short enough for a URL. */
export const MAX_SLUG_LENGTH = 80;

const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };

/** Turns a French title into a slug: « L’État, déçu » → "l-etat-decu". */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const ascii = text
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary so a long title does not end in half a word.
  const cut = slug.slice(0, maxLength + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : slug.slice(0, maxLength)).replace(/-+$/, '');
}

/** Whether a string is already a well-formed slug. */
export function isSlug(value: string, maxLength = MAX_SLUG_LENGTH): boolean {
  return value.length > 0 && value.length <= maxLength && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}
