/** Choosing an image from the library (or sending a new one) for the body or the featured image. */
import { useState } from 'react';
import { mediaApi } from '../api/endpoints.js';
import type { Media } from '../api/types.js';
import { Dialog } from '../ui/dialog.js';
import { ErrorMessage, Loading } from '../ui/notice.js';
import { Pager } from '../ui/pager.js';
import { useLoad } from '../ui/use-load.js';
import { thumbnail } from './media-image.js';
import { MediaUploadForm } from './media-upload-form.js';

/** A modal library; `onPick` receives the chosen image. */
export function MediaPicker(props: { title: string; onPick(media: Media): void; onClose(): void }) {
  const [page, setPage] = useState(1);
  const list = useLoad(() => mediaApi.list(page), [page]);
  return (
    <Dialog title={props.title} onClose={props.onClose} wide>
      <details className="picker-upload">
        <summary>Envoyer une nouvelle image</summary>
        <MediaUploadForm submitLabel="Envoyer et choisir cette image" onUploaded={props.onPick} />
      </details>
      <h3>Médiathèque</h3>
      <ErrorMessage message={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? <p className="empty">La médiathèque est vide : envoyez une première image.</p> : null}
      <ul className="media-grid">
        {(list.data?.items ?? []).map((media) => (
          <li key={media.id} className="media-tile">
            <img src={thumbnail(media)} alt="" loading="lazy" />
            <div className="media-tile-text">
              <span className="media-alt">{media.alt || <em>Sans texte alternatif</em>}</span>
              {media.caption ? <span className="muted">{media.caption}</span> : null}
            </div>
            <button type="button" onClick={() => props.onPick(media)}>
              Choisir<span className="visually-hidden"> l’image « {media.alt || media.caption || `n° ${media.id}`} »</span>
            </button>
          </li>
        ))}
      </ul>
      {list.data ? <Pager label="Pages de la médiathèque" page={list.data.page} hasNext={list.data.hasNext} onPage={setPage} /> : null}
    </Dialog>
  );
}
