/** The media library: send images, correct their alternative text, caption and credit, delete them. */
import { useId, useState, type FormEvent } from 'react';
import { messageOf } from '../api/client.js';
import { mediaApi } from '../api/endpoints.js';
import type { Media } from '../api/types.js';
import { thumbnail } from '../media/media-image.js';
import { MediaUploadForm } from '../media/media-upload-form.js';
import { ErrorMessage, InfoMessage, Loading } from '../ui/notice.js';
import { Pager } from '../ui/pager.js';
import { PageTitle } from '../ui/page-title.js';
import { useLoad } from '../ui/use-load.js';

function MediaEditor(props: { media: Media; onSaved(media: Media): void; onDeleted(): void }) {
  const { media } = props;
  const id = useId();
  const [alt, setAlt] = useState(media.alt ?? '');
  const [caption, setCaption] = useState(media.caption ?? '');
  const [credit, setCredit] = useState(media.credit ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const label = media.alt || media.caption || `image n° ${media.id}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      props.onSaved(await mediaApi.update(media.id, { alt: alt.trim(), caption: caption.trim(), credit: credit.trim() }));
      setSaved(true);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  async function remove() {
    if (!window.confirm(`Supprimer définitivement « ${label} » de la médiathèque ?`)) return;
    try {
      await mediaApi.remove(media.id);
      props.onDeleted();
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  return (
    <li className="media-card card">
      <a href={media.url} target="_blank" rel="noreferrer" className="media-card-image">
        <img src={thumbnail(media)} alt={media.alt ?? ''} loading="lazy" />
        <span className="visually-hidden"> (ouvrir l’original)</span>
      </a>
      <form onSubmit={save} aria-label={`Textes de ${label}`}>
        <ErrorMessage message={error} />
        <div className="field">
          <label htmlFor={`${id}-alt`}>Texte alternatif</label>
          <input id={`${id}-alt`} value={alt} onChange={(e) => setAlt(e.target.value)} aria-invalid={alt.trim() === ''} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-caption`}>Légende</label>
          <input id={`${id}-caption`} value={caption} onChange={(e) => setCaption(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-credit`}>Crédit</label>
          <input id={`${id}-credit`} value={credit} onChange={(e) => setCredit(e.target.value)} />
        </div>
        <p className="muted">
          {media.width && media.height ? `${media.width} × ${media.height} px, ` : ''}
          {media.mimeType}
        </p>
        <div className="button-row">
          <button type="submit">Enregistrer</button>
          <button type="button" className="button-danger" onClick={remove}>
            Supprimer
          </button>
        </div>
        <InfoMessage>{saved ? 'Enregistré.' : null}</InfoMessage>
      </form>
    </li>
  );
}

/** Upload form above, the library below. */
export function MediaScreen() {
  const [page, setPage] = useState(1);
  const list = useLoad(() => mediaApi.list(page), [page]);
  const [uploaded, setUploaded] = useState<string | null>(null);
  return (
    <>
      <PageTitle text="Médiathèque">Médiathèque</PageTitle>
      <section className="card" aria-labelledby="upload-title">
        <h2 id="upload-title">Envoyer une image</h2>
        <InfoMessage>{uploaded}</InfoMessage>
        <MediaUploadForm
          onUploaded={(media) => {
            const name = media.alt || media.caption || `n° ${media.id}`;
            setUploaded(media.duplicate ? `Cette image était déjà dans la médiathèque (${name}) : ses textes vides ont pris ceux que vous avez saisis.` : `Image envoyée : ${name}.`);
            if (page === 1) list.reload();
            else setPage(1);
          }}
        />
      </section>
      <h2>Images</h2>
      <ErrorMessage message={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? <p className="empty">La médiathèque est vide.</p> : null}
      <ul className="media-list">
        {(list.data?.items ?? []).map((media) => (
          <MediaEditor key={`${media.id}:${media.alt ?? ''}:${media.caption ?? ''}:${media.credit ?? ''}`} media={media} onSaved={() => undefined} onDeleted={list.reload} />
        ))}
      </ul>
      {list.data ? <Pager label="Pages de la médiathèque" page={list.data.page} hasNext={list.data.hasNext} onPage={setPage} /> : null}
    </>
  );
}
