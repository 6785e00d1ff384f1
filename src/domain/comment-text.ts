/**
 * Comment text is plain text: these rules normalise what readers type and cut it into
 * paragraphs, lines and links. Nothing here produces HTML; views turn the pieces into
 * escaped JSX nodes.
 */
import { find } from 'linkifyjs';

/** Control characters that have no business in a comment (tab and newline are kept). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** The text of a comment as it is stored: NFC, `\n` line ends, no control characters, trimmed. */
export function normaliseCommentText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A single-line field (name): white space folded, no control characters. */
export function normaliseLine(raw: string): string {
  return raw.normalize('NFC').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/** A piece of a line: plain text or a link to an http(s) address. */
export type TextPiece = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/** The http(s) address a detected link points to, normalised, or undefined if it must not be a link. */
function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Lines already cut, by text: every view of an article page cuts the same comments again. */
const cutLines = new Map<string, readonly TextPiece[]>();
/** Bound on remembered lines; a full memo simply starts over. */
const MAX_CUT_LINES = 5_000;

/**
 * Cuts a line into text and links. Detection is linkifyjs's (a maintained tokenizer that
 * knows top-level domains and trailing punctuation); only http(s) targets become links.
 * Remembered (the tokenizer was a few percent of an article page's time); the pieces are frozen.
 */
export function linkPieces(line: string): readonly TextPiece[] {
  let pieces = cutLines.get(line);
  if (pieces === undefined) {
    if (cutLines.size >= MAX_CUT_LINES) cutLines.clear();
    pieces = Object.freeze(cutLine(line).map((piece) => Object.freeze(piece)));
    cutLines.set(line, pieces);
  }
  return pieces;
}

function cutLine(line: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of find(line, 'url')) {
    const href = safeHref(match.href);
    if (href === undefined) continue;
    if (match.start > at) pieces.push({ kind: 'text', text: line.slice(at, match.start) });
    pieces.push({ kind: 'link', text: line.slice(match.start, match.end), href });
    at = match.end;
  }
  if (at < line.length) pieces.push({ kind: 'text', text: line.slice(at) });
  return pieces;
}

/** How many links readers would see in a text. */
export function countLinks(text: string): number {
  return find(text, 'url').filter((m) => safeHref(m.href) !== undefined).length;
}

/** Paragraphs (split on blank lines), each a list of lines. */
export function paragraphs(text: string): string[][] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.split('\n'))
    .filter((lines) => lines.some((l) => l.trim() !== ''));
}

/** A commenter's website: an absolute http(s) URL, normalised; undefined when invalid. */
export function normaliseWebsite(raw: string): string | undefined {
  const value = raw.trim();
  if (value === '') return '';
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  if (/[\s<>"'`\\]/.test(withScheme)) return undefined;
  const href = safeHref(withScheme);
  if (href === undefined) return undefined;
  const host = new URL(href).hostname;
  // A host without a dot ("localhost", "x") is not a public website.
  return host.includes('.') ? href : undefined;
}
