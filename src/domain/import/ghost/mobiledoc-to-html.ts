/**
 * Ghost 1–4's mobiledoc documents → HTML, for the HTML → document converter: markup sections
 * (paragraphs, headings, quotes), lists, images and Ghost's cards (Markdown through `marked`,
 * images, galleries, HTML, code, embeds and bookmarks as links). Unknown cards are reported.
 */
import { ConversionProblems, esc, figureHtml, str } from './html-out.js';
import { markdownCard } from './markdown-card.js';

/** The HTML of a mobiledoc and what could not be converted. */
export interface MobiledocConversion {
  html: string;
  problems: string[];
}

type Json = unknown;

const SECTION_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'aside', 'pull-quote']);
const MARKUP_TAGS = new Set(['b', 'strong', 'i', 'em', 'a', 's', 'u', 'code', 'sub', 'sup']);

function record(value: Json): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function list(value: Json): unknown[] {
  return Array.isArray(value) ? value : [];
}

class MobiledocWriter {
  readonly problems = new ConversionProblems();
  private readonly markups: Array<{ tag: string; attrs: string }>;
  private readonly atoms: unknown[];
  private readonly cards: unknown[];

  constructor(doc: Record<string, unknown>) {
    this.markups = list(doc.markups).map((m) => {
      const [tag, attrs] = list(m);
      const name = str(tag).toLowerCase();
      if (!MARKUP_TAGS.has(name)) {
        this.problems.add(`unknown markup <${name.slice(0, 20)}> left out`);
        return { tag: '', attrs: '' };
      }
      const pairs = list(attrs);
      let attributes = '';
      for (let i = 0; i + 1 < pairs.length; i += 2) if (str(pairs[i]) === 'href') attributes += ` href="${esc(str(pairs[i + 1]))}"`;
      return { tag: name, attrs: attributes };
    });
    this.atoms = list(doc.atoms);
    this.cards = list(doc.cards);
  }

  /** Text markers with their markups opened and closed in order. */
  markers(markers: unknown[]): string {
    let html = '';
    const open: string[] = [];
    for (const raw of markers) {
      const marker = list(raw);
      // 0.3: [type, opened, closedCount, value]; 0.2: [opened, closedCount, text].
      const [type, opened, closed, value] = marker.length >= 4 ? marker : [0, ...marker];
      for (const index of list(opened)) {
        const markup = typeof index === 'number' ? this.markups[index] : undefined;
        html += markup && markup.tag ? `<${markup.tag}${markup.attrs}>` : '';
        open.push(markup?.tag ?? '');
      }
      html += type === 1 ? this.atom(value) : esc(str(value));
      const count = typeof closed === 'number' ? closed : 0;
      for (let i = 0; i < count && open.length > 0; i++) {
        const tag = open.pop();
        if (tag) html += `</${tag}>`;
      }
    }
    while (open.length > 0) {
      const tag = open.pop();
      if (tag) html += `</${tag}>`;
    }
    return html;
  }

  private atom(index: unknown): string {
    const [name, text] = list(typeof index === 'number' ? this.atoms[index] : undefined);
    if (name === 'soft-return') return '<br>';
    if (str(text) !== '') return esc(str(text));
    this.problems.add(`unknown atom "${str(name).slice(0, 40)}" left out`);
    return '';
  }

  section(raw: unknown): string {
    const section = list(raw);
    switch (section[0]) {
      case 1: {
        const tag = str(section[1]).toLowerCase();
        const inner = this.markers(list(section[2]));
        if (!SECTION_TAGS.has(tag)) {
          this.problems.add(`unknown section <${tag.slice(0, 20)}> kept as a paragraph`);
          return `<p>${inner}</p>`;
        }
        if (tag === 'blockquote' || tag === 'aside' || tag === 'pull-quote') return `<blockquote><p>${inner}</p></blockquote>`;
        return `<${tag}>${inner}</${tag}>`;
      }
      case 2:
        return figureHtml(str(section[1]), '', '');
      case 3: {
        const tag = str(section[1]).toLowerCase() === 'ol' ? 'ol' : 'ul';
        return `<${tag}>${list(section[2])
          .map((item) => `<li>${this.markers(list(item))}</li>`)
          .join('')}</${tag}>`;
      }
      case 10:
        return this.card(typeof section[1] === 'number' ? this.cards[section[1]] : undefined);
      default:
        this.problems.add('unknown mobiledoc section left out');
        return '';
    }
  }

  private card(raw: unknown): string {
    const [rawName, rawPayload] = list(raw);
    const name = str(rawName);
    const payload = record(rawPayload);
    switch (name) {
      case 'markdown':
      case 'card-markdown':
        return markdownCard(str(payload.markdown), this.problems);
      case 'image':
        return figureHtml(str(payload.src), str(payload.alt), str(payload.caption));
      case 'gallery':
        return list(payload.images)
          .map((image) => record(image))
          .map((image) => figureHtml(str(image.src), str(image.alt), str(image.caption)))
          .join('');
      case 'html':
        return str(payload.html);
      case 'hr':
        return '<hr>';
      case 'code':
        return `<pre><code>${esc(str(payload.code))}</code></pre>`;
      case 'embed':
      case 'bookmark': {
        const url = str(payload.url);
        const metadata = record(payload.metadata);
        if (name === 'embed') this.problems.add('embed card replaced by a link');
        return url !== '' ? `<p><a href="${esc(url)}">${esc(str(metadata.title) || url)}</a></p>` : '';
      }
      case 'callout':
        return `<blockquote><p>${str(payload.calloutText)}</p></blockquote>`;
      case 'toggle':
        return `<h3>${str(payload.heading)}</h3><p>${str(payload.content)}</p>`;
      case 'button':
        return str(payload.buttonUrl) ? `<p><a href="${esc(str(payload.buttonUrl))}">${esc(str(payload.buttonText) || str(payload.buttonUrl))}</a></p>` : '';
      case 'header':
        return `<h2>${str(payload.header)}</h2>${str(payload.subheader) ? `<p>${str(payload.subheader)}</p>` : ''}`;
      case 'video':
      case 'audio':
      case 'file': {
        const src = str(payload.src);
        this.problems.add(`${name} card replaced by a link to the file`);
        return src !== '' ? `<p><a href="${esc(src)}">${esc(str(payload.fileTitle) || str(payload.title) || src)}</a></p>` : '';
      }
      case 'paywall':
      case 'email':
      case 'email-cta':
      case 'signup':
        this.problems.add(`members-only "${name}" card removed`);
        return '';
      default:
        this.problems.add(`unknown card "${name.slice(0, 40) || '?'}" left out`);
        return '';
    }
  }
}

/** Converts a mobiledoc (parsed or as the JSON text Ghost stores) to HTML. */
export function mobiledocToHtml(mobiledoc: unknown): MobiledocConversion {
  let doc: unknown = mobiledoc;
  if (typeof mobiledoc === 'string') {
    try {
      doc = JSON.parse(mobiledoc) as unknown;
    } catch {
      return { html: '', problems: ['the mobiledoc content is not valid JSON: body left empty'] };
    }
  }
  const parsed = record(doc);
  if (!Array.isArray(parsed.sections)) return { html: '', problems: ['the mobiledoc content has no sections: body left empty'] };
  const writer = new MobiledocWriter(parsed);
  const html = parsed.sections.map((s) => writer.section(s)).join('');
  return { html, problems: writer.problems.list() };
}
