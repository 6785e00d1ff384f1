/**
 * The small pieces of WordPress eXtended RSS (WXR 1.2) markup: CDATA sections, WordPress
 * dates and the mapping of Dépêche statuses to WordPress ones. Pure functions.
 */
import type { ArticleStatus } from '../article.js';
import type { CommentStatus } from '../comment.js';

/** Characters XML 1.0 forbids anywhere (control characters, lone surrogates, U+FFFE/U+FFFF). */
const INVALID_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text without the characters XML 1.0 cannot carry. */
export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, '');
}

/** Escapes text for XML content or a double-quoted attribute. */
export function xmlEscape(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}

/** A CDATA section holding any text: "]]>" is split across two sections, as WordPress does. */
export function cdata(text: string): string {
  return `<![CDATA[${xmlSafe(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** An element whose text goes in a CDATA section (WordPress writes names and content so). */
export function cdataElement(name: string, text: string): string {
  return `<${name}>${cdata(text)}</${name}>`;
}

/** An element with escaped text. */
export function textElement(name: string, text: string | number): string {
  return `<${name}>${xmlEscape(String(text))}</${name}>`;
}

/** "2025-12-01 14:05:00": a WordPress date in UTC (the `_gmt` fields). */
export function wpGmtDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** "2025-12-01 15:05:00": a WordPress date in the site's time zone (the fields without `_gmt`). */
export function wpLocalDate(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/**
 * The WordPress status of an article. "unpublished" has no WordPress equivalent: it becomes
 * a draft (the export adds a `_depeche_status` meta so a Dépêche import can tell).
 */
export function wpPostStatus(status: ArticleStatus): 'publish' | 'future' | 'draft' | 'pending' | 'trash' {
  switch (status) {
    case 'published':
      return 'publish';
    case 'scheduled':
      return 'future';
    case 'review':
      return 'pending';
    case 'trash':
      return 'trash';
    case 'draft':
    case 'unpublished':
      return 'draft';
  }
}

/** The `wp:comment_approved` value of a comment status. */
export function wpCommentApproved(status: CommentStatus): '1' | '0' | 'spam' | 'trash' {
  return status === 'approved' ? '1' : status === 'pending' ? '0' : status;
}
