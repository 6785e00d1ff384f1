/** Turns a page component into the HTML document sent to readers. */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Renders a page: preact escapes every text and attribute by default. */
export function renderPage(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>`, `&` and line separators are
 * escaped so a headline holding `</script>` cannot end the script element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
