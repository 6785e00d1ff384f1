/**
 * The article body: a structured document, ProseMirror/TipTap-compatible JSON.
 * The server renders it from this schema, so staff content never needs an HTML sanitiser.
 */

/** Inline formatting. */
export type Mark =
  | { type: 'bold' }
  | { type: 'italic' }
  | { type: 'strike' }
  | { type: 'code' }
  | { type: 'link'; attrs: { href: string } };

/** A run of text with its marks. */
export interface TextNode {
  type: 'text';
  text: string;
  marks?: Mark[];
}

/** A line break inside a paragraph. */
export interface HardBreakNode {
  type: 'hardBreak';
}

/** Content of paragraphs and headings. */
export type InlineNode = TextNode | HardBreakNode;

/** A paragraph. */
export interface ParagraphNode {
  type: 'paragraph';
  content?: InlineNode[];
}

/** A subheading; level 1 is the article's title, so the body starts at 2. */
export interface HeadingNode {
  type: 'heading';
  attrs: { level: 2 | 3 | 4 };
  content?: InlineNode[];
}

/** A quotation. */
export interface BlockquoteNode {
  type: 'blockquote';
  content: BlockNode[];
}

/** One item of a list. */
export interface ListItemNode {
  type: 'listItem';
  content: BlockNode[];
}

/** A bulleted list. */
export interface BulletListNode {
  type: 'bulletList';
  content: ListItemNode[];
}

/** A numbered list. */
export interface OrderedListNode {
  type: 'orderedList';
  attrs?: { start?: number };
  content: ListItemNode[];
}

/** A thematic break. */
export interface HorizontalRuleNode {
  type: 'horizontalRule';
}

/** An image with its alternative text, caption and credit. */
export interface FigureNode {
  type: 'figure';
  attrs: {
    /** Media library id when the image comes from it. */
    mediaId?: number | null;
    src: string;
    alt: string;
    width?: number | null;
    height?: number | null;
    caption?: string | null;
    credit?: string | null;
  };
}

/** Any block of the body. */
export type BlockNode =
  | ParagraphNode
  | HeadingNode
  | BlockquoteNode
  | BulletListNode
  | OrderedListNode
  | HorizontalRuleNode
  | FigureNode;

/** A whole article body. */
export interface ArticleDocument {
  type: 'doc';
  content: BlockNode[];
}

/** The block node types the schema accepts. */
export const BLOCK_TYPES = ['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'horizontalRule', 'figure'] as const;

/** The inline node types the schema accepts. */
export const INLINE_TYPES = ['text', 'hardBreak'] as const;

/** The mark types the schema accepts. */
export const MARK_TYPES = ['bold', 'italic', 'strike', 'code', 'link'] as const;

/** An empty body. */
export function emptyDocument(): ArticleDocument {
  return { type: 'doc', content: [] };
}
