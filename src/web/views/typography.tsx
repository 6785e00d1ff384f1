/**
 * French typography in templates: the page's mode travels in a context set by the layout,
 * so every title, dek and caption is set the same way without passing the mode around.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { splitOrdinals, typeset, type TypographyMode } from '../../domain/text/french-typography.js';

/** The typography mode of the page being rendered. */
export const TypographyContext = createContext<TypographyMode>('off');

// Pages show the same titles again and again (cards, menus): set each text once.
const cache = new Map<string, string>();
const CACHE_SIZE = 20_000;

/** Plain text set for the mode (for `<title>`, attributes and JSON-LD), cached. */
export function typesetText(text: string, mode: TypographyMode): string {
  if (mode === 'off' || text === '') return text;
  let set = cache.get(text);
  if (set === undefined) {
    set = typeset(text, mode);
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(text, set);
  }
  return set;
}

/** Text set with the page's typography; ordinal suffixes in `<sup>` ("XXI<sup>e</sup> siècle"). */
export function Typo(props: { text: string }) {
  const mode = useContext(TypographyContext);
  if (mode === 'off') return <>{props.text}</>;
  return <>{splitOrdinals(typesetText(props.text, mode)).map((part) => (typeof part === 'string' ? part : <sup>{part.sup}</sup>))}</>;
}
