/** Correction and update notes of a published article (shown to readers under it). */
import { useId, useState, type FormEvent } from 'react';
import { messageOf } from '../api/client.js';
import { articlesApi } from '../api/endpoints.js';
import type { Article } from '../api/types.js';
import { formatDateTime } from '../app/labels.js';
import { ErrorMessage } from '../ui/notice.js';

const KIND_LABELS = { correction: 'Correction', update: 'Mise à jour' } as const;

/** The notes and a form to add one. */
export function NotesPanel(props: { article: Article; onChange(article: Article): void }) {
  const id = useId();
  const [kind, setKind] = useState<'correction' | 'update'>('correction');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return setError('Écrivez le texte de la note.');
    setBusy(true);
    setError(null);
    try {
      props.onChange(await articlesApi.addNote(props.article.id, kind, text.trim()));
      setText('');
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Notes aux lecteurs</h2>
      {props.article.notes.length > 0 ? (
        <ul className="notes">
          {props.article.notes.map((note) => (
            <li key={note.id}>
              <strong>{KIND_LABELS[note.kind]}</strong> ({formatDateTime(note.createdAt)}) : {note.text}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">Aucune note.</p>
      )}
      <form onSubmit={submit}>
        <ErrorMessage message={error} />
        <div className="field">
          <label htmlFor={`${id}-kind`}>Type de note</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value === 'update' ? 'update' : 'correction')}>
            <option value="correction">Correction</option>
            <option value="update">Mise à jour</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>Texte de la note</label>
          <textarea id={`${id}-text`} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <button type="submit" disabled={busy}>
          Ajouter la note
        </button>
      </form>
    </section>
  );
}
