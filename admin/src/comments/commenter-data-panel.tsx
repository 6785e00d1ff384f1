/** A commenter's GDPR requests: download everything stored under an email, or erase it after confirmation. */
import { useId, useState, type FormEvent } from 'react';
import { messageOf } from '../api/client.js';
import { commentersApi } from '../api/endpoints.js';
import { Dialog } from '../ui/dialog.js';
import { ErrorMessage, InfoMessage } from '../ui/notice.js';

/** Offers the export as a file: the API answers JSON, kept as it came, with a name that says what it is. */
function download(data: unknown, email: string): void {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `commentaires-${email.replace(/[^a-z0-9.@_-]+/gi, '_')}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  // Released after the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The panel under the moderation list. */
export function CommenterDataPanel(props: { onErased(): void }) {
  const id = useId();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function exportData(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const data = (await commentersApi.export(email.trim())) as { comments?: unknown[] };
      download(data, email.trim());
      const n = data.comments?.length ?? 0;
      setMessage(n === 0 ? 'Aucun commentaire avec cette adresse ; le fichier est vide.' : `Export téléchargé (${n === 1 ? '1 commentaire' : `${n} commentaires`}).`);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  async function erase() {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const { erased } = await commentersApi.erase(email.trim());
      setConfirming(false);
      setMessage(erased === 0 ? 'Aucun commentaire avec cette adresse : rien à effacer.' : `Données effacées (${erased === 1 ? '1 commentaire' : `${erased} commentaires`}).`);
      props.onErased();
    } catch (failure) {
      setConfirming(false);
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="commenter-data card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Données d’un commentateur</h2>
      <p className="hint">Pour répondre à une demande d’accès ou d’effacement (RGPD) : tout ce qui est enregistré sous une adresse e-mail.</p>
      <form onSubmit={exportData}>
        <ErrorMessage message={error} />
        <InfoMessage>{message}</InfoMessage>
        <div className="field">
          <label htmlFor={`${id}-email`}>Adresse e-mail du commentateur</label>
          <input id={`${id}-email`} type="email" required autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="button-row">
          <button type="submit" disabled={busy}>
            Télécharger ses données (JSON)
          </button>
          <button
            type="button"
            className="button-danger"
            disabled={busy}
            onClick={(event) => {
              const form = event.currentTarget.form;
              if (form && !form.reportValidity()) return;
              setConfirming(true);
            }}
          >
            Effacer ses données…
          </button>
        </div>
      </form>
      {confirming ? (
        <Dialog title="Effacer les données de ce commentateur ?" onClose={() => setConfirming(false)}>
          <p>
            Le nom, l’adresse e-mail, le site web et le texte de tous les commentaires de <strong>{email.trim()}</strong> seront effacés définitivement. Les commentaires restent à leur place dans les
            discussions, avec la mention « commentaire supprimé ».
          </p>
          <div className="button-row">
            <button type="button" className="button-danger" disabled={busy} onClick={() => void erase()}>
              Effacer définitivement
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              Annuler
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}
