/**
 * HTML from another CMS → the article document model (`domain/document`). The model is a
 * closed schema: whatever it cannot hold (tables, embeds, scripts, unknown elements, unsafe
 * links) is reported in `problems`, and its text is kept wherever there is text to keep.
 * Parsing is htmlparser2's (tolerant, like a browser, of the HTML real sites hold).
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { ArticleDocument, BlockNode, FigureNode, InlineNode, ListItemNode, Mark } from '../document/document.js';
import { DOCUMENT_LIMITS, isSafeHref, isSafeImageSrc } from '../document/validate-document.js';

/** An image the content points to by attachment id (`<img data-attachment-id>`). */
export interface ImageRef {
  src: string;
  alt: string;
  caption: string;
  /** Media library id when the file was imported. */
  mediaId: number | null;
}

/** What the conversion needs from outside. */
export interface HtmlConversionOptions {
  /** Attachments by source id. */
  images?: ReadonlyMap<string, ImageRef>;
  /** Address of the old site, for relative links and images. */
  baseUrl?: string | null;
}

/** A converted body and what could not be kept as it was. */
export interface HtmlConversion {
  document: ArticleDocument;
  /** One line per kind of problem, with how many times it happened. */
  problems: string[];
}

const MARK_OF: Record<string, Mark['type']> = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', s: 'strike', strike: 'strike', del: 'strike', code: 'code', kbd: 'code', tt: 'code', samp: 'code', var: 'italic' };
/** Wrappers that only group content: their children become blocks of their own. */
const BLOCK_WRAPPERS = new Set(['div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'address', 'details', 'summary', 'center', 'dl', 'dt', 'dd', 'hgroup', 'body', 'html', 'caption', 'fieldset', 'legend', 'picture']);
/** Inline elements whose text is kept without their (meaningless or unrepresentable but minor) formatting. */
const INLINE_TRANSPARENT = new Set(['span', 'font', 'small', 'big', 'abbr', 'acronym', 'cite', 'dfn', 'ins', 'time', 'label', 'bdi', 'bdo', 'wbr', 'data', 'nobr']);
/** Inline formatting the model has no mark for: the text is kept, the formatting reported. */
const INLINE_LOST = new Set(['u', 'sup', 'sub', 'mark', 'q', 'small', 'ruby', 'rt', 'rp']);
const EMBEDS = new Set(['iframe', 'embed', 'object', 'video', 'audio']);
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'form', 'input', 'button', 'select', 'textarea', 'svg', 'math', 'canvas', 'map', 'area', 'link', 'meta', 'head', 'title', 'source', 'track', 'param']);

class Problems {
  private readonly seen = new Map<string, number>();
  add(problem: string): void {
    this.seen.set(problem, (this.seen.get(problem) ?? 0) + 1);
  }
  list(): string[] {
    return [...this.seen].map(([problem, n]) => (n > 1 ? `${problem} (${n}×)` : problem));
  }
}

interface Context {
  options: HtmlConversionOptions;
  problems: Problems;
}

function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

/**
 * An address made absolute against the old site's. Site paths of links are kept as paths: the
 * old permalinks they point to answer here with a redirect once imported.
 */
function resolveUrl(raw: string, baseUrl: string | null | undefined, keepSitePaths: boolean): string {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  if (keepSitePaths && trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
  if (!baseUrl) return trimmed.startsWith('//') ? `https:${trimmed}` : trimmed;
  try {
    return new URL(trimmed, baseUrl).href;
  } catch {
    return trimmed;
  }
}

function dimension(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,5}$/.test(value.trim())) return null;
  const n = Number(value);
  return n >= 1 && n <= 20_000 ? n : null;
}

function cut(text: string, max = DOCUMENT_LIMITS.maxAttrLength): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The visible text of an element, white space folded (captions, table cells). */
function textOf(nodes: readonly ChildNode[]): string {
  let out = '';
  const walk = (list: readonly ChildNode[]) => {
    for (const n of list) {
      if (n.type === 'text') out += n.data;
      else if (n.type === 'tag' && !DROPPED.has(n.name)) {
        if (n.name === 'br') out += ' ';
        else walk(n.children);
      }
    }
  };
  walk(nodes);
  return out.replace(/\s+/g, ' ').trim();
}

function descendants(el: Element, name: string): Element[] {
  const found: Element[] = [];
  const walk = (list: readonly ChildNode[]) => {
    for (const n of list) {
      if (n.type !== 'tag') continue;
      if (n.name === name) found.push(n);
      walk(n.children);
    }
  };
  walk(el.children);
  return found;
}

/** Turns a run of nodes into blocks: inline content gathers into paragraphs. */
class BlockWriter {
  readonly blocks: BlockNode[] = [];
  private inline: InlineNode[] = [];
  private readonly marks: Mark[] = [];

  constructor(private readonly ctx: Context) {}

  write(nodes: readonly ChildNode[]): void {
    for (const node of nodes) this.node(node);
  }

  /** Ends the paragraph being gathered. */
  flush(): void {
    const content = tidy(this.inline);
    this.inline = [];
    if (content.length > 0) this.blocks.push({ type: 'paragraph', content });
  }

  finish(): BlockNode[] {
    this.flush();
    return this.blocks;
  }

  private text(data: string): void {
    let text = data.replace(/[\t\n\r\f ]+/g, ' ');
    if (text === '') return;
    const last = this.inline[this.inline.length - 1];
    // Collapse white space across elements the way a browser shows it.
    if (text.startsWith(' ') && (last === undefined || last.type === 'hardBreak' || last.text.endsWith(' '))) text = text.slice(1);
    if (text === '') return;
    const marks = this.marks.length > 0 ? this.marks.map((m) => ({ ...m })) : undefined;
    if (last !== undefined && last.type === 'text' && JSON.stringify(last.marks ?? null) === JSON.stringify(marks ?? null)) {
      last.text += text;
      return;
    }
    this.inline.push(marks ? { type: 'text', text, marks } : { type: 'text', text });
  }

  private withMark(mark: Mark, children: readonly ChildNode[]): void {
    const replaced = this.marks.findIndex((m) => m.type === mark.type);
    const previous = replaced >= 0 ? this.marks[replaced] : undefined;
    if (replaced >= 0) this.marks[replaced] = mark;
    else this.marks.push(mark);
    this.write(children);
    if (previous !== undefined) this.marks[replaced] = previous;
    else this.marks.splice(this.marks.indexOf(mark), 1);
  }

  private node(node: ChildNode): void {
    if (node.type === 'text') return this.text(node.data);
    if (node.type === 'cdata') return this.write(node.children);
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const el = node;
    const name = el.name.toLowerCase();
    const mark = MARK_OF[name];
    if (mark !== undefined) return this.withMark({ type: mark } as Mark, el.children);
    switch (name) {
      case 'a':
        return this.link(el);
      case 'br':
        this.inline.push({ type: 'hardBreak' });
        return;
      case 'p':
        this.flush();
        this.write(el.children);
        return this.flush();
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        return this.heading(el, name === 'h1' || name === 'h2' ? 2 : name === 'h3' ? 3 : 4);
      case 'blockquote': {
        this.flush();
        const inner = this.sub(el.children);
        if (inner.length > 0) this.blocks.push({ type: 'blockquote', content: inner });
        return;
      }
      case 'ul':
      case 'ol':
        return this.list(el, name);
      case 'hr':
        this.flush();
        this.blocks.push({ type: 'horizontalRule' });
        return;
      case 'img':
        return this.image(el, null);
      case 'figure':
        return this.figure(el);
      case 'figcaption':
        this.flush();
        this.write(el.children);
        return this.flush();
      case 'pre':
        return this.pre(el);
      case 'table':
        return this.table(el);
    }
    if (EMBEDS.has(name)) return this.embed(el);
    if (DROPPED.has(name)) {
      if (name !== 'source' && name !== 'track' && name !== 'param') this.ctx.problems.add(`<${name}> removed`);
      return;
    }
    if (BLOCK_WRAPPERS.has(name)) {
      this.flush();
      this.write(el.children);
      return this.flush();
    }
    if (INLINE_LOST.has(name)) this.ctx.problems.add(`<${name}> formatting not kept (text kept)`);
    else if (!INLINE_TRANSPARENT.has(name)) this.ctx.problems.add(`unknown element <${name}> (text kept)`);
    this.write(el.children);
  }

  /** Converts nodes in a writer of their own (quotes, list items). */
  private sub(nodes: readonly ChildNode[]): BlockNode[] {
    const writer = new BlockWriter(this.ctx);
    writer.write(nodes);
    return writer.finish();
  }

  private link(el: Element): void {
    const raw = attr(el, 'href');
    if (raw === undefined || raw.trim() === '') return this.write(el.children);
    const href = resolveUrl(raw, this.ctx.options.baseUrl, true);
    if (!isSafeHref(href) || href.length > DOCUMENT_LIMITS.maxAttrLength) {
      this.ctx.problems.add('unsafe or malformed link removed (text kept)');
      return this.write(el.children);
    }
    this.withMark({ type: 'link', attrs: { href: href.trim() } }, el.children);
  }

  private heading(el: Element, level: 2 | 3 | 4): void {
    this.flush();
    const inner = this.sub(el.children);
    const [first, ...rest] = inner;
    if (first?.type === 'paragraph' && first.content) this.blocks.push({ type: 'heading', attrs: { level }, content: first.content });
    else if (first) this.blocks.push(first);
    this.blocks.push(...rest);
  }

  private list(el: Element, name: 'ul' | 'ol'): void {
    this.flush();
    const items: ListItemNode[] = [];
    let stray: ChildNode[] = [];
    const addStray = () => {
      const content = this.sub(stray);
      stray = [];
      if (content.length > 0) items.push({ type: 'listItem', content });
    };
    for (const child of el.children) {
      if (child.type === 'tag' && child.name === 'li') {
        addStray();
        const content = this.sub(child.children);
        items.push({ type: 'listItem', content: content.length > 0 ? content : [{ type: 'paragraph' }] });
      } else if (child.type === 'tag' || (child.type === 'text' && child.data.trim() !== '')) {
        stray.push(child);
      }
    }
    addStray();
    if (items.length === 0) return;
    if (name === 'ul') {
      this.blocks.push({ type: 'bulletList', content: items });
      return;
    }
    const start = Number(attr(el, 'start'));
    this.blocks.push(Number.isInteger(start) && start >= 0 && start !== 1 && start <= 1_000_000 ? { type: 'orderedList', attrs: { start }, content: items } : { type: 'orderedList', content: items });
  }

  /** An image, as a figure of its own (the model has no inline images). */
  private image(el: Element, caption: string | null): void {
    this.flush();
    const figure = this.figureNode(el, caption);
    if (figure) this.blocks.push(figure);
  }

  private figureNode(el: Element, caption: string | null): FigureNode | null {
    const { images, baseUrl } = this.ctx.options;
    const attachmentId = attr(el, 'data-attachment-id');
    const ref = attachmentId !== undefined ? images?.get(attachmentId) : undefined;
    const rawSrc = attr(el, 'src') ?? '';
    const src = ref?.src ?? resolveUrl(rawSrc, baseUrl, false);
    if (src === '' || !isSafeImageSrc(src) || src.length > DOCUMENT_LIMITS.maxAttrLength) {
      this.ctx.problems.add(src === '' ? 'image without an address removed' : 'image with an unusable address removed');
      return null;
    }
    if (this.marks.some((m) => m.type === 'link')) this.ctx.problems.add('link around an image not kept');
    const alt = attr(el, 'alt') ?? ref?.alt ?? '';
    const text = caption ?? (ref?.caption || null);
    return {
      type: 'figure',
      attrs: {
        mediaId: ref?.mediaId ?? null,
        src,
        alt: cut(alt.trim()),
        width: ref?.mediaId ? null : dimension(attr(el, 'width')),
        height: ref?.mediaId ? null : dimension(attr(el, 'height')),
        caption: text ? cut(text) : null,
        credit: null,
      },
    };
  }

  private figure(el: Element): void {
    const imgs = descendants(el, 'img');
    if (imgs.length === 1 && descendants(el, 'figure').length === 0) {
      const caption = el.children.find((c): c is Element => c.type === 'tag' && c.name === 'figcaption');
      // Text beside the image (not in the caption) is kept as paragraphs after it.
      const others = el.children.filter((c) => c !== caption && !(c.type === 'tag' && (c.name === 'img' || descendants(c, 'img').length > 0)));
      this.image(imgs[0]!, caption ? textOf(caption.children) || null : null);
      this.write(others);
      return this.flush();
    }
    // A gallery (figures in a figure) or a figure without an image (embed, quote, table).
    this.flush();
    this.write(el.children);
    this.flush();
  }

  private pre(el: Element): void {
    this.flush();
    this.ctx.problems.add('preformatted block kept as code text');
    const text = textWithBreaks(el.children).replace(/\r\n?/g, '\n').replace(/^\n|\n$/g, '');
    const content: InlineNode[] = [];
    text.split('\n').forEach((line, i) => {
      if (i > 0) content.push({ type: 'hardBreak' });
      if (line !== '') content.push({ type: 'text', text: line, marks: [{ type: 'code' }] });
    });
    if (content.some((n) => n.type === 'text')) this.blocks.push({ type: 'paragraph', content });
  }

  private table(el: Element): void {
    this.flush();
    this.ctx.problems.add('table converted to text, one paragraph per row');
    for (const row of descendants(el, 'tr')) {
      const cells = row.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th')).map((c) => textOf(c.children));
      const line = cells.filter((c) => c !== '').join(' | ');
      if (line !== '') this.blocks.push({ type: 'paragraph', content: [{ type: 'text', text: line }] });
    }
    const caption = el.children.find((c): c is Element => c.type === 'tag' && c.name === 'caption');
    if (caption && textOf(caption.children) !== '') this.blocks.push({ type: 'paragraph', content: [{ type: 'text', text: textOf(caption.children) }] });
  }

  private embed(el: Element): void {
    this.flush();
    const sourceEl = el.name === 'video' || el.name === 'audio' ? descendants(el, 'source')[0] : undefined;
    const raw = attr(el, 'src') ?? attr(el, 'data') ?? (sourceEl ? attr(sourceEl, 'src') : undefined) ?? '';
    const href = resolveUrl(raw, this.ctx.options.baseUrl, false);
    if (raw !== '' && isSafeHref(href) && /^https?:/i.test(href) && href.length <= DOCUMENT_LIMITS.maxAttrLength) {
      this.ctx.problems.add(`<${el.name}> replaced by a link to its address`);
      this.blocks.push({ type: 'paragraph', content: [{ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }] });
    } else {
      this.ctx.problems.add(`<${el.name}> without a usable address removed`);
    }
  }
}

function textWithBreaks(nodes: readonly ChildNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += n.data;
    else if (n.type === 'tag') out += n.name === 'br' ? '\n' : textWithBreaks(n.children);
  }
  return out;
}

/** Trims a paragraph's edges and drops what would be empty. */
function tidy(content: InlineNode[]): InlineNode[] {
  const list = [...content];
  while (list[0]?.type === 'hardBreak') list.shift();
  while (list[list.length - 1]?.type === 'hardBreak') list.pop();
  const first = list[0];
  if (first?.type === 'text') first.text = first.text.replace(/^\s+/, '');
  const last = list[list.length - 1];
  if (last?.type === 'text') last.text = last.text.replace(/\s+$/, '');
  const kept = list.filter((n, i) => {
    if (n.type === 'text') return n.text !== '';
    // A break next to another or at an edge after trimming adds nothing visible twice.
    return i > 0;
  });
  for (let i = 0; i < kept.length; i++) {
    const n = kept[i]!;
    const next = kept[i + 1];
    if (n.type === 'hardBreak' && next?.type === 'text') next.text = next.text.replace(/^ /, '') || next.text;
  }
  const clean = kept.filter((n) => n.type !== 'text' || n.text !== '');
  while (clean[clean.length - 1]?.type === 'hardBreak') clean.pop();
  return clean.some((n) => n.type === 'text') ? clean : [];
}

/** Converts an HTML body into a document, reporting what the model cannot hold. */
export function htmlToDocument(html: string, options: HtmlConversionOptions = {}): HtmlConversion {
  const ctx: Context = { options, problems: new Problems() };
  const dom = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true });
  const writer = new BlockWriter(ctx);
  writer.write(dom.children);
  return { document: { type: 'doc', content: writer.finish() }, problems: ctx.problems.list() };
}
