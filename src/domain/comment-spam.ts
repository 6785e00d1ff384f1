/**
 * Spam rules that need no outside service: what a bot cannot help doing (filling a hidden
 * field, posting within a second, pasting links) and the operator's blocklists. A rule
 * either rejects the post (the person is told why in general terms and can fix it) or flags
 * it as spam (stored in the spam queue, recoverable by moderators: never silently dropped).
 */
import type { CommentSettings } from './comment-settings.js';
import { countLinks } from './comment-text.js';

/** A post as the spam rules see it. */
export interface SpamCandidate {
  name: string;
  email: string;
  website: string;
  body: string;
  ip: string;
  /** Whatever came in the hidden honeypot field. */
  honeypot: string;
}

/** Why a post is refused outright (catalogue codes, told to the poster in general terms). */
export type Rejection = 'DEPECHE_COMMENT_UNVERIFIED' | 'DEPECHE_COMMENT_TOO_MANY_LINKS';

/** The outcome of the rules. */
export type SpamVerdict = { kind: 'reject'; code: Rejection } | { kind: 'spam'; rule: string } | { kind: 'clean' };

/** Lowercase without accents, so "Crédit" matches "credit". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether a blocked word or phrase appears in the text, as a whole word. */
function containsWord(haystack: string, word: string): boolean {
  const needle = fold(word);
  if (needle === '') return false;
  let at = haystack.indexOf(needle);
  while (at !== -1) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
    if (!isWordChar(before) && !isWordChar(after)) return true;
    at = haystack.indexOf(needle, at + 1);
  }
  return false;
}

/** Whether an email matches a blocklist entry: the address itself or "@domain". */
export function emailBlocked(email: string, blocked: readonly string[]): boolean {
  const address = email.toLowerCase();
  return blocked.some((entry) => (entry.startsWith('@') ? address.endsWith(entry.toLowerCase()) : address === entry.toLowerCase()));
}

/** Whether an IP matches a blocklist entry: the address itself or a prefix ending with "." or ":". */
export function ipBlocked(ip: string, blocked: readonly string[]): boolean {
  const address = ip.replace(/^::ffff:/, '');
  return blocked.some((entry) => (/[.:]$/.test(entry) ? address.startsWith(entry) : address === entry));
}

/** Runs the rules in order: the honeypot, the link limit, then the blocklists. */
export function judgeComment(candidate: SpamCandidate, settings: Pick<CommentSettings, 'maxLinks' | 'blockedWords' | 'blockedEmails' | 'blockedIps'>): SpamVerdict {
  if (candidate.honeypot.trim() !== '') return { kind: 'reject', code: 'DEPECHE_COMMENT_UNVERIFIED' };
  if (countLinks(candidate.body) > settings.maxLinks) return { kind: 'reject', code: 'DEPECHE_COMMENT_TOO_MANY_LINKS' };
  if (ipBlocked(candidate.ip, settings.blockedIps)) return { kind: 'spam', rule: 'ip' };
  if (emailBlocked(candidate.email, settings.blockedEmails)) return { kind: 'spam', rule: 'email' };
  const text = fold(`${candidate.name}\n${candidate.email}\n${candidate.website}\n${candidate.body}`);
  if (settings.blockedWords.some((w) => containsWord(text, w))) return { kind: 'spam', rule: 'word' };
  return { kind: 'clean' };
}
