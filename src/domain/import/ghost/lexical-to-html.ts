/**
 * Ghost 5's Lexical editor state → HTML, for the HTML → document converter. Text, headings,
 * lists, quotes, links and images map one to one; Ghost's cards become figures, links or
 * paragraphs; members-only cards (signup, paywall, email) are dropped. Every node type not
 * handled is reported (with its text kept when it has any).
 */
import { ConversionProblems, esc, figureHtml, str } from './html-out.js';
import { markdownCard } from './markdown-card.js';

type LexicalNode = Record<string, unknown>;

/** The HTML of a Lexical document and what could not be converted. */
export interface LexicalConversion {
  html: string;
  problems: string[];
}

/** Lexical's text format bits, outermost first. */
const FORMATS: ReadonlyArray<[bit: number, open: string, close: string]> = [
  [1, '<strong>', '</strong>'],
  [2, '<em>', '</em>'],
  [4, '<s>', '</s>'],
  [16, '<code>', '</code>'],
  [8, '<u>', '</u>'],
  [32, '<sub>', '</sub>'],
  [64, '<sup>', '</sup>'],
  [128, '<mark>', '</mark>'],
];

function isNode(value: unknown): value is LexicalNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function children(node: LexicalNode): LexicalNode[] {
  return Array.isArray(node.children) ? node.children.filter(isNode) : [];
}

class LexicalWriter {
  readonly problems = new ConversionProblems();

  nodes(list: readonly LexicalNode[]): string {
    return list.map((n) => this.node(n)).join('');
  }

  private text(node: LexicalNode): string {
    const format = typeof node.format === 'number' ? node.format : 0;
    let html = esc(str(node.text));
    for (const [bit, open, close] of [...FORMATS].reverse()) if (format & bit) html = `${open}${html}${close}`;
    return html;
  }

  private node(node: LexicalNode): string {
    const type = str(node.type);
    switch (type) {
      case 'root':
        return this.nodes(children(node));
      case 'paragraph':
        return `<p>${this.nodes(children(node))}</p>`;
      case 'heading':
      case 'extended-heading': {
        const tag = /^h[1-6]$/.test(str(node.tag)) ? str(node.tag) : 'h2';
        return `<${tag}>${this.nodes(children(node))}</${tag}>`;
      }
      case 'quote':
      case 'extended-quote':
      case 'aside':
        return `<blockquote><p>${this.nodes(children(node))}</p></blockquote>`;
      case 'list': {
        const ordered = node.listType === 'number' || node.tag === 'ol';
        const start = typeof node.start === 'number' && node.start !== 1 ? ` start="${node.start}"` : '';
        if (node.listType === 'check') this.problems.add('checklist kept as a bulleted list');
        return ordered ? `<ol${start}>${this.nodes(children(node))}</ol>` : `<ul>${this.nodes(children(node))}</ul>`;
      }
      case 'listitem':
        return `<li>${this.nodes(children(node))}</li>`;
      case 'text':
      case 'extended-text':
        return this.text(node);
      case 'link':
      case 'autolink':
        return `<a href="${esc(str(node.url))}">${this.nodes(children(node))}</a>`;
      case 'linebreak':
        return '<br>';
      case 'tab':
        return ' ';
      case 'horizontalrule':
        return '<hr>';
      case 'image':
        return figureHtml(str(node.src), str(node.alt) || str(node.altText), str(node.caption));
      case 'gallery': {
        const images = Array.isArray(node.images) ? node.images.filter(isNode) : [];
        return images.map((image) => figureHtml(str(image.src), str(image.alt), str(image.caption))).join('') + (str(node.caption) ? `<p>${str(node.caption)}</p>` : '');
      }
      case 'codeblock':
        return `<pre><code>${esc(str(node.code))}</code></pre>`;
      case 'markdown':
        return markdownCard(str(node.markdown), this.problems);
      case 'html':
        return str(node.html);
      case 'embed': {
        const url = str(node.url);
        this.problems.add(`${str(node.embedType) || 'embed'} card replaced by a link`);
        return url !== '' ? `<p><a href="${esc(url)}">${esc(url)}</a></p>` : '';
      }
      case 'bookmark': {
        const url = str(node.url);
        const metadata = isNode(node.metadata) ? node.metadata : {};
        const title = str(metadata.title) || url;
        return url !== '' ? `<p><a href="${esc(url)}">${esc(title)}</a>${str(metadata.description) ? ` — ${esc(str(metadata.description))}` : ''}</p>` : '';
      }
      case 'callout':
        return `<blockquote><p>${str(node.calloutEmoji) ? `${esc(str(node.calloutEmoji))} ` : ''}${str(node.calloutText)}</p></blockquote>`;
      case 'toggle':
        return `<h3>${str(node.heading)}</h3><p>${str(node.content)}</p>`;
      case 'button':
        return str(node.buttonUrl) ? `<p><a href="${esc(str(node.buttonUrl))}">${esc(str(node.buttonText) || str(node.buttonUrl))}</a></p>` : '';
      case 'header':
        return `<h2>${str(node.header)}</h2>${str(node.subheader) ? `<p>${str(node.subheader)}</p>` : ''}`;
      case 'video':
      case 'audio':
      case 'file': {
        const src = str(node.src);
        this.problems.add(`${type} card replaced by a link to the file`);
        return src !== '' ? `<p><a href="${esc(src)}">${esc(str(node.fileTitle) || str(node.title) || str(node.fileName) || src)}</a></p>` : '';
      }
      case 'signup':
      case 'paywall':
      case 'email':
      case 'email-cta':
        this.problems.add(`members-only "${type}" card removed`);
        return '';
      default: {
        this.problems.add(`unknown Lexical node "${type.slice(0, 40) || '?'}" kept as its text`);
        const inner = this.nodes(children(node));
        return inner === '' ? '' : `<p>${inner}</p>`;
      }
    }
  }
}

/** Converts a Lexical editor state (parsed or as the JSON text Ghost stores) to HTML. */
export function lexicalToHtml(lexical: unknown): LexicalConversion {
  let state: unknown = lexical;
  if (typeof lexical === 'string') {
    try {
      state = JSON.parse(lexical) as unknown;
    } catch {
      return { html: '', problems: ['the Lexical content is not valid JSON: body left empty'] };
    }
  }
  const writer = new LexicalWriter();
  if (!isNode(state) || !isNode(state.root)) return { html: '', problems: ['the Lexical content has no root: body left empty'] };
  return { html: writer.nodes([state.root]), problems: writer.problems.list() };
}
