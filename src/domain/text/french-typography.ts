/**
 * French typography for plain text: « guillemets » with no-break spaces inside, a narrow
 * no-break space before ; : ! ?, the typographic apostrophe, the ellipsis, ordinals ("2e",
 * "1re"), no-break spaces in "14 h 05" and between numbers and units, and thousands grouped
 * by narrow no-break spaces. Every rule is a fixed point, so running it twice changes nothing.
 *
 * Written here because the npm libraries that know French were tried and do not fit:
 * typograf 7 (fr locale, every rule on) leaves ; : ! ? without their space, rewrites URLs,
 * ignores "14h05" and ordinals, and is not idempotent; richtypo 8 (fr rules) breaks URLs
 * ("https·://"), wraps "XIXème" in <abbr> and is not idempotent either.
 */

/** Whether the site's text is set with French rules or left as written. */
export type TypographyMode = 'fr' | 'off';

/** No-break space: inside guillemets, in times, between numbers and units. */
export const NBSP = '\u00a0';
/** Narrow no-break space: before ; : ! ? and between groups of thousands. */
export const NNBSP = '\u202f';

/** Spaces that may stand where a (narrow) no-break space belongs. */
const SPACE = /[ \t\u00a0\u202f\u2009\u2007]/;
const LETTER = /[\p{L}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** After these, a straight double quote opens a quotation. */
const OPENING_CONTEXT = /^$|[\s\u00a0\u202f([{«“‘—–\-/]/;

/** URLs (with a scheme or www.) and e-mail addresses are never touched. */
const PROTECTED = /\b(?:https?:\/\/|ftp:\/\/|mailto:|www\.)[^\s<>"«»]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu;

/** What every {@link PROTECTED} match contains: text without any has nothing to protect (most text). */
const MAYBE_PROTECTED = /:\/\/|mailto:|www\.|@/i;

/** Units and currencies written after a number (tied to it by a no-break space). */
const UNITS = [
  '%', '‰', '€', '\\$', '£', '¥', 'M€', 'Md€', 'Mds€', 'k€', '°C', '°F', '°',
  'km/h', 'km²', 'km', 'm²', 'm³', 'cm', 'mm', 'm', 'kg', 'mg', 'g', 't', 'ha', 'cl', 'ml', 'dl',
  'kWh', 'MWh', 'GWh', 'TWh', 'kW', 'MW', 'GW', 'W', 'V', 'Hz', 'Ko', 'Mo', 'Go', 'To', 'min', 'ms', 's',
  'h', 'ans', 'an', 'euros', 'euro', 'dollars', 'dollar', 'millions', 'million', 'milliards', 'milliard', 'mds',
];
const UNIT_AFTER_NUMBER = new RegExp(`(\\d)[ \\u00a0\\u202f](${UNITS.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
/** Percent and currency signs glued to the number get their space too. */
const GLUED_SIGN = /(\d)(%|‰|€|£)(?![\p{L}\p{N}])/gu;

/**
 * Roman numerals of centuries and reigns ("XXIe", "Ve"), never empty; a lone L, C, D or M is
 * a word ("Le", "Ce", "De", "Me"), not a numeral.
 */
const ROMAN = '(?=[IVXLCDM])(?![LCDM](?![IVXLCDM]))M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})';
/** Figures take every French ordinal suffix; Roman numerals take "e" ("XXIe"), and I takes "er" ("François Ier"). */
const ORDINAL_BODY = `(\\d+)(ers|er|res|re|es|e|ndes|nde|nds|nd)|(${ROMAN})(es|e)|(I)(er|re)`;
/** An ordinal as French writes it: "1er", "1re", "2e", "XXIe", "Ier". */
export const ORDINAL = new RegExp(`(?<![\\p{L}\\p{N}#])(?:${ORDINAL_BODY})(?![\\p{L}\\p{N}])`, 'gu');
/** Wrong but common spellings: "2ème", "2eme", "2è", "1ère", "XIXème". */
const ORDINAL_MISSPELLED = new RegExp(`(?<![\\p{L}\\p{N}#])(\\d+|${ROMAN})(ère|ere|ème|eme|è)(s?)(?![\\p{L}\\p{N}])`, 'gu');

/** "14 h 05", "14h05", "14 h": hours and minutes tied by no-break spaces. */
const TIME = /(?<![\p{L}\p{N},.])(\d{1,2})[ \u00a0\u202f]?h(?:[ \u00a0\u202f]?(\d{2}))?(?![\p{L}\p{N}])/gu;
/** Already grouped thousands ("12 345", "1 500 000"): the groups get narrow no-break spaces. */
const GROUPED = /(?<![\p{N},.])(\d{1,3})((?:[ \u00a0\u202f\u2009]\d{3})+)(?!\p{N})/gu;
/** Long numbers written without groups ("125000", "12345,6"). */
const UNGROUPED = /(?<![\p{L}\p{N},./#_+°-])(\d{5,})(?![\p{L}\p{N}_])/gu;

function isSpace(c: string): boolean {
  return SPACE.test(c);
}

/** Groups a run of digits by three from the right. */
function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += NNBSP;
    out += digits[i];
  }
  return out;
}

/**
 * Sets runs of text one after the other with shared state (the quotes open so far and the
 * last character written), so a quotation may span several runs (e.g. text nodes around
 * `<em>`). Call {@link Typesetter.boundary} between paragraphs.
 */
export class Typesetter {
  private quotes: string[] = [];
  private last = '';

  /** Starts a new block: quotes left open do not leak into the next paragraph. */
  boundary(): void {
    this.quotes = [];
    this.last = '';
  }

  /** Text that must not change (code, a URL) but that the next run follows. */
  passThrough(text: string): string {
    if (text !== '') this.last = text[text.length - 1] ?? this.last;
    return text;
  }

  /** Sets one run of text; URLs and e-mail addresses inside it are left as they are. */
  run(text: string): string {
    if (!MAYBE_PROTECTED.test(text)) return this.setPlain(text);
    let out = '';
    let from = 0;
    for (const match of text.matchAll(PROTECTED)) {
      const at = match.index ?? 0;
      out += this.setPlain(text.slice(from, at));
      out += this.passThrough(match[0]);
      from = at + match[0].length;
    }
    return out + this.setPlain(text.slice(from));
  }

  private setPlain(text: string): string {
    if (text === '') return '';
    const before = this.last;
    let s = text
      .replace(/(?<!\.)\.\.\.(?!\.)/g, '…')
      .replace(ORDINAL_MISSPELLED, (_m, n: string, suffix: string, plural: string) => `${n}${suffix === 'ère' || suffix === 'ere' ? 're' : 'e'}${plural}`)
      .replace(TIME, (whole, h: string, m: string | undefined) => {
        if (Number(h) > 24 || (m !== undefined && Number(m) > 59)) return whole;
        return m === undefined ? `${h}${NBSP}h` : `${h}${NBSP}h${NBSP}${m}`;
      })
      .replace(GROUPED, (_m, head: string, rest: string) => head + rest.replace(/[ \u00a0\u202f\u2009]/g, NNBSP))
      .replace(UNGROUPED, (whole, digits: string, offset: number, all: string) => {
        // "75001 Paris": a five-digit number before a capitalised word is likely a postcode.
        if (digits.length === 5 && /^ \p{Lu}/u.test(all.slice(offset + whole.length, offset + whole.length + 2))) return whole;
        return groupThousands(digits);
      })
      .replace(GLUED_SIGN, `$1${NBSP}$2`)
      .replace(UNIT_AFTER_NUMBER, `$1${NBSP}$2`);
    s = this.setCharacters(s, before);
    return s;
  }

  /** Quotes, apostrophes and spaces before high punctuation: these depend on neighbours. */
  private setCharacters(text: string, before: string): string {
    const out: string[] = [];
    const prev = () => (out.length > 0 ? (out[out.length - 1] ?? '') : before);
    const chars = [...text];
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i] ?? '';
      const next = chars[i + 1] ?? '';
      if (c === "'") {
        // An elision or a contraction: a letter on each side ("l’État", "aujourd’hui", "l’« affaire »").
        out.push(LETTER.test(prev()) && (LETTER_OR_DIGIT.test(next) || next === '«' || next === '"') ? '’' : c);
      } else if (c === '"') {
        // The space inside the guillemet is ours; drop the writer's.
        if (this.straightQuote(out, prev(), next)) while (isSpace(chars[i + 1] ?? '')) i++;
      } else if (c === '«') {
        this.quotes.push('«');
        out.push('«', NBSP);
        while (isSpace(chars[i + 1] ?? '')) i++;
      } else if (c === '»') {
        this.popQuote('«');
        while (out.length > 0 && isSpace(out[out.length - 1] ?? '')) out.pop();
        out.push(NBSP, '»');
      } else if (c === '“') {
        this.quotes.push('“');
        out.push(c);
      } else if (c === '”') {
        this.popQuote('“');
        out.push(c);
      } else if (c === ';' || c === ':' || c === '!' || c === '?') {
        this.highPunctuation(out, prev(), c, next);
      } else {
        out.push(c);
      }
    }
    const result = out.join('');
    if (result !== '') this.last = result[result.length - 1] ?? this.last;
    return result;
  }

  private popQuote(kind: string): void {
    const at = this.quotes.lastIndexOf(kind);
    if (at >= 0) this.quotes.length = at;
  }

  /** Handles a straight double quote; returns true when it opened a « (spaces after it are then dropped). */
  private straightQuote(out: string[], prev: string, next: string): boolean {
    // After a space, a quote followed by a space or punctuation closes (« " non " », as some write).
    const closesAfterSpace = isSpace(prev) && this.quotes.length > 0 && (next === '' || /[\s.,;:!?…)\]»]/.test(next));
    if (OPENING_CONTEXT.test(prev) && !closesAfterSpace) {
      if (this.quotes.length === 0) {
        this.quotes.push('«');
        out.push('«', NBSP);
        return true;
      }
      this.quotes.push('“');
      out.push('“');
      return false;
    }
    const open = this.quotes.pop();
    if (open === '«') {
      while (out.length > 0 && isSpace(out[out.length - 1] ?? '')) out.pop();
      out.push(NBSP, '»');
    } else if (open === '“') {
      out.push('”');
    } else {
      // A closing quote with nothing open (inches, a stray mark): leave it as written.
      out.push('"');
    }
    return false;
  }

  private highPunctuation(out: string[], prev: string, c: string, next: string): void {
    if (isSpace(prev) && out.length > 0) {
      // The writer put a space: make it the narrow no-break one.
      out[out.length - 1] = NNBSP;
      out.push(c);
      return;
    }
    const afterWord = LETTER_OR_DIGIT.test(prev) || prev === '»' || prev === '”' || prev === ')' || prev === '…';
    const endsPhrase = next === '' || isSpace(next) || /[\s»”)\]!?.,…"]/.test(next);
    // ";" and ":" take the space only before a space or the end: "14:05", "a:b" and "&amp;" stay.
    // A closing guillemet (or a straight quote that may become one) gets a space before it: count it as one.
    const colonLike = c === ':' || c === ';';
    if (afterWord && (colonLike ? next === '' || /[\s»"]/.test(next) : endsPhrase)) out.push(NNBSP);
    out.push(c);
  }
}

/** Applies French typography to a plain text (titles, deks, captions). Idempotent. */
export function frenchTypography(text: string): string {
  return new Typesetter().run(text);
}

/** Plain text set for the mode: French rules, or the text unchanged when typography is off. */
export function typeset(text: string, mode: TypographyMode): string {
  return mode === 'fr' ? frenchTypography(text) : text;
}

/** A piece of set text: plain, or an ordinal's suffix to show in superscript. */
export type TypographyPart = string | { sup: string };

/** Splits set text around ordinal suffixes ("2e" → "2", {sup: "e"}) for markup with `<sup>`. */
export function splitOrdinals(text: string): TypographyPart[] {
  const parts: TypographyPart[] = [];
  let from = 0;
  for (const match of text.matchAll(ORDINAL)) {
    const at = match.index ?? 0;
    const number = match[1] ?? match[3] ?? match[5] ?? '';
    const suffix = match[2] ?? match[4] ?? match[6] ?? '';
    if (number === '' || suffix === '') continue;
    parts.push(text.slice(from, at) + number, { sup: suffix });
    from = at + match[0].length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts.filter((p) => p !== '');
}
