/**
 * A bounded repair of the one well-formedness error real WordPress exports commonly have:
 * a bare `&` (an unescaped URL query, "Draft & Post") or an HTML entity XML does not know
 * (`&mdash;`). Outside CDATA sections and comments, a `&` that does not start an XML entity
 * or character reference becomes `&amp;`, and a known HTML entity becomes its character.
 * Nothing else is repaired: mismatched or missing tags are still refused by the parser.
 * It works on a stream of text chunks and counts what it changed (reported as a warning).
 */
import { parseDocument } from 'htmlparser2';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
/** Longest reference we look ahead for (`&` + name + `;`). */
const LOOKAHEAD = 40;

function htmlEntity(name: string): string | undefined {
  // htmlparser2 knows the HTML entity table; a lone reference decodes to its character.
  const node = parseDocument(`&${name};`, { decodeEntities: true }).children[0];
  const text = node && node.type === 'text' ? node.data : undefined;
  return text !== undefined && text !== `&${name};` ? text : undefined;
}

function escapeForXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** Repairs bare ampersands chunk by chunk. */
export class AmpersandRepair {
  /** How many `&` were escaped or HTML entities replaced. */
  repairs = 0;
  /** Line of the first repair (1-based), for the warning. */
  firstLine: number | null = null;
  private mode: 'text' | 'cdata' | 'comment' = 'text';
  private carry = '';
  private line = 1;

  /** Repairs a chunk; a few characters may be held back until the next one. */
  push(chunk: string): string {
    return this.run(this.carry + chunk, false);
  }

  /** Repairs what was held back. */
  end(): string {
    return this.run(this.carry, true);
  }

  private run(s: string, final: boolean): string {
    let out = '';
    let i = 0;
    this.carry = '';
    while (i < s.length) {
      if (this.mode === 'cdata' || this.mode === 'comment') {
        const close = this.mode === 'cdata' ? ']]>' : '-->';
        const at = s.indexOf(close, i);
        if (at < 0) {
          // Keep the last characters in case the closing marker is cut between chunks.
          const keep = final ? s.length : Math.max(i, s.length - 2);
          this.count(s, i, keep);
          out += s.slice(i, keep);
          this.carry = s.slice(keep);
          return out;
        }
        this.count(s, i, at + close.length);
        out += s.slice(i, at + close.length);
        i = at + close.length;
        this.mode = 'text';
        continue;
      }
      const next = s.slice(i).search(/[&<]/);
      if (next < 0) {
        this.count(s, i, s.length);
        out += s.slice(i);
        return out;
      }
      const at = i + next;
      this.count(s, i, at);
      out += s.slice(i, at);
      if (!final && s.length - at < LOOKAHEAD) {
        this.carry = s.slice(at);
        return out;
      }
      if (s[at] === '<') {
        if (s.startsWith('<![CDATA[', at)) {
          this.mode = 'cdata';
          out += '<![CDATA[';
          i = at + 9;
        } else if (s.startsWith('<!--', at)) {
          this.mode = 'comment';
          out += '<!--';
          i = at + 4;
        } else {
          out += '<';
          i = at + 1;
        }
        continue;
      }
      const reference = /^&(#[0-9]{1,7};|#x[0-9a-fA-F]{1,6};|([A-Za-z][A-Za-z0-9]{0,31});)/.exec(s.slice(at, at + LOOKAHEAD));
      if (reference && (reference[1]?.startsWith('#') || XML_ENTITIES.has(reference[2] ?? ''))) {
        out += reference[0];
        i = at + reference[0].length;
        continue;
      }
      const decoded = reference?.[2] !== undefined ? htmlEntity(reference[2]) : undefined;
      this.repaired();
      if (decoded !== undefined && reference) {
        out += escapeForXml(decoded);
        i = at + reference[0].length;
      } else {
        out += '&amp;';
        i = at + 1;
      }
    }
    return out;
  }

  private repaired(): void {
    this.repairs++;
    if (this.firstLine === null) this.firstLine = this.line;
  }

  private count(s: string, from: number, to: number): void {
    for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) this.line++;
  }
}
