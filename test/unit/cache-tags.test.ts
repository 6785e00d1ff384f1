import { describe, expect, it } from 'vitest';
import { articleChangeTags, cardTags, TagSet, type ArticlePlacement } from '../../src/domain/cache-tags.js';

const placed = (overrides: Partial<ArticlePlacement> = {}): ArticlePlacement => ({
  live: true,
  publishedAt: 1_000,
  categoryIds: [1, 2],
  tagIds: [7],
  authorIds: [3],
  ...overrides,
});

const sorted = (tags: string[]) => [...tags].sort();

describe('cache tags of an article write', () => {
  it('an article readers never saw changes nothing they see', () => {
    expect(articleChangeTags(5, undefined, placed({ live: false }))).toEqual([]);
    expect(articleChangeTags(5, placed({ live: false }), placed({ live: false, tagIds: [8] }))).toEqual([]);
    expect(articleChangeTags(5, placed({ live: false }), undefined)).toEqual([]);
  });

  it('editing a live article in place names it, search and sitemaps only', () => {
    expect(sorted(articleChangeTags(5, placed(), placed()))).toEqual(['a:5', 'search', 'sitemap']);
  });

  it('publishing names every listing it joins, the site-wide one included', () => {
    expect(sorted(articleChangeTags(5, placed({ live: false }), placed()))).toEqual(['a:5', 'list:all', 'list:c:1', 'list:c:2', 'list:t:7', 'list:u:3', 'search', 'sitemap']);
    expect(sorted(articleChangeTags(5, undefined, placed()))).toEqual(['a:5', 'list:all', 'list:c:1', 'list:c:2', 'list:t:7', 'list:u:3', 'search', 'sitemap']);
  });

  it('unpublishing or deleting names every listing it leaves', () => {
    const expected = ['a:5', 'list:all', 'list:c:1', 'list:c:2', 'list:t:7', 'list:u:3', 'search', 'sitemap'];
    expect(sorted(articleChangeTags(5, placed(), placed({ live: false })))).toEqual(expected);
    expect(sorted(articleChangeTags(5, placed(), undefined))).toEqual(expected);
  });

  it('moving a live article names only the listings it left and joined', () => {
    const tags = articleChangeTags(5, placed(), placed({ categoryIds: [1, 4], tagIds: [7, 9], authorIds: [6] }));
    expect(sorted(tags)).toEqual(['a:5', 'list:c:2', 'list:c:4', 'list:t:9', 'list:u:3', 'list:u:6', 'search', 'sitemap']);
  });

  it('a new publication time reorders every listing on both sides', () => {
    const tags = articleChangeTags(5, placed(), placed({ publishedAt: 2_000, tagIds: [8] }));
    expect(sorted(tags)).toEqual(['a:5', 'list:all', 'list:c:1', 'list:c:2', 'list:t:7', 'list:t:8', 'list:u:3', 'search', 'sitemap']);
  });
});

describe('cache tags of what a page shows', () => {
  it('a card names its article, category, authors, tags and image', () => {
    expect(cardTags({ articleId: 1, categoryId: 2, authorIds: [3, 4], tagIds: [5], mediaId: 6 })).toEqual(['a:1', 'c:2', 'u:3', 'u:4', 't:5', 'm:6']);
    expect(cardTags({ articleId: 1, categoryId: 2, authorIds: [3], tagIds: [], mediaId: null })).toEqual(['a:1', 'c:2', 'u:3']);
  });

  it('every page carries the site tag first, and no tag twice', () => {
    expect(new TagSet().add('a:1', 'c:2').add('a:1').list()).toEqual(['site', 'a:1', 'c:2']);
  });
});
