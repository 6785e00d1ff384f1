/**
 * The article body editor (TipTap): subheadings, paragraphs, bold, italic, links, lists,
 * quotes, separators and figures from the media library. It produces exactly the node and mark
 * types of the server's schema: no h1, no code blocks, no underline.
 */
import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useId, useState } from 'react';
import type { Media } from '../api/types.js';
import { bodyImage } from '../media/media-image.js';
import { MediaPicker } from '../media/media-picker.js';
import { useRovingFocus } from '../ui/use-roving-focus.js';
import { Figure } from './figure-node.js';
import { LinkForm } from './link-form.js';

/** Editor extensions, configured to the server's document schema. */
function extensions() {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      codeBlock: false,
      underline: false,
      // No autolink: it makes links "inclusive", so text typed right after a link would join it.
      link: { openOnClick: false, autolink: false, linkOnPaste: true, defaultProtocol: 'https', HTMLAttributes: { target: null, rel: null, class: null } },
    }),
    Figure,
  ];
}

type Block = 'paragraph' | 'h2' | 'h3' | 'h4' | 'other';

function useToolbarState(editor: Editor) {
  return useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      block: (e.isActive('heading', { level: 2 }) ? 'h2' : e.isActive('heading', { level: 3 }) ? 'h3' : e.isActive('heading', { level: 4 }) ? 'h4' : e.isActive('paragraph') ? 'paragraph' : 'other') as Block,
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      strike: e.isActive('strike'),
      link: e.isActive('link'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
}

function ToggleButton(props: { label: string; pressed: boolean; onClick(): void; children: string; shortcut?: string }) {
  return (
    <button type="button" className="tool" aria-pressed={props.pressed} onClick={props.onClick} title={props.shortcut ? `${props.label} (${props.shortcut})` : props.label} aria-label={props.label}>
      {props.children}
    </button>
  );
}

function Toolbar(props: { editor: Editor; onLink(): void; onImage(): void; blockSelectId: string }) {
  const { editor } = props;
  const state = useToolbarState(editor);
  const roving = useRovingFocus();
  const chain = () => editor.chain().focus();
  function setBlock(value: string) {
    if (value === 'paragraph') chain().setParagraph().run();
    else if (value === 'h2' || value === 'h3' || value === 'h4') chain().setHeading({ level: Number(value.slice(1)) as 2 | 3 | 4 }).run();
  }
  return (
    <div className="toolbar" role="toolbar" aria-label="Mise en forme du texte" aria-controls="article-body-editor" ref={roving.ref} onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
      <label htmlFor={props.blockSelectId} className="visually-hidden">
        Type de bloc
      </label>
      <select id={props.blockSelectId} value={state.block} onChange={(e) => setBlock(e.target.value)}>
        <option value="paragraph">Paragraphe</option>
        <option value="h2">Intertitre</option>
        <option value="h3">Sous-intertitre</option>
        <option value="h4">Titre de niveau 4</option>
        {state.block === 'other' ? <option value="other">—</option> : null}
      </select>
      <span className="tool-group">
        <ToggleButton label="Gras" shortcut="Ctrl+B" pressed={state.bold} onClick={() => chain().toggleBold().run()}>
          G
        </ToggleButton>
        <ToggleButton label="Italique" shortcut="Ctrl+I" pressed={state.italic} onClick={() => chain().toggleItalic().run()}>
          I
        </ToggleButton>
        <ToggleButton label="Barré" pressed={state.strike} onClick={() => chain().toggleStrike().run()}>
          S
        </ToggleButton>
        <ToggleButton label="Lien" shortcut="Ctrl+K" pressed={state.link} onClick={props.onLink}>
          Lien
        </ToggleButton>
      </span>
      <span className="tool-group">
        <ToggleButton label="Liste à puces" pressed={state.bulletList} onClick={() => chain().toggleBulletList().run()}>
          • Liste
        </ToggleButton>
        <ToggleButton label="Liste numérotée" pressed={state.orderedList} onClick={() => chain().toggleOrderedList().run()}>
          1. Liste
        </ToggleButton>
        <ToggleButton label="Citation" pressed={state.blockquote} onClick={() => chain().toggleBlockquote().run()}>
          « Citation »
        </ToggleButton>
        <button type="button" className="tool" onClick={() => chain().setHorizontalRule().run()}>
          Séparateur
        </button>
        <button type="button" className="tool" onClick={props.onImage}>
          Image…
        </button>
      </span>
      <span className="tool-group">
        <button type="button" className="tool" disabled={!state.canUndo} onClick={() => chain().undo().run()} title="Annuler (Ctrl+Z)">
          Annuler
        </button>
        <button type="button" className="tool" disabled={!state.canRedo} onClick={() => chain().redo().run()} title="Rétablir (Ctrl+Maj+Z)">
          Rétablir
        </button>
      </span>
    </div>
  );
}

/** The body editor; `initial` is read once, `onChange` receives every change. */
export function BodyEditor(props: { initial: JSONContent; onChange(json: JSONContent): void; labelId: string; describedBy?: string }) {
  const blockSelectId = useId();
  const [linkOpen, setLinkOpen] = useState(false);
  const [pickerOpen, setPickerOpen] = useState(false);
  const editor = useEditor({
    extensions: extensions(),
    content: props.initial,
    // The server's CSP forbids injected <style> tags; the editor's styles are in admin.css.
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        id: 'article-body-editor',
        class: 'body-editor-content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': props.labelId,
        ...(props.describedBy ? { 'aria-describedby': props.describedBy } : {}),
      },
      handleKeyDown: (_view, event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          setLinkOpen(true);
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: e }) => props.onChange(e.getJSON()),
  });

  function insertMedia(media: Media) {
    setPickerOpen(false);
    const image = bodyImage(media);
    editor
      .chain()
      .focus()
      .insertFigure({ mediaId: media.id, src: image.src, width: image.width, height: image.height, alt: media.alt ?? '', caption: media.caption || null, credit: media.credit || null })
      .run();
  }

  return (
    <div className="body-editor">
      <Toolbar editor={editor} blockSelectId={blockSelectId} onLink={() => setLinkOpen(true)} onImage={() => setPickerOpen(true)} />
      {linkOpen ? <LinkForm editor={editor} onClose={() => setLinkOpen(false)} /> : null}
      <EditorContent editor={editor} />
      {pickerOpen ? <MediaPicker title="Insérer une image" onPick={insertMedia} onClose={() => setPickerOpen(false)} /> : null}
    </div>
  );
}
