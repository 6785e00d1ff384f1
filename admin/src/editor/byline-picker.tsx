/** The byline: several authors in order (the first is the lead author). */
import { useId, useState } from 'react';
import type { Author } from '../api/types.js';

/** Ordered list of authors with buttons to move and remove them, and a select to add one. */
export function BylinePicker(props: { authors: readonly Author[]; value: number[]; onChange(ids: number[]): void; locked?: readonly number[] }) {
  const id = useId();
  const [adding, setAdding] = useState('');
  const byId = new Map(props.authors.map((a) => [a.id, a]));
  const name = (authorId: number) => byId.get(authorId)?.name ?? `Auteur n° ${authorId}`;
  const others = props.authors.filter((a) => !props.value.includes(a.id));

  function move(index: number, delta: number) {
    const next = [...props.value];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(index + delta, 0, item);
    props.onChange(next);
  }

  return (
    <div className="byline-picker">
      {props.value.length === 0 ? <p className="hint">Ajoutez au moins un auteur.</p> : null}
      <ol className="byline-list" aria-label="Signatures, dans l’ordre">
        {props.value.map((authorId, i) => (
          <li key={authorId}>
            <span className="byline-name">{name(authorId)}</span>
            <span className="button-row">
              <button type="button" className="button-small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Monter ${name(authorId)}`}>
                ↑
              </button>
              <button type="button" className="button-small" disabled={i === props.value.length - 1} onClick={() => move(i, 1)} aria-label={`Descendre ${name(authorId)}`}>
                ↓
              </button>
              <button
                type="button"
                className="button-small"
                disabled={props.value.length === 1 || props.locked?.includes(authorId)}
                onClick={() => props.onChange(props.value.filter((a) => a !== authorId))}
                aria-label={`Retirer ${name(authorId)}`}
              >
                ×
              </button>
            </span>
          </li>
        ))}
      </ol>
      {others.length > 0 ? (
        <div className="inline-form">
          <label htmlFor={`${id}-add`}>Ajouter un auteur</label>
          <select id={`${id}-add`} value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">Choisir…</option>
            {others.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={adding === ''}
            onClick={() => {
              props.onChange([...props.value, Number(adding)]);
              setAdding('');
            }}
          >
            Ajouter
          </button>
        </div>
      ) : null}
    </div>
  );
}
