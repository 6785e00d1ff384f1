/** Tiny HTML writing helpers for the Ghost body converters (their output goes to htmlToDocument). */
import { escapeHtml } from '../../html-escape.js';

/** Text escaped for HTML content or a double-quoted attribute. */
export function esc(text: unknown): string {
  return typeof text === 'string' ? escapeHtml(text) : '';
}

/** A string field of a parsed JSON object, or ''. */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A figure with an image and an optional caption (Ghost captions are HTML: kept as HTML for the converter). */
export function figureHtml(src: string, alt: string, captionHtml: string): string {
  if (src === '') return '';
  return `<figure><img src="${esc(src)}" alt="${esc(alt)}">${captionHtml.trim() !== '' ? `<figcaption>${captionHtml}</figcaption>` : ''}</figure>`;
}

/** Counts what a converter could not render, for the report. */
export class ConversionProblems {
  private readonly seen = new Map<string, number>();

  add(problem: string): void {
    this.seen.set(problem, (this.seen.get(problem) ?? 0) + 1);
  }

  list(): string[] {
    return [...this.seen].map(([problem, n]) => (n > 1 ? `${problem} (${n}×)` : problem));
  }
}
