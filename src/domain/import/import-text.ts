/** Small normalisations of imported values: slugs, old addresses, plain text of HTML snippets. */
import { parseDocument } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
import { isSlug, slugify } from '../slug.js';

/** Decodes percent-escapes when they are valid UTF-8, else keeps the text as it is. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A Dépêche slug from a source slug (percent-encoded UTF-8 in WordPress, "post.html" in old
 * permalinks), falling back on the title, then on a fixed prefix and the source id.
 */
export function importSlug(sourceSlug: string, title: string, fallback: string): string {
  const decoded = safeDecode(sourceSlug.trim()).replace(/\.html?$/i, '');
  if (isSlug(decoded)) return decoded;
  return slugify(decoded) || slugify(title) || slugify(fallback);
}

/**
 * The path part of an old address, normalised so that the same page written with different
 * percent-escapes (or none) gives the same string: decoded, then encoded the way browsers send
 * it. Undefined when there is no path to redirect (the home page, an address that is only a query).
 */
export function oldPath(address: string, baseUrl: string | null): string | undefined {
  let url: URL;
  try {
    url = new URL(address, baseUrl ?? 'http://old.invalid/');
  } catch {
    return undefined;
  }
  const path = normalisePath(url.pathname);
  if (path === '/' || path === '' || path.length > 900) return undefined;
  return path;
}

/** Percent-encoding of a path made canonical (UTF-8, upper-case escapes, reserved characters kept). */
export function normalisePath(path: string): string {
  const decoded = path
    .split('/')
    .map((segment) => safeDecode(segment))
    .map((segment) => encodeURIComponent(segment).replace(/%(?:2[1-9A-C]|3[ABDF]|40)|%7E/g, (escape) => decodeURIComponent(escape)))
    .join('/');
  return decoded.replace(/\/{2,}/g, '/');
}

/** The same path with and without its trailing slash (both answered the old site). */
export function pathVariants(path: string): string[] {
  const bare = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return bare === '/' ? [] : [bare, `${bare}/`];
}

const BREAKING = new Set(['p', 'div', 'blockquote', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'table', 'tr']);

/**
 * The plain text of an HTML snippet (a comment, an excerpt): tags removed, entities decoded,
 * paragraphs as blank lines and `<br>` as line breaks, links' text kept.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const walk = (nodes: readonly ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') out.push(node.data);
      else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        if (node.name === 'script' || node.name === 'style') continue;
        if (node.name === 'br') {
          out.push('\n');
          continue;
        }
        const breaking = BREAKING.has(node.name);
        if (breaking) out.push('\n\n');
        walk(node.children);
        if (breaking) out.push('\n\n');
      } else if (node.type === 'cdata') walk(node.children);
    }
  };
  walk(parseDocument(html).children);
  return out
    .join('')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Text cut to a length on a word boundary, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
