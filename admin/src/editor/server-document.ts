/**
 * Between TipTap's JSON and the server's document schema (src/domain/document/document.ts):
 * TipTap adds attributes the server refuses (link target/rel/class, list types, text
 * alignment), so only the known ones are kept, nothing else is sent.
 */
import type { JSONContent } from '@tiptap/core';
import type { ArticleDocument, BlockNode, InlineNode, ListItemNode, Mark } from '../api/types.js';
import type { FigureAttrs } from './figure-node.js';

type BlockOf<T extends BlockNode['type']> = Extract<BlockNode, { type: T }>;

function marksOf(marks: JSONContent['marks']): Mark[] | undefined {
  const out: Mark[] = [];
  for (const mark of marks ?? []) {
    if (mark.type === 'bold' || mark.type === 'italic' || mark.type === 'strike' || mark.type === 'code') out.push({ type: mark.type });
    else if (mark.type === 'link' && typeof mark.attrs?.href === 'string' && mark.attrs.href.trim() !== '') out.push({ type: 'link', attrs: { href: mark.attrs.href.trim() } });
  }
  return out.length > 0 ? out : undefined;
}

function inline(nodes: JSONContent[] | undefined): InlineNode[] | undefined {
  const out: InlineNode[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') out.push({ type: 'hardBreak' });
    else if (node.type === 'text' && node.text) {
      const marks = marksOf(node.marks);
      out.push(marks ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text });
    }
  }
  return out.length > 0 ? out : undefined;
}

function intOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function listItems(nodes: JSONContent[] | undefined): ListItemNode[] {
  return (nodes ?? []).filter((n) => n.type === 'listItem').map((item) => ({ type: 'listItem', content: nonEmpty(blocks(item.content)) }));
}

/** Quotes and list items must hold at least one block. */
function nonEmpty(list: BlockNode[]): BlockNode[] {
  return list.length > 0 ? list : [{ type: 'paragraph' }];
}

function block(node: JSONContent): BlockNode | null {
  switch (node.type) {
    case 'paragraph': {
      const content = inline(node.content);
      return content ? { type: 'paragraph', content } : { type: 'paragraph' };
    }
    case 'heading': {
      const raw = node.attrs?.level;
      const level: 2 | 3 | 4 = raw === 3 || raw === 4 ? raw : 2;
      const content = inline(node.content);
      const heading: BlockOf<'heading'> = { type: 'heading', attrs: { level } };
      return content ? { ...heading, content } : heading;
    }
    case 'blockquote':
      return { type: 'blockquote', content: nonEmpty(blocks(node.content)) };
    case 'bulletList': {
      const content = listItems(node.content);
      return content.length > 0 ? { type: 'bulletList', content } : null;
    }
    case 'orderedList': {
      const content = listItems(node.content);
      if (content.length === 0) return null;
      const start = node.attrs?.start;
      return typeof start === 'number' && Number.isInteger(start) && start !== 1 && start >= 0 ? { type: 'orderedList', attrs: { start }, content } : { type: 'orderedList', content };
    }
    case 'horizontalRule':
      return { type: 'horizontalRule' };
    case 'figure': {
      const a = (node.attrs ?? {}) as Partial<FigureAttrs>;
      if (typeof a.src !== 'string' || a.src === '') return null;
      return {
        type: 'figure',
        attrs: { mediaId: intOrNull(a.mediaId), src: a.src, alt: typeof a.alt === 'string' ? a.alt.trim() : '', width: intOrNull(a.width), height: intOrNull(a.height), caption: textOrNull(a.caption), credit: textOrNull(a.credit) },
      };
    }
    default:
      // Nothing else can be typed in this editor; anything pasted that slipped through is dropped.
      return null;
  }
}

function blocks(nodes: JSONContent[] | undefined): BlockNode[] {
  return (nodes ?? []).map(block).filter((b): b is BlockNode => b !== null);
}

/** The editor's content as the server stores it; trailing empty paragraphs are left out. */
export function toServerDocument(json: JSONContent): ArticleDocument {
  const content = blocks(json.content);
  while (content.length > 0) {
    const last = content[content.length - 1];
    if (last?.type === 'paragraph' && last.content === undefined) content.pop();
    else break;
  }
  return { type: 'doc', content };
}

/** A stored body as editor content (an empty body becomes one empty paragraph, as ProseMirror needs). */
export function toEditorContent(document: ArticleDocument | null | undefined): JSONContent {
  const content = document?.content ?? [];
  return { type: 'doc', content: content.length > 0 ? (content as JSONContent[]) : [{ type: 'paragraph' }] };
}

/** Positions (1-based) of the figures that have no alternative text. */
export function figuresWithoutAlt(document: ArticleDocument): number[] {
  const out: number[] = [];
  let n = 0;
  const walk = (list: readonly (BlockNode | ListItemNode)[]) => {
    for (const node of list) {
      if (node.type === 'figure') {
        n++;
        if (node.attrs.alt.trim() === '') out.push(n);
      } else if (node.type === 'blockquote' || node.type === 'bulletList' || node.type === 'orderedList' || node.type === 'listItem') walk(node.content);
    }
  };
  walk(document.content);
  return out;
}
