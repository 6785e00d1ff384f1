/** The rule that no image goes out to readers without a text alternative. */
import type { ArticleDocument, BlockNode } from './document/document.js';

/** How many figures of a body have no alternative text. */
export function figuresWithoutAlt(doc: ArticleDocument): number {
  let missing = 0;
  const walk = (nodes: readonly BlockNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'figure' && node.attrs.alt.trim() === '') missing++;
      else if (node.type === 'blockquote') walk(node.content);
      else if (node.type === 'bulletList' || node.type === 'orderedList') for (const item of node.content) walk(item.content);
    }
  };
  walk(doc.content);
  return missing;
}

/**
 * What lacks alternative text, in French ("l’image principale et 2 images du texte"), or
 * null when every image has one. `featuredAlt` is undefined when there is no featured image.
 */
export function missingAltDescription(doc: ArticleDocument, featuredAlt: string | undefined): string | null {
  const parts: string[] = [];
  if (featuredAlt !== undefined && featuredAlt.trim() === '') parts.push('l’image principale');
  const inBody = figuresWithoutAlt(doc);
  if (inBody === 1) parts.push('1 image du texte');
  else if (inBody > 1) parts.push(`${inBody} images du texte`);
  if (parts.length === 0) return null;
  return `${parts.join(' et ')} ${parts.length > 1 || inBody > 1 ? 'sont' : 'est'}`;
}
