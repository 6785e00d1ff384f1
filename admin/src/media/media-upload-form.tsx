/** Sending an image to the library with its alternative text, caption and credit. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { messageOf } from '../api/client.js';
import { mediaApi } from '../api/endpoints.js';
import type { Media } from '../api/types.js';
import { ErrorMessage } from '../ui/notice.js';

/** Formats the server accepts (checked again there, by content). */
const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

/** The upload form; `onUploaded` receives the new media item. */
export function MediaUploadForm(props: { onUploaded(media: Media): void; submitLabel?: string }) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  const [credit, setCredit] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (file === null) return setError('Choisissez d’abord un fichier image.');
    setBusy(true);
    setError(null);
    try {
      const media = await mediaApi.upload(file, { alt: alt.trim(), caption: caption.trim(), credit: credit.trim() });
      setFile(null);
      setAlt('');
      setCaption('');
      setCredit('');
      if (fileInput.current) fileInput.current.value = '';
      props.onUploaded(media);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="upload-form" onSubmit={submit} aria-label="Envoyer une image">
      <ErrorMessage message={error} />
      <div className="field">
        <label htmlFor={`${id}-file`}>Fichier image</label>
        <input id={`${id}-file`} ref={fileInput} type="file" accept={ACCEPT} required onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-describedby={`${id}-file-hint`} />
        <p className="hint" id={`${id}-file-hint`}>
          JPEG, PNG, WebP, AVIF ou GIF, 15 Mo au plus.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-alt`}>Texte alternatif</label>
        <input id={`${id}-alt`} value={alt} onChange={(e) => setAlt(e.target.value)} aria-describedby={`${id}-alt-hint`} />
        <p className="hint" id={`${id}-alt-hint`}>
          Ce que montre l’image, pour qui ne la voit pas. Indispensable pour publier un article qui l’utilise.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-caption`}>Légende</label>
        <input id={`${id}-caption`} value={caption} onChange={(e) => setCaption(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-credit`}>Crédit</label>
        <input id={`${id}-credit`} value={credit} onChange={(e) => setCredit(e.target.value)} />
      </div>
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? 'Envoi…' : (props.submitLabel ?? 'Envoyer l’image')}
      </button>
    </form>
  );
}
