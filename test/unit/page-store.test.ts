import { describe, expect, it } from 'vitest';
import { PageStore, type StoredPage } from '../../src/web/cache/page-store.js';

function page(key: string, tags: string[], bytes = 100, expiresAt = Infinity): StoredPage {
  const body = Buffer.from(key);
  return { key, tags, etag: `"${key}"`, lastModified: 0, expiresAt, cookieSensitive: false, identity: { headers: [], body }, gzip: undefined, br: undefined, notModified: [], bytes };
}

describe('page store', () => {
  it('drops exactly the pages carrying an invalidated tag, and keeps its index in step', () => {
    const store = new PageStore(10_000);
    const start = store.renderStarted();
    store.put(page('/', ['site', 'list:all', 'a:1']), start);
    store.put(page('/monde/', ['site', 'list:c:1', 'a:1', 'a:2']), start);
    store.put(page('/sport/', ['site', 'list:c:2', 'a:3']), start);
    expect(store.invalidate(['a:1'])).toBe(2);
    expect(store.keys()).toEqual(['/sport/']);
    expect(store.invalidate(['a:1'])).toBe(0);
    expect(store.invalidate(['site'])).toBe(1);
    expect(store.size).toBe(0);
    expect(store.bytes).toBe(0);
  });

  it('refuses a page whose render started before an invalidation of one of its tags', () => {
    const store = new PageStore(10_000);
    const before = store.renderStarted();
    store.invalidate(['a:1']);
    expect(store.put(page('/a', ['site', 'a:1']), before)).toBe(false);
    // Other tags were not named: a page rendered meanwhile without them may be stored.
    expect(store.put(page('/b', ['site', 'a:2']), before)).toBe(true);
    // A render that started after the invalidation read the new rows.
    expect(store.put(page('/a', ['site', 'a:1']), store.renderStarted())).toBe(true);
  });

  it('refuses every render in progress after dropping everything', () => {
    const store = new PageStore(10_000);
    const before = store.renderStarted();
    store.put(page('/a', ['site']), before);
    expect(store.invalidate([], true)).toBe(1);
    expect(store.put(page('/b', ['site', 'x']), before)).toBe(false);
    expect(store.put(page('/b', ['site', 'x']), store.renderStarted())).toBe(true);
  });

  it('evicts the least recently used pages to stay within its bound', () => {
    const store = new PageStore(300);
    const start = store.renderStarted();
    store.put(page('/1', ['site', 't:1']), start);
    store.put(page('/2', ['site']), start);
    store.put(page('/3', ['site']), start);
    expect(store.get('/1', 0)).toBeDefined();
    store.put(page('/4', ['site']), start);
    expect(store.keys()).toEqual(['/3', '/1', '/4']);
    expect(store.bytes).toBe(300);
    // A page larger than the whole bound is not stored.
    expect(store.put(page('/big', ['site'], 301), start)).toBe(false);
    // Evicted pages left the tag index: naming their tags drops nothing else.
    store.put(page('/5', ['site']), start);
    expect(store.keys()).toEqual(['/1', '/4', '/5']);
    expect(store.invalidate(['t:1'])).toBe(1);
  });

  it('forgets pages past their age', () => {
    const store = new PageStore(10_000);
    store.put(page('/a', ['site'], 100, 1_000), store.renderStarted());
    expect(store.get('/a', 999)).toBeDefined();
    expect(store.get('/a', 1_000)).toBeUndefined();
    expect(store.size).toBe(0);
  });
});
