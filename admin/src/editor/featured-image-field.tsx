/** The article's featured image ("image à la une"): chosen from the library, with its own alt text, caption and credit. */
import { useId, useState } from 'react';
import type { Media } from '../api/types.js';
import { thumbnail } from '../media/media-image.js';
import { MediaPicker } from '../media/media-picker.js';
import { featuredAltMissing, type ArticleForm } from './article-form.js';

type FeaturedFields = Pick<ArticleForm, 'featuredMediaId' | 'featuredMedia' | 'featuredAlt' | 'featuredCaption' | 'featuredCredit'>;

/** Choose, describe or remove the featured image. */
export function FeaturedImageField(props: { value: FeaturedFields; onChange(patch: Partial<FeaturedFields>): void }) {
  const id = useId();
  const [picking, setPicking] = useState(false);
  const { value } = props;

  function pick(media: Media) {
    setPicking(false);
    // The library's texts are the starting point; the article may say it differently.
    props.onChange({ featuredMediaId: media.id, featuredMedia: media, featuredAlt: media.alt ?? '', featuredCaption: media.caption ?? '', featuredCredit: media.credit ?? '' });
  }

  // Empty fields fall back to the library's texts on the site (as the server renders them).
  const library = value.featuredMedia;
  const missingAlt = featuredAltMissing(value);
  return (
    <div className="featured-image">
      {value.featuredMediaId === null ? (
        <p className="hint">Aucune image à la une.</p>
      ) : (
        <>
          {value.featuredMedia ? <img className="featured-preview" src={thumbnail(value.featuredMedia)} alt="" /> : <p className="hint">Image n° {value.featuredMediaId}</p>}
          <div className="field">
            <label htmlFor={`${id}-alt`}>Texte alternatif</label>
            <input id={`${id}-alt`} value={value.featuredAlt} onChange={(e) => props.onChange({ featuredAlt: e.target.value })} placeholder={library?.alt ?? ''} aria-invalid={missingAlt} aria-describedby={`${id}-alt-hint`} />
            <p className="hint" id={`${id}-alt-hint`}>
              {missingAlt ? 'Obligatoire pour publier.' : value.featuredAlt.trim() === '' ? 'Vide : le texte de la médiathèque est repris.' : 'Décrit l’image à qui ne la voit pas.'}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-caption`}>Légende</label>
            <input id={`${id}-caption`} value={value.featuredCaption} placeholder={library?.caption ?? ''} onChange={(e) => props.onChange({ featuredCaption: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-credit`}>Crédit</label>
            <input id={`${id}-credit`} value={value.featuredCredit} placeholder={library?.credit ?? ''} onChange={(e) => props.onChange({ featuredCredit: e.target.value })} />
          </div>
        </>
      )}
      <div className="button-row">
        <button type="button" onClick={() => setPicking(true)}>
          {value.featuredMediaId === null ? 'Choisir l’image à la une…' : 'Changer d’image…'}
        </button>
        {value.featuredMediaId !== null ? (
          <button type="button" className="button-quiet" onClick={() => props.onChange({ featuredMediaId: null, featuredMedia: null, featuredAlt: '', featuredCaption: '', featuredCredit: '' })}>
            Retirer l’image à la une
          </button>
        ) : null}
      </div>
      {picking ? <MediaPicker title="Choisir l’image à la une" onPick={pick} onClose={() => setPicking(false)} /> : null}
    </div>
  );
}
