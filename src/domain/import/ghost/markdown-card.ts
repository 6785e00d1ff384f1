/** Ghost's Markdown cards (mobiledoc, Lexical) and 0.x `markdown` bodies → HTML, with `marked`. */
import { Marked } from 'marked';
import { type ConversionProblems, esc } from './html-out.js';

// One instance with GitHub-flavoured Markdown, as Ghost's editor wrote it; no global options touched.
const markdown = new Marked({ gfm: true, breaks: false, async: false });

/** Markdown as HTML (raw HTML in it is kept for the HTML converter, which drops what it cannot hold). */
export function markdownCard(text: string, problems: ConversionProblems): string {
  try {
    return markdown.parse(text, { async: false });
  } catch {
    problems.add('Markdown that could not be rendered kept as text');
    return `<p>${esc(text)}</p>`;
  }
}
