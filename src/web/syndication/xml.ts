/** XML text and dates for feeds and sitemaps, written by hand: a few lines, no dependency needed. */

/** Characters XML 1.0 forbids anywhere (control characters, lone surrogates, U+FFFE/U+FFFF). */
const INVALID_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML content or a quoted attribute, dropping characters XML cannot carry. */
export function xmlText(text: string): string {
  return text.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** An element with escaped text content. */
export function xmlElement(name: string, text: string): string {
  return `<${name}>${xmlText(text)}</${name}>`;
}

/** RFC 822 date (with a four-digit year, as RFC 1123 and every feed reader expect): "Mon, 01 Dec 2025 13:05:00 GMT". */
export function rfc822(date: Date): string {
  return date.toUTCString();
}

/** RFC 3339 / W3C date-time in UTC, to the second: "2025-12-01T13:05:00Z". */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Text of JSON documents with characters no JSON reader should meet removed. */
export function cleanText(text: string): string {
  return text.replace(INVALID_XML, '');
}
