/** Adding, changing or removing the link on the selected text. */
import type { Editor } from '@tiptap/react';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';

/** A web address as typed ("exemple.fr") made absolute; null when it cannot be a link. */
export function normaliseHref(raw: string): string | null {
  const href = raw.trim();
  if (href === '' || /\s/.test(href)) return null;
  if (href.startsWith('/') && !href.startsWith('//')) return href;
  if (href.startsWith('#')) return href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return /^(https?|mailto):/i.test(href) ? href : null;
  if (/^[^@/]+@[^@/]+\.[a-z]{2,}$/i.test(href)) return `mailto:${href}`;
  return /^[\w-]+(\.[\w-]+)+/.test(href) ? `https://${href}` : null;
}

/** A small form under the toolbar. */
export function LinkForm(props: { editor: Editor; onClose(): void }) {
  const { editor } = props;
  const id = useId();
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [href, setHref] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const emptySelection = editor.state.selection.empty && current === '';

  function apply(event: FormEvent) {
    event.preventDefault();
    const target = normaliseHref(href);
    if (target === null) return setError('Adresse invalide : saisissez une adresse web (https://…), une adresse e-mail ou un chemin du site (/…).');
    if (emptySelection) {
      // No text selected: the address becomes the link's text.
      editor.chain().focus().insertContent({ type: 'text', text: target.replace(/^mailto:/, ''), marks: [{ type: 'link', attrs: { href: target } }] }).run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href: target }).run();
      // Cursor after the link, so the writer carries on typing instead of overwriting it.
      editor.commands.setTextSelection(editor.state.selection.to);
    }
    props.onClose();
  }

  function remove() {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    props.onClose();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      editor.commands.focus();
      props.onClose();
    }
  }

  return (
    <form className="link-form" onSubmit={apply} onKeyDown={onKeyDown} aria-label="Lien">
      <label htmlFor={`${id}-href`}>Adresse du lien</label>
      <input id={`${id}-href`} type="text" inputMode="url" autoFocus value={href} onChange={(e) => setHref(e.target.value)} aria-invalid={error !== null} aria-describedby={error ? `${id}-error` : undefined} placeholder="https://…" />
      <button type="submit" className="button-primary">
        {current ? 'Modifier le lien' : 'Ajouter le lien'}
      </button>
      {current ? (
        <button type="button" onClick={remove}>
          Retirer le lien
        </button>
      ) : null}
      <button
        type="button"
        className="button-quiet"
        onClick={() => {
          editor.commands.focus();
          props.onClose();
        }}
      >
        Annuler
      </button>
      {error ? (
        <p className="notice notice-error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </form>
  );
}
