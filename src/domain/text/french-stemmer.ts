/**
 * Snowball French stemming through @orama/stemmers (a maintained build of the Snowball
 * algorithm), with two rules of Snowball 3 that the package predates and that matter for
 * search: "-oux" plurals (bijoux → bijou) and "-aise(s)" feminines conflated with "-ais"
 * (française → français → franc). The Snowball vocabulary test (test/unit/french-stemmer.test.ts)
 * checks the result against the reference output and lists the remaining differences.
 */
import { stemmer } from '@orama/stemmers/french';

/** Letters before "oux" for which Snowball 3 reads a plural of "-ou" (bijoux, choux, genoux, poux…). */
const OUX_PLURAL = /([bhjlnp])oux$/;
const AISE_FEMININE = /aises?$/;

/** The Snowball French stem of one lowercase word (accents kept), e.g. "élections" → "élect". */
export function stemFrenchWord(word: string): string {
  const singular = word.replace(OUX_PLURAL, '$1ou');
  if (AISE_FEMININE.test(singular)) return stemmer(singular.replace(AISE_FEMININE, 'ais'));
  return stemmer(singular);
}
