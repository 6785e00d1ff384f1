/**
 * The token every comment form carries: it proves the form came from this site for this
 * article (CSRF) and when it was rendered (the time trap), with an HMAC of the server secret.
 * It is not tied to a reader, so a page cached by a CDN still carries a valid token.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ErrorCode } from '../errors.js';

function mac(key: Buffer, articleId: number, issuedAt: number, nonce: string): string {
  return createHmac('sha256', key).update(`${articleId}.${issuedAt}.${nonce}`).digest('base64url').slice(0, 22);
}

/** A token for the form of an article rendered at `issuedAt`. */
export function issueFormToken(key: Buffer, articleId: number, issuedAt: number): string {
  const nonce = randomBytes(6).toString('base64url');
  const at = Math.floor(issuedAt).toString(36);
  return `${at}.${nonce}.${mac(key, articleId, issuedAt, nonce)}`;
}

/** How old a token may be. */
export interface TokenWindow {
  minAgeMs: number;
  maxAgeMs: number;
}

/**
 * Checks a token: undefined when it is good, or the catalogue code of what is wrong. A forged
 * token and a token of another article read the same way (no hint to a bot).
 */
export function checkFormToken(key: Buffer, token: string, articleId: number, now: number, window: TokenWindow): ErrorCode | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > 80) return 'DEPECHE_COMMENT_UNVERIFIED';
  const [at, nonce, given] = parts as [string, string, string];
  if (!/^[0-9a-z]{1,12}$/.test(at)) return 'DEPECHE_COMMENT_UNVERIFIED';
  const issuedAt = parseInt(at, 36);
  const expected = Buffer.from(mac(key, articleId, issuedAt, nonce));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return 'DEPECHE_COMMENT_UNVERIFIED';
  const age = now - issuedAt;
  // A little clock skew between app nodes is tolerated; a token from the far future is not.
  if (age < -30_000) return 'DEPECHE_COMMENT_UNVERIFIED';
  if (age < window.minAgeMs) return 'DEPECHE_COMMENT_TOO_FAST';
  if (age > window.maxAgeMs) return 'DEPECHE_COMMENT_FORM_EXPIRED';
  return undefined;
}
