/**
 * bench/RESULTS.md holds the sections of several benchmarks (page load, import). Each script
 * rewrites only its own section, found between HTML comment markers, and keeps the others.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const TITLE = '# Dépêche benchmark results\n\nWritten by `npm run bench` and `npm run bench:import`; each rewrites its own section. Measurements, not tests: goals are reported, never asserted.\n';

/** The order sections take in a new file. */
const SECTION_ORDER = ['load', 'import'];

function markers(id: string): { start: string; end: string } {
  return { start: `<!-- bench:${id}:start -->`, end: `<!-- bench:${id}:end -->` };
}

/** Returns `document` with the section `id` replaced by (or, when absent, given) `markdown`. */
export function replaceSection(document: string, id: string, markdown: string): string {
  const { start, end } = markers(id);
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from >= 0 && to > from) return document.slice(0, from) + block + document.slice(to + end.length);
  const base = document.trim() === '' ? TITLE : document.replace(/\s*$/, '\n');
  // A section whose place comes before an existing one goes in front of it.
  const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(id) + 1)
    .map((other) => base.indexOf(markers(other).start))
    .filter((at) => at >= 0);
  if (SECTION_ORDER.includes(id) && later.length > 0) {
    const at = Math.min(...later);
    return `${base.slice(0, at)}${block}\n\n${base.slice(at)}`;
  }
  return `${base}\n${block}\n`;
}

/** Rewrites the section `id` of the results file, creating the file if needed. */
export function writeResultsSection(file: string, id: string, markdown: string): void {
  const document = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writeFileSync(file, replaceSection(document, id, markdown));
}
