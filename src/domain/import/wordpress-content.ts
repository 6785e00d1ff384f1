/**
 * WordPress post content → plain HTML ready for `htmlToDocument`: block-editor delimiters
 * (`<!-- wp:name {attrs} -->`) are removed and their inner HTML kept, blocks that have no
 * HTML (dynamic blocks: latest posts, query loops…) are reported; shortcodes are converted;
 * classic-editor text gets its paragraphs (autop); `wp-image-N` classes point images at
 * their attachment (`data-attachment-id`), so the importer can use the library copy.
 */
import { escapeHtml } from '../html-escape.js';
import { autop } from './wordpress-autop.js';
import { convertShortcodes, embedBareUrls, type AttachmentsOf } from './wordpress-shortcodes.js';

/** Content ready for the document converter, and what could not be kept. */
export interface WordPressContent {
  html: string;
  problems: string[];
}

/** Blocks without inner HTML that are only layout: dropped without a word. */
const SILENT_BLOCKS = new Set(['more', 'nextpage', 'spacer', 'separator', 'column', 'columns', 'group', 'buttons', 'list-item']);

const BLOCK_COMMENT = /<!--\s+(\/)?wp:([a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)?)(\s+(\{[\s\S]*?\}))?\s+(\/)?-->/g;

function embedUrl(attrs: string | undefined): string | undefined {
  if (!attrs) return undefined;
  try {
    const value = (JSON.parse(attrs) as { url?: unknown }).url;
    return typeof value === 'string' && /^https?:\/\//i.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Removes block delimiters; embeds become links, blocks without HTML are reported. */
function stripBlocks(content: string, problems: string[]): string {
  const dropped = new Map<string, number>();
  let out = '';
  let at = 0;
  let skipUntil: string | null = null;
  for (const m of content.matchAll(BLOCK_COMMENT)) {
    const [whole, closing, rawName, , attrs, selfClosing] = m;
    const name = (rawName ?? '').replace(/^core\//, '');
    const index = m.index ?? 0;
    if (skipUntil === null) out += content.slice(at, index);
    at = index + whole.length;
    if (skipUntil !== null) {
      if (closing && name === skipUntil) skipUntil = null;
      continue;
    }
    if (closing) continue;
    const isEmbed = name === 'embed' || name.startsWith('core-embed/');
    if (isEmbed) {
      const url = embedUrl(attrs);
      if (url) out += `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`;
      else dropped.set(name, (dropped.get(name) ?? 0) + 1);
      // The embed's own markup (a wrapper holding the bare URL) is replaced by the link.
      if (!selfClosing) skipUntil = name;
      continue;
    }
    if (selfClosing && !SILENT_BLOCKS.has(name)) dropped.set(name, (dropped.get(name) ?? 0) + 1);
  }
  if (skipUntil === null) out += content.slice(at);
  for (const [name, n] of dropped) problems.push(`block wp:${name} has no HTML equivalent: left out${n > 1 ? ` (${n}×)` : ''}`);
  return out;
}

/** Points `<img class="wp-image-N">` at attachment N. */
function markAttachments(html: string): string {
  return html.replace(/<img\b[^>]*>/gi, (tag) => {
    if (/data-attachment-id=/i.test(tag)) return tag;
    const id = /class\s*=\s*["'][^"']*\bwp-image-(\d+)\b/i.exec(tag)?.[1];
    return id === undefined ? tag : tag.replace(/^<img\b/i, `<img data-attachment-id="${id}"`);
  });
}

/** Converts a post's `content:encoded`. */
export function convertWordPressContent(content: string, options: { postId: string; attachmentsOf?: AttachmentsOf }): WordPressContent {
  const problems: string[] = [];
  const blocks = /<!--\s+wp:/.test(content);
  // The "read more" and page-break markers are not content.
  let html = content.replace(/<!--\s*(?:more|nextpage|noteaser)\b[^>]*-->/gi, '');
  if (blocks) html = stripBlocks(html, problems);
  html = convertShortcodes(html, { postId: options.postId, ...(options.attachmentsOf ? { attachmentsOf: options.attachmentsOf } : {}), problems });
  // WordPress adds paragraphs only to classic-editor posts; block markup has its own.
  if (!blocks) html = autop(embedBareUrls(html));
  return { html: markAttachments(html), problems };
}
