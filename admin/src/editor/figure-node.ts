/**
 * The `figure` block of the article body: an image with alternative text, caption and credit,
 * with exactly the attributes the server's document schema allows
 * (src/domain/document/document.ts). TipTap has no such node, hence this one.
 */
import { mergeAttributes, Node } from '@tiptap/core';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { FigureView } from './figure-view.js';

/** Attributes of a figure, as stored. */
export interface FigureAttrs {
  mediaId: number | null;
  src: string;
  alt: string;
  width: number | null;
  height: number | null;
  caption: string | null;
  credit: string | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts a figure where the cursor is. */
      insertFigure: (attrs: FigureAttrs) => ReturnType;
    };
  }
}

function numberOrNull(value: string | null): number | null {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : null;
}

/** The figure node, edited in place through FigureView. */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    // `rendered: false`: these go to the JSON document, not to HTML attributes of <figure>.
    return {
      mediaId: { default: null, rendered: false },
      src: { default: '', rendered: false },
      alt: { default: '', rendered: false },
      width: { default: null, rendered: false },
      height: { default: null, rendered: false },
      caption: { default: null, rendered: false },
      credit: { default: null, rendered: false },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'figure',
        getAttrs: (element) => {
          const img = element.querySelector('img');
          if (!img) return false;
          const credit = element.querySelector('figcaption .credit');
          const captionText = element.querySelector('figcaption')?.textContent ?? '';
          const creditText = credit?.textContent ?? '';
          const caption = captionText.replace(creditText, '').trim();
          return {
            mediaId: numberOrNull(element.getAttribute('data-media-id')),
            src: img.getAttribute('src') ?? '',
            alt: img.getAttribute('alt') ?? '',
            width: numberOrNull(img.getAttribute('width')),
            height: numberOrNull(img.getAttribute('height')),
            caption: caption === '' ? null : caption,
            credit: creditText.trim() === '' ? null : creditText.trim(),
          };
        },
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as FigureAttrs;
    const img = ['img', { src: attrs.src, alt: attrs.alt, ...(attrs.width ? { width: attrs.width } : {}), ...(attrs.height ? { height: attrs.height } : {}) }] as const;
    const caption = [attrs.caption ?? '', ...(attrs.credit ? [' ', ['span', { class: 'credit' }, attrs.credit]] : [])];
    return ['figure', mergeAttributes(HTMLAttributes, attrs.mediaId ? { 'data-media-id': attrs.mediaId } : {}), img, ['figcaption', ...caption]];
  },

  addNodeView() {
    return ReactNodeViewRenderer(FigureView);
  },

  addCommands() {
    return {
      insertFigure:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    };
  },
});
