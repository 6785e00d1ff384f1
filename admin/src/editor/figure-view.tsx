/** How a figure looks in the editor: the image, and its alt text, caption and credit edited in place. */
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useId } from 'react';
import type { FigureAttrs } from './figure-node.js';

/** The editable figure. Inputs keep their own keystrokes (TipTap's node view lets inputs handle events). */
export function FigureView(props: ReactNodeViewProps) {
  const attrs = props.node.attrs as FigureAttrs;
  const id = useId();
  const missingAlt = attrs.alt.trim() === '';
  const set = (patch: Partial<FigureAttrs>) => props.updateAttributes(patch);
  const optional = (value: string) => (value === '' ? null : value);
  return (
    <NodeViewWrapper as="figure" className={`editor-figure${props.selected ? ' is-selected' : ''}${missingAlt ? ' is-missing-alt' : ''}`} data-drag-handle="">
      <img src={attrs.src} alt={attrs.alt} width={attrs.width ?? undefined} height={attrs.height ?? undefined} draggable={false} />
      <div className="figure-fields" contentEditable={false}>
        <div className="field">
          <label htmlFor={`${id}-alt`}>Texte alternatif de l’image</label>
          <input id={`${id}-alt`} value={attrs.alt} onChange={(e) => set({ alt: e.target.value })} aria-invalid={missingAlt} aria-describedby={`${id}-alt-hint`} />
          <p className="hint" id={`${id}-alt-hint`}>
            {missingAlt ? 'Obligatoire pour publier : décrivez ce que montre l’image.' : 'Décrit l’image à qui ne la voit pas.'}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-caption`}>Légende</label>
          <input id={`${id}-caption`} value={attrs.caption ?? ''} onChange={(e) => set({ caption: optional(e.target.value) })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-credit`}>Crédit</label>
          <input id={`${id}-credit`} value={attrs.credit ?? ''} onChange={(e) => set({ credit: optional(e.target.value) })} />
        </div>
        <button type="button" className="button-quiet button-danger" onClick={() => props.deleteNode()}>
          Retirer l’image
        </button>
      </div>
    </NodeViewWrapper>
  );
}
