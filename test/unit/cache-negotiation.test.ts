import { describe, expect, it } from 'vitest';
import { cacheKey, isNotModified, pickEncoding, strongEtag } from '../../src/web/cache/negotiation.js';
import { mergeVary } from '../../src/web/cache/page-cache.js';

describe('page cache keys', () => {
  it('keeps the path and sorts the query by name', () => {
    expect(cacheKey('/monde/')).toBe('/monde/');
    expect(cacheKey('/recherche?q=paix&page=2')).toBe('/recherche?page=2&q=paix');
    expect(cacheKey('/recherche?page=2&q=paix')).toBe('/recherche?page=2&q=paix');
    expect(cacheKey('/recherche?q=a+b')).toBe(cacheKey('/recherche?q=a%20b'));
    expect(cacheKey('/?')).toBe('/');
    expect(cacheKey('/x?tag=b&a=1&tag=a')).toBe('/x?a=1&tag=b&tag=a');
    expect(cacheKey(`/recherche?q=${'a'.repeat(3000)}`)).toBeUndefined();
  });
});

describe('content negotiation', () => {
  it('prefers brotli, then gzip, as the client allows', () => {
    expect(pickEncoding('gzip, deflate, br', true, true)).toBe('br');
    expect(pickEncoding('gzip, deflate', true, true)).toBe('gzip');
    expect(pickEncoding('br;q=0.5, gzip;q=0.8', true, true)).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0', true, true)).toBe('identity');
    expect(pickEncoding('*', true, true)).toBe('br');
    expect(pickEncoding('identity', true, true)).toBe('identity');
    expect(pickEncoding(undefined, true, true)).toBe('identity');
    expect(pickEncoding('gzip, br', false, false)).toBe('identity');
  });

  it('answers 304 on a matching ETag, else on an older If-Modified-Since', () => {
    const etag = strongEtag('<p>page</p>');
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(isNotModified(etag, undefined, etag, undefined)).toBe(true);
    expect(isNotModified(`"x", W/${etag}`, undefined, etag, undefined)).toBe(true);
    expect(isNotModified('*', undefined, etag, undefined)).toBe(true);
    expect(isNotModified('"x"', 'Tue, 01 Dec 2099 00:00:00 GMT', etag, 0)).toBe(false);
    const at = Date.parse('Mon, 01 Dec 2025 10:00:00 GMT');
    expect(isNotModified(undefined, 'Mon, 01 Dec 2025 10:00:00 GMT', etag, at)).toBe(true);
    expect(isNotModified(undefined, 'Mon, 01 Dec 2025 09:59:59 GMT', etag, at)).toBe(false);
    expect(isNotModified(undefined, 'pas une date', etag, at)).toBe(false);
    expect(isNotModified(undefined, 'Mon, 01 Dec 2025 10:00:00 GMT', etag, undefined)).toBe(false);
  });

  it('adds Accept-Encoding to Vary once', () => {
    expect(mergeVary(undefined, 'Accept-Encoding')).toBe('Accept-Encoding');
    expect(mergeVary('Cookie', 'Accept-Encoding')).toBe('Cookie, Accept-Encoding');
    expect(mergeVary('cookie, accept-encoding', 'Accept-Encoding')).toBe('cookie, accept-encoding');
  });
});
