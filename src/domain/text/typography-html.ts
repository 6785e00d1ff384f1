/**
 * French typography over HTML produced by our own renderers: only text nodes change, never
 * tags, attributes or URLs; text inside `<code>`, `<pre>` and the like is left as written;
 * ordinals get their suffix in `<sup>`. Idempotent, like the plain-text rules.
 *
 * The tokenizer is a small regular one on purpose: its input is markup we generated (every
 * text and attribute escaped, no raw `<` or `>` in values), not arbitrary HTML from outside.
 */
import { escapeHtml } from '../html-escape.js';
import { splitOrdinals, Typesetter, type TypographyMode } from './french-typography.js';

/** Elements whose text is code or verbatim: never set. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'textarea', 'math', 'svg']);
/** Elements that start a new block of text (quotes do not run across them). */
const BLOCKS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'figure', 'figcaption',
  'div', 'section', 'article', 'aside', 'header', 'footer', 'table', 'caption', 'tr', 'td', 'th', 'br', 'hr', 'picture',
]);
const VOID = new Set(['br', 'hr', 'img', 'source', 'wbr', 'input', 'meta', 'link']);

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^>]*)?(\/?)>|[^<]+|</g;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** A text node split into decoded text and entities we do not know (kept verbatim). */
function decodeText(html: string): Array<{ text: string } | { raw: string }> {
  const parts: Array<{ text: string } | { raw: string }> = [];
  let text = '';
  let from = 0;
  for (const match of html.matchAll(ENTITY)) {
    const at = match.index ?? 0;
    text += html.slice(from, at);
    from = at + match[0].length;
    const [, decimal, hex, name] = match;
    const code = decimal !== undefined ? Number(decimal) : hex !== undefined ? parseInt(hex, 16) : undefined;
    if (code !== undefined && code > 0 && code <= 0x10ffff) {
      text += String.fromCodePoint(code);
    } else if (name !== undefined && NAMED[name] !== undefined) {
      text += NAMED[name];
    } else {
      if (text !== '') parts.push({ text });
      text = '';
      parts.push({ raw: match[0] });
    }
  }
  text += html.slice(from);
  if (text !== '') parts.push({ text });
  return parts;
}

/** Set text back to HTML, ordinal suffixes in `<sup>` unless already inside one. */
function encode(text: string, withSup: boolean): string {
  if (!withSup) return escapeHtml(text);
  return splitOrdinals(text)
    .map((part) => (typeof part === 'string' ? escapeHtml(part) : `<sup>${escapeHtml(part.sup)}</sup>`))
    .join('');
}

/** Applies French typography to the text nodes of our rendered HTML. Idempotent. */
export function frenchTypographyHtml(html: string): string {
  const setter = new Typesetter();
  let verbatimDepth = 0;
  let supDepth = 0;
  let out = '';
  for (const match of html.matchAll(TOKEN)) {
    const token = match[0];
    const name = match[2]?.toLowerCase();
    if (name !== undefined) {
      const closing = match[1] === '/';
      const selfClosing = match[3] === '/' || VOID.has(name);
      if (VERBATIM.has(name) && !selfClosing) verbatimDepth = Math.max(0, verbatimDepth + (closing ? -1 : 1));
      if (name === 'sup' && !selfClosing) supDepth = Math.max(0, supDepth + (closing ? -1 : 1));
      if (BLOCKS.has(name)) setter.boundary();
      out += token;
      continue;
    }
    if (token.startsWith('<!--')) {
      out += token;
      continue;
    }
    if (verbatimDepth > 0) {
      // Code stays byte for byte as written; the text after it still knows what preceded it.
      setter.passThrough(token);
      out += token;
      continue;
    }
    for (const part of decodeText(token)) {
      if ('raw' in part) {
        setter.passThrough('x');
        out += part.raw;
      } else {
        out += encode(setter.run(part.text), supDepth === 0);
      }
    }
  }
  return out;
}

/** Body HTML set for the mode: French rules, or unchanged when typography is off. */
export function typesetHtml(html: string, mode: TypographyMode): string {
  return mode === 'fr' ? frenchTypographyHtml(html) : html;
}
