/**
 * Tags with autocomplete (ARIA combobox): suggestions from the server as one types, arrows and
 * Enter to choose, and a "Créer …" entry for a tag that does not exist yet (the server creates
 * it when the article is saved).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { taxonomyApi } from '../api/endpoints.js';
import type { Tag } from '../api/types.js';

interface Option {
  name: string;
  create: boolean;
}

/** Folds case and accents, to compare tag names as the server does. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().trim();
}

/** The chosen tags as removable chips, and the combobox to add more. */
export function TagInput(props: { value: string[]; onChange(tags: string[]): void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [suggestions, setSuggestions] = useState<Tag[]>([]);
  const [open, setOpen] = useState(false);
  /** Highlighted suggestion; -1: none (Enter then adds what was typed). */
  const [active, setActive] = useState(-1);
  const [announce, setAnnounce] = useState('');
  const request = useRef(0);
  const chosen = new Set(props.value.map(fold));

  useEffect(() => {
    const q = text.trim();
    if (q === '') {
      setSuggestions([]);
      return;
    }
    const ticket = ++request.current;
    // A short pause so fast typing sends one request, not one per key.
    const timer = window.setTimeout(() => {
      taxonomyApi
        .searchTags(q)
        .then((tags) => {
          if (ticket === request.current) setSuggestions(tags);
        })
        .catch(() => {
          if (ticket === request.current) setSuggestions([]);
        });
    }, 150);
    return () => window.clearTimeout(timer);
  }, [text]);

  const q = text.trim();
  const options: Option[] = suggestions.filter((t) => !chosen.has(fold(t.name))).map((t) => ({ name: t.name, create: false }));
  if (q !== '' && !chosen.has(fold(q)) && !suggestions.some((t) => fold(t.name) === fold(q))) options.push({ name: q, create: true });
  const expanded = open && options.length > 0;
  const activeIndex = expanded ? Math.min(active, options.length - 1) : -1;

  function add(name: string) {
    const clean = name.trim().replace(/\s+/g, ' ');
    if (clean === '' || chosen.has(fold(clean))) return;
    props.onChange([...props.value, clean]);
    setAnnounce(`Mot-clé « ${clean} » ajouté.`);
    setText('');
    setSuggestions([]);
    setActive(-1);
  }

  function remove(name: string) {
    props.onChange(props.value.filter((t) => t !== name));
    setAnnounce(`Mot-clé « ${name} » retiré.`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && options.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive(expanded ? (activeIndex + 1) % options.length : 0);
    } else if (event.key === 'ArrowUp' && expanded) {
      event.preventDefault();
      setActive(activeIndex <= 0 ? options.length - 1 : activeIndex - 1);
    } else if (event.key === 'Enter' || event.key === ',') {
      if (q === '') return;
      event.preventDefault();
      const option = activeIndex >= 0 ? options[activeIndex] : undefined;
      // What was typed, in the spelling of an existing tag when it is one.
      const existing = suggestions.find((t) => fold(t.name) === fold(q));
      add(option ? option.name : (existing?.name ?? q));
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
    } else if (event.key === 'Backspace' && text === '' && props.value.length > 0) {
      const last = props.value[props.value.length - 1];
      if (last !== undefined) remove(last);
    }
  }

  return (
    <div className="tag-input">
      <ul className="chips" aria-label="Mots-clés choisis">
        {props.value.map((tag) => (
          <li key={tag} className="chip">
            {tag}
            <button type="button" className="chip-remove" onClick={() => remove(tag)} aria-label={`Retirer le mot-clé ${tag}`}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <label htmlFor={`${id}-input`}>Ajouter un mot-clé</label>
      <div className="combobox">
        <input
          id={`${id}-input`}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-activedescendant={activeIndex >= 0 ? `${id}-option-${activeIndex}` : undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          value={text}
          onChange={(e) => {
            setText(e.target.value.replace(/,/g, ''));
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(true)}
        />
        <ul id={`${id}-list`} role="listbox" aria-label="Suggestions de mots-clés" className="listbox" hidden={!expanded}>
          {options.map((option, i) => (
            <li
              key={`${option.create ? 'new' : 'tag'}-${option.name}`}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === activeIndex}
              className={i === activeIndex ? 'is-active' : undefined}
              // mousedown, not click: it runs before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                add(option.name);
              }}
            >
              {option.create ? `Créer « ${option.name} »` : option.name}
            </li>
          ))}
        </ul>
      </div>
      <p className="hint" id={`${id}-hint`}>
        Entrée ou virgule pour ajouter ; les flèches parcourent les suggestions.
      </p>
      <p className="visually-hidden" role="status">
        {announce}
      </p>
    </div>
  );
}
