/**
 * Renders a validated article body to semantic HTML. Every text and attribute goes
 * through `escapeHtml`; node types come from the closed schema, so nothing raw passes.
 */
import { escapeHtml } from '../html-escape.js';
import { slugify } from '../slug.js';
import type { TypographyMode } from '../text/french-typography.js';
import { typesetHtml } from '../text/typography-html.js';
import type { ArticleDocument, BlockNode, FigureNode, InlineNode, Mark } from './document.js';
import { isSafeHref } from './validate-document.js';

/** The renditions of a media library image, for a responsive `<picture>`. */
export interface ResponsiveImage {
  src: string;
  width: number;
  height: number;
  /** JPEG renditions ("url 480w, …"). */
  srcset: string;
  /** AVIF and WebP renditions. */
  sources: ReadonlyArray<{ type: string; srcset: string }>;
}

/** Options of {@link renderDocument}. */
export interface RenderOptions {
  /** Site origin, to tell internal links (no rel) from external ones. */
  siteOrigin?: string;
  /** French typography on the text (never on code, URLs or attributes); off by default. */
  typography?: TypographyMode;
  /** Renditions of the media library images the body's figures point to (by media id). */
  images?: ReadonlyMap<number, ResponsiveImage>;
  /** Load the first figure at once (when it is the first image of the page: no featured image). */
  eagerFirstFigure?: boolean;
}

/** How wide a body figure is shown, for `sizes`. */
const FIGURE_SIZES = '(min-width: 48em) 46rem, 100vw';

interface RenderState {
  options: RenderOptions;
  headingIds: Set<string>;
  figures: number;
}

function openMark(mark: Mark, state: RenderState): string {
  switch (mark.type) {
    case 'bold':
      return '<strong>';
    case 'italic':
      return '<em>';
    case 'strike':
      return '<s>';
    case 'code':
      return '<code>';
    case 'link': {
      const href = mark.attrs.href;
      if (!isSafeHref(href)) return '<span>';
      const external = /^https?:/i.test(href) && (state.options.siteOrigin === undefined || !href.startsWith(state.options.siteOrigin));
      return `<a href="${escapeHtml(href)}"${external ? ' rel="noopener"' : ''}>`;
    }
  }
}

function closeMark(mark: Mark): string {
  switch (mark.type) {
    case 'bold':
      return '</strong>';
    case 'italic':
      return '</em>';
    case 'strike':
      return '</s>';
    case 'code':
      return '</code>';
    case 'link':
      return isSafeHref(mark.attrs.href) ? '</a>' : '</span>';
  }
}

function renderInline(nodes: readonly InlineNode[] | undefined, state: RenderState): string {
  if (nodes === undefined) return '';
  let html = '';
  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      html += '<br>';
      continue;
    }
    const marks = node.marks ?? [];
    // Links outermost so a link spanning bold text stays one element per run.
    const ordered = [...marks].sort((a, b) => (a.type === 'link' ? -1 : b.type === 'link' ? 1 : 0));
    html += ordered.map((m) => openMark(m, state)).join('') + escapeHtml(node.text) + ordered.reverse().map(closeMark).join('');
  }
  return html;
}

function inlineText(nodes: readonly InlineNode[] | undefined): string {
  return (nodes ?? []).map((n) => (n.type === 'text' ? n.text : ' ')).join('');
}

function headingId(nodes: readonly InlineNode[] | undefined, state: RenderState): string {
  const base = slugify(inlineText(nodes), 60) || 'section';
  let id = base;
  for (let n = 2; state.headingIds.has(id); n++) id = `${base}-${n}`;
  state.headingIds.add(id);
  return id;
}

function renderFigure(node: FigureNode, state: RenderState): string {
  const { src, alt, width, height, caption, credit, mediaId } = node.attrs;
  const eager = state.figures === 0 && state.options.eagerFirstFigure === true;
  state.figures++;
  const loading = eager ? ' loading="eager" fetchpriority="high"' : ' loading="lazy" decoding="async"';
  const image = mediaId != null ? state.options.images?.get(mediaId) : undefined;
  let html = '<figure class="body-figure">';
  if (image) {
    // A library image: every rendition, its intrinsic size (no layout shift), the browser picks.
    const sizes = escapeHtml(FIGURE_SIZES);
    html += '<picture>';
    for (const source of image.sources) html += `<source type="${escapeHtml(source.type)}" srcset="${escapeHtml(source.srcset)}" sizes="${sizes}">`;
    html += `<img src="${escapeHtml(image.src)}"${image.srcset ? ` srcset="${escapeHtml(image.srcset)}" sizes="${sizes}"` : ''} width="${image.width}" height="${image.height}" alt="${escapeHtml(alt)}"${loading}></picture>`;
  } else {
    const size = width && height ? ` width="${width}" height="${height}"` : '';
    html += `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${size}${loading}>`;
  }
  if (caption || credit) {
    html += '<figcaption>';
    if (caption) html += escapeHtml(caption);
    if (credit) html += `${caption ? ' ' : ''}<span class="credit">${escapeHtml(credit)}</span>`;
    html += '</figcaption>';
  }
  return `${html}</figure>`;
}

function renderBlocks(nodes: readonly BlockNode[], state: RenderState): string {
  let html = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
        // Empty paragraphs are editor artefacts; they carry no meaning for readers.
        if (node.content !== undefined && node.content.length > 0) html += `<p>${renderInline(node.content, state)}</p>`;
        break;
      case 'heading': {
        const tag = `h${node.attrs.level}`;
        html += `<${tag} id="${headingId(node.content, state)}">${renderInline(node.content, state)}</${tag}>`;
        break;
      }
      case 'blockquote':
        html += `<blockquote>${renderBlocks(node.content, state)}</blockquote>`;
        break;
      case 'bulletList':
        html += `<ul>${node.content.map((item) => `<li>${renderListItem(item.content, state)}</li>`).join('')}</ul>`;
        break;
      case 'orderedList': {
        const start = node.attrs?.start;
        html += `<ol${start !== undefined && start !== 1 ? ` start="${start}"` : ''}>${node.content.map((item) => `<li>${renderListItem(item.content, state)}</li>`).join('')}</ol>`;
        break;
      }
      case 'horizontalRule':
        html += '<hr>';
        break;
      case 'figure':
        html += renderFigure(node, state);
        break;
    }
  }
  return html;
}

/** A list item holding one paragraph renders tight, without a <p>. */
function renderListItem(content: readonly BlockNode[], state: RenderState): string {
  const [first] = content;
  if (content.length === 1 && first?.type === 'paragraph') return renderInline(first.content, state);
  return renderBlocks(content, state);
}

/** Renders a (validated) article body to HTML. */
export function renderDocument(doc: ArticleDocument, options: RenderOptions = {}): string {
  return typesetHtml(renderBlocks(doc.content, { options, headingIds: new Set(), figures: 0 }), options.typography ?? 'off');
}

/** The media library ids the body's figures point to. */
export function figureMediaIds(doc: ArticleDocument): number[] {
  const ids = new Set<number>();
  const walk = (nodes: readonly BlockNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'figure' && node.attrs.mediaId != null) ids.add(node.attrs.mediaId);
      else if (node.type === 'blockquote') walk(node.content);
      else if (node.type === 'bulletList' || node.type === 'orderedList') for (const item of node.content) walk(item.content);
    }
  };
  walk(doc.content);
  return [...ids];
}

/** The plain text of a body, blocks separated by blank lines (excerpts, search, word counts). */
export function documentText(doc: ArticleDocument): string {
  const out: string[] = [];
  const walk = (nodes: readonly BlockNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'paragraph' || node.type === 'heading') out.push(inlineText(node.content));
      else if (node.type === 'blockquote') walk(node.content);
      else if (node.type === 'bulletList' || node.type === 'orderedList') for (const item of node.content) walk(item.content);
      else if (node.type === 'figure' && node.attrs.caption) out.push(node.attrs.caption);
    }
  };
  walk(doc.content);
  return out.filter((t) => t.trim() !== '').join('\n\n');
}
