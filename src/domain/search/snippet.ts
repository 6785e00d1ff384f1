/**
 * Highlighted extracts for search results: the part of a text with the most query terms,
 * cut at word boundaries, as segments (the view escapes them and wraps highlights in <mark>).
 */
import { analyzeFrench } from '../text/french-analyzer.js';

/** A piece of text, highlighted or not. */
export interface TextSegment {
  text: string;
  highlight: boolean;
}

/** The whole text, with words whose term is in `terms` highlighted. */
export function highlightText(text: string, terms: ReadonlySet<string>): TextSegment[] {
  return segmentsOf(text, 0, text.length, terms);
}

function segmentsOf(text: string, from: number, to: number, terms: ReadonlySet<string>): TextSegment[] {
  const segments: TextSegment[] = [];
  let cursor = from;
  for (const token of analyzeFrench(text.slice(from, to))) {
    if (!terms.has(token.term)) continue;
    const start = from + token.start;
    const end = from + token.end;
    if (start > cursor) segments.push({ text: text.slice(cursor, start), highlight: false });
    segments.push({ text: text.slice(start, end), highlight: true });
    cursor = end;
  }
  if (cursor < to) segments.push({ text: text.slice(cursor, to), highlight: false });
  return segments;
}

/**
 * About `length` characters of `text` around its best cluster of matches (most distinct terms,
 * then most matches), with "…" where it was cut. Without any match: the start of the text.
 */
export function buildSnippet(text: string, terms: ReadonlySet<string>, length = 220): TextSegment[] {
  // Blocks of the body (paragraphs, subheadings) are joined by a dash, so sentences stay apart.
  const clean = text.replace(/\s*\n\s*\n\s*/g, ' — ').replace(/\s+/g, ' ').trim();
  if (clean.length <= length) return segmentsOf(clean, 0, clean.length, terms);
  const hits = analyzeFrench(clean).filter((t) => terms.has(t.term));
  let bestStart = 0;
  if (hits.length > 0) {
    let best = { distinct: -1, count: -1 };
    for (let i = 0; i < hits.length; i++) {
      const windowEnd = (hits[i]?.start ?? 0) + length * 0.8;
      const inWindow = hits.slice(i).filter((h) => h.end <= windowEnd);
      const distinct = new Set(inWindow.map((h) => h.term)).size;
      if (distinct > best.distinct || (distinct === best.distinct && inWindow.length > best.count)) {
        best = { distinct, count: inWindow.length };
        bestStart = hits[i]?.start ?? 0;
      }
    }
    // Some context before the first match, starting at a word.
    bestStart = Math.max(0, bestStart - Math.round(length * 0.2));
  }
  let start = bestStart === 0 ? 0 : clean.indexOf(' ', bestStart) + 1;
  if (start <= 0 || start >= clean.length) start = bestStart;
  let end = Math.min(clean.length, start + length);
  if (end < clean.length) {
    const space = clean.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const segments = segmentsOf(clean, start, end, terms);
  if (start > 0) segments.unshift({ text: '… ', highlight: false });
  if (end < clean.length) segments.push({ text: ' …', highlight: false });
  return segments;
}
