/**
 * The tiny markup of the demo articles (see `DemoArticle.body`) turned into the document
 * model. Written here because it only has to read our own demo text, not arbitrary Markdown.
 */
import type { ArticleDocument, BlockNode, InlineNode, Mark } from '../../domain/document/document.js';

const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Parses inline markup: **bold**, *italic*, [text](href); nesting inside links and bold. */
export function parseInline(text: string, marks: readonly Mark[] = []): InlineNode[] {
  const nodes: InlineNode[] = [];
  const push = (t: string, m: readonly Mark[]) => {
    if (t !== '') nodes.push(m.length > 0 ? { type: 'text', text: t, marks: [...m] } : { type: 'text', text: t });
  };
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index ?? 0;
    push(text.slice(last, index), marks);
    if (match[1] !== undefined) nodes.push(...parseInline(match[1], [...marks, { type: 'bold' }]));
    else if (match[2] !== undefined) nodes.push(...parseInline(match[2], [...marks, { type: 'italic' }]));
    else if (match[3] !== undefined && match[4] !== undefined) nodes.push(...parseInline(match[3], [...marks, { type: 'link', attrs: { href: match[4] } }]));
    last = index + match[0].length;
  }
  push(text.slice(last), marks);
  return nodes;
}

function paragraph(text: string): BlockNode {
  return { type: 'paragraph', content: parseInline(text.trim()) };
}

/** Converts the demo blocks into an article document. */
export function demoBodyToDocument(blocks: readonly string[]): ArticleDocument {
  const content: BlockNode[] = [];
  for (const block of blocks) {
    const text = block.trim();
    if (text === '') continue;
    if (text.startsWith('### ')) content.push({ type: 'heading', attrs: { level: 3 }, content: parseInline(text.slice(4).trim()) });
    else if (text.startsWith('## ')) content.push({ type: 'heading', attrs: { level: 2 }, content: parseInline(text.slice(3).trim()) });
    else if (text.startsWith('> ')) content.push({ type: 'blockquote', content: text.split('\n').map((line) => paragraph(line.replace(/^>\s?/, ''))) });
    else if (text.startsWith('- ')) {
      const items = text.split('\n').filter((line) => line.trim().startsWith('- '));
      content.push({ type: 'bulletList', content: items.map((line) => ({ type: 'listItem', content: [paragraph(line.trim().slice(2))] })) });
    } else content.push(paragraph(text.replace(/\n/g, ' ')));
  }
  return { type: 'doc', content };
}
