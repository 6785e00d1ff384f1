/**
 * WordPress shortcodes in post content: the ones with an HTML equivalent become HTML
 * ([caption] → figure with its caption, [gallery] → figures of the attachments, [embed],
 * [audio], [video] → the media element, later turned into a link), an escaped `[[x]]` is the
 * literal `[x]`, and anything else that looks like a shortcode stays as text and is reported.
 */
import { escapeHtml } from '../html-escape.js';

/** Attachments of a post (a gallery without ids shows them). */
export type AttachmentsOf = (postId: string) => readonly string[];

/** Parses `a="1" b='2' c=3 d` into a map (WordPress's attribute syntax). */
export function shortcodeAttributes(text: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const pattern = /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|(\S+)/g;
  let n = 0;
  for (const m of text.matchAll(pattern)) {
    if (m[1] !== undefined) attrs.set(m[1].toLowerCase(), m[2] ?? '');
    else if (m[3] !== undefined) attrs.set(m[3].toLowerCase(), m[4] ?? '');
    else if (m[5] !== undefined) attrs.set(m[5].toLowerCase(), m[6] ?? '');
    else attrs.set(String(n++), m[7] ?? m[8] ?? '');
  }
  return attrs;
}

const KNOWN = ['caption', 'wp_caption', 'gallery', 'embed', 'audio', 'video'];
const MEDIA_SOURCE_KEYS = ['src', 'mp3', 'm4a', 'ogg', 'wav', 'wma', 'flac', 'mp4', 'm4v', 'webm', 'ogv', 'wmv', 'flv'];

function caption(attrs: Map<string, string>, content: string): string {
  const imageHtml = /<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i.exec(content)?.[0] ?? '';
  const rest = content.replace(imageHtml, '').trim();
  const text = attrs.get('caption') ?? rest;
  const id = /^attachment_(\d+)$/.exec(attrs.get('id') ?? '')?.[1];
  const image = id !== undefined && !/data-attachment-id=/.test(imageHtml) ? imageHtml.replace(/<img\b/i, `<img data-attachment-id="${id}"`) : imageHtml;
  if (image === '') return text === '' ? '' : `<p>${text}</p>`;
  return `<figure>${image}${text === '' ? '' : `<figcaption>${text}</figcaption>`}</figure>`;
}

function gallery(attrs: Map<string, string>, postId: string, attachmentsOf: AttachmentsOf | undefined): string {
  const listed = attrs.get('ids') ?? attrs.get('include') ?? '';
  const ids = listed !== '' ? listed.split(',').map((s) => s.trim()).filter((s) => /^\d+$/.test(s)) : [...(attachmentsOf?.(postId) ?? [])];
  const excluded = new Set((attrs.get('exclude') ?? '').split(',').map((s) => s.trim()));
  const figures = ids.filter((id) => !excluded.has(id)).map((id) => `<figure><img data-attachment-id="${escapeHtml(id)}" src="" alt=""></figure>`);
  return figures.length === 0 ? '' : `<figure class="gallery">${figures.join('')}</figure>`;
}

function media(name: 'audio' | 'video', attrs: Map<string, string>, content: string): string {
  const src = MEDIA_SOURCE_KEYS.map((k) => attrs.get(k)).find((v) => v !== undefined && v !== '') ?? content.trim();
  return src === '' ? '' : `<${name} src="${escapeHtml(src)}"></${name}>`;
}

function embed(content: string): string {
  const url = content.trim();
  return /^https?:\/\/\S+$/i.test(url) ? `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` : content;
}

/** Whether bracketed text is probably a shortcode (not "[sic]" or "[1]"), for reporting. */
function looksLikeShortcode(name: string, attrs: string, closed: boolean): boolean {
  return closed || attrs.includes('=') || /[_-]/.test(name);
}

/** Replaces the shortcodes of a post's content; unknown ones are kept as text and reported. */
export function convertShortcodes(content: string, options: { postId: string; attachmentsOf?: AttachmentsOf; problems: string[] }): string {
  if (!content.includes('[')) return content;
  const known = KNOWN.join('|');
  // [[x]] escapes, then enclosing or self-closing known shortcodes (not nested in themselves, as in WordPress).
  const pattern = new RegExp(`\\[\\[([^\\[\\]]*)\\]\\]|\\[(${known})\\b([^\\]]*?)\\/?\\](?:([\\s\\S]*?)\\[\\/\\2\\])?`, 'gi');
  const converted = content.replace(pattern, (whole, escaped: string | undefined, name: string | undefined, rawAttrs: string | undefined, inner: string | undefined) => {
    if (escaped !== undefined) return `&#91;${escaped}&#93;`;
    const attrs = shortcodeAttributes(rawAttrs ?? '');
    const body = inner ?? '';
    switch ((name ?? '').toLowerCase()) {
      case 'caption':
      case 'wp_caption':
        return caption(attrs, body);
      case 'gallery':
        return gallery(attrs, options.postId, options.attachmentsOf);
      case 'embed':
        return embed(body);
      case 'audio':
        return media('audio', attrs, body);
      case 'video':
        return media('video', attrs, body);
      default:
        return whole;
    }
  });
  const unknown = new Set<string>();
  for (const m of converted.matchAll(/\[([a-zA-Z][\w-]*)((?:\s[^\]]*)?)\/?\]/g)) {
    const name = m[1] ?? '';
    const closed = converted.includes(`[/${name}]`);
    if (looksLikeShortcode(name, m[2] ?? '', closed)) unknown.add(name);
  }
  for (const name of unknown) options.problems.push(`unknown shortcode [${name}] kept as text`);
  return converted;
}

/** Lines that are only a URL: WordPress shows them as an embed (oEmbed); here, a link. */
export function embedBareUrls(content: string): string {
  return content.replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gim, (_whole, url: string) => `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`);
}
