/**
 * Paragraphs from line breaks, the way WordPress shows classic-editor posts (its "autop"):
 * a blank line separates paragraphs, a single line break inside a paragraph is a `<br>`, and
 * block elements (lists, quotes, tables, figures…) are never wrapped in a paragraph.
 * Written from that behaviour; the HTML parser downstream tolerates what is left imperfect.
 */

const BLOCK = 'table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|iframe|video|audio|object|embed|script|noscript|svg|main';
const OPEN_OR_CLOSE_BLOCK = new RegExp(`<\\/?(?:${BLOCK})\\b[^>]*>`, 'gi');
const STARTS_WITH_BLOCK = new RegExp(`^(?:<\\/?(?:${BLOCK})\\b|<!--autop-)`, 'i');
const ENDS_WITH_BLOCK = new RegExp(`(?:<\\/?(?:${BLOCK})\\b[^>]*>|<!--autop-\\d+-->)$`, 'i');

/** Turns classic-editor text into HTML paragraphs. */
export function autop(text: string): string {
  if (text.trim() === '') return '';
  const kept: string[] = [];
  // Preformatted text and scripts keep their line breaks as they are.
  let t = text.replace(/\r\n?/g, '\n').replace(/<(pre|script|style|textarea)\b[\s\S]*?<\/\1\s*>/gi, (whole) => `<!--autop-${kept.push(whole) - 1}-->`);
  // Every block tag stands apart, so that it never lands inside a paragraph.
  t = t.replace(OPEN_OR_CLOSE_BLOCK, (tag) => (tag.startsWith('</') ? `${tag}\n\n` : `\n\n${tag}`));
  t = t.replace(/<!--autop-\d+-->/g, (mark) => `\n\n${mark}\n\n`);
  const chunks = t
    .split(/\n[ \t]*\n/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const html = chunks
    .map((chunk) => {
      const lines = chunk.split('\n');
      let joined = lines[0] ?? '';
      for (let i = 1; i < lines.length; i++) {
        const line = lines[i] ?? '';
        // A line break next to a block tag is layout, not a <br>.
        joined += ENDS_WITH_BLOCK.test(joined.trimEnd()) || STARTS_WITH_BLOCK.test(line.trimStart()) ? `\n${line}` : `<br />\n${line}`;
      }
      return STARTS_WITH_BLOCK.test(joined) ? joined : `<p>${joined}</p>`;
    })
    .join('\n');
  return html.replace(/<!--autop-(\d+)-->/g, (_whole, n: string) => kept[Number(n)] ?? '');
}
