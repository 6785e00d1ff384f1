/**
 * The small HTTP rules the page cache applies itself on its fast path: the cache key of a
 * URL, the encoding a client accepts, and whether its copy is still good (304).
 */
import { createHash } from 'node:crypto';

/** Longest URL the cache keys (longer ones are rendered every time). */
const MAX_KEY_LENGTH = 2048;

/**
 * The cache key of a request URL: the path as sent, and the query parameters sorted by name
 * (the order of repeated names kept), so `?b=1&a=2` and `?a=2&b=1` share one entry.
 * Undefined when the URL is not cached.
 */
export function cacheKey(url: string): string | undefined {
  if (url.length > MAX_KEY_LENGTH) return undefined;
  const mark = url.indexOf('?');
  if (mark === -1) return url;
  const params = new URLSearchParams(url.slice(mark + 1));
  params.sort();
  const query = params.toString();
  return query === '' ? url.slice(0, mark) : `${url.slice(0, mark)}?${query}`;
}

/** The encodings a page may be stored in. */
export type StoredEncoding = 'br' | 'gzip' | 'identity';

/**
 * The best encoding for an Accept-Encoding header among the stored ones: brotli, then gzip,
 * by the client's q-values (`*` counts for both); identity when it accepts neither.
 */
export function pickEncoding(acceptEncoding: string | undefined, hasBr: boolean, hasGzip: boolean): StoredEncoding {
  if (acceptEncoding === undefined || acceptEncoding === '' || (!hasBr && !hasGzip)) return 'identity';
  let br = -1;
  let gzip = -1;
  let any = -1;
  for (const part of acceptEncoding.split(',')) {
    const [rawName, ...params] = part.split(';');
    const name = (rawName ?? '').trim().toLowerCase();
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=');
      if ((key ?? '').trim().toLowerCase() === 'q') q = Number((value ?? '').trim()) || 0;
    }
    if (name === 'br') br = q;
    else if (name === 'gzip' || name === 'x-gzip') gzip = q;
    else if (name === '*') any = q;
  }
  if (br < 0) br = any;
  if (gzip < 0) gzip = any;
  if (hasBr && br > 0 && (!hasGzip || br >= gzip)) return 'br';
  if (hasGzip && gzip > 0) return 'gzip';
  if (hasBr && br > 0) return 'br';
  return 'identity';
}

/** A strong ETag of a body: a hash of its bytes (the identity encoding). */
export function strongEtag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * Whether the client's copy is current (RFC 9110 §13.1): If-None-Match when present (weak
 * comparison, `*` matches), else If-Modified-Since against Last-Modified (whole seconds).
 */
export function isNotModified(ifNoneMatch: string | undefined, ifModifiedSince: string | undefined, etag: string, lastModified: number | undefined): boolean {
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch === etag) return true;
    for (const candidate of ifNoneMatch.split(',')) {
      const tag = candidate.trim();
      if (tag === '*' || tag === etag || (tag.startsWith('W/') && tag.slice(2) === etag)) return true;
    }
    return false;
  }
  if (ifModifiedSince === undefined || lastModified === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && lastModified <= since;
}
