/** The import benchmark's WordPress export generator writes well-formed WXR 1.2 with what it reports. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { generateWxr, type WxrStats } from '../../bench/import/generate-wxr.js';
import { cdata, xmlText } from '../../bench/import/xml-writer.js';

type Node = Record<string, unknown>;

function list(value: unknown): Node[] {
  return value === undefined ? [] : ((Array.isArray(value) ? value : [value]) as Node[]);
}

describe('WXR generator of the import benchmark', () => {
  let dir: string;
  let xml: string;
  let stats: WxrStats;
  let channel: Node;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'depeche-wxr-'));
    const file = join(dir, 'export.xml');
    stats = generateWxr(file, { posts: 50 });
    xml = readFileSync(file, 'utf8');
    const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['item', 'wp:comment', 'wp:author', 'wp:category', 'wp:tag', 'category', 'wp:postmeta'].includes(name) });
    channel = (parser.parse(xml) as { rss: { channel: Node } }).rss.channel;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is well-formed XML for libxml2', async () => {
    const result = await validateXML({ xml: [{ fileName: 'export.xml', contents: xml }], normalization: 'format' });
    expect(result.errors.map((e) => e.message)).toEqual([]);
  });

  it('is a WXR 1.2 channel with authors, nested categories and tags', () => {
    expect(channel['wp:wxr_version']).toBe('1.2');
    expect(channel['wp:base_site_url']).toMatch(/^https:\/\//);
    expect(channel['wp:base_blog_url']).toBe(channel['wp:base_site_url']);
    expect(list(channel['wp:author'])).toHaveLength(20);
    const categories = list(channel['wp:category']);
    expect(categories).toHaveLength(30);
    const slugs = new Set(categories.map((c) => c['wp:category_nicename']));
    const children = categories.filter((c) => c['wp:category_parent'] !== '');
    expect(children.length).toBeGreaterThan(10);
    for (const child of children) expect(slugs.has(child['wp:category_parent'])).toBe(true);
    expect(list(channel['wp:tag'])).toHaveLength(200);
  });

  it('has the posts and comments it reports', () => {
    const items = list(channel.item);
    expect(items).toHaveLength(50);
    expect(stats.posts).toBe(50);
    const comments = items.flatMap((item) => list(item['wp:comment']));
    expect(comments).toHaveLength(stats.comments);
    expect(stats.comments).toBeGreaterThan(0);
    expect(comments.filter((c) => c['wp:comment_parent'] !== '0')).toHaveLength(stats.replies);
    expect(new Set(comments.map((c) => c['wp:comment_id'])).size).toBe(comments.length);
    for (const item of items) {
      expect(item['wp:post_type']).toBe('post');
      expect(list(item['wp:comment']).length).toBeLessThanOrEqual(5);
      // A reply's parent is an earlier comment of the same post.
      const ids = new Set<unknown>();
      for (const c of list(item['wp:comment'])) {
        if (c['wp:comment_parent'] !== '0') expect(ids.has(c['wp:comment_parent'])).toBe(true);
        ids.add(c['wp:comment_id']);
      }
    }
    const published = items.filter((i) => i['wp:status'] === 'publish').length;
    expect(published).toBe((stats.postsByStatus.publish ?? 0) + (stats.postsByStatus['publish-password'] ?? 0));
  });

  it('writes GMT dates and categories per post', () => {
    for (const item of list(channel.item)) {
      expect(item['wp:post_date_gmt']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(String(item.pubDate)).toMatch(/\+0000$/);
      expect(list(item.category).some((c) => c['@_domain'] === 'category')).toBe(true);
    }
  });

  it('keeps "]]>" in content by splitting the CDATA section', () => {
    expect(stats.cdataSplits).toBeGreaterThan(0);
    const bodies = list(channel.item).map((item) => String(item['content:encoded']));
    expect(bodies.filter((body) => body.includes('/* ]]> */'))).toHaveLength(stats.cdataSplits);
  });

  it('mixes classic and block-editor bodies with captions', () => {
    const bodies = list(channel.item).map((item) => String(item['content:encoded']));
    expect(bodies.filter((b) => b.includes('<!-- wp:paragraph -->'))).toHaveLength(stats.gutenbergPosts);
    expect(stats.gutenbergPosts).toBeGreaterThan(0);
    expect(stats.gutenbergPosts).toBeLessThan(50);
    expect(bodies.some((b) => /\[caption id="attachment_\d+"[^\]]*\]<img [^>]*src="https:\/\/[^"]+\.jpg"/.test(b))).toBe(true);
  });

  it('gives the same bytes for the same options', () => {
    const again = join(dir, 'again.xml');
    generateWxr(again, { posts: 50 });
    expect(readFileSync(again, 'utf8')).toBe(xml);
  });

  it('escapes text and CDATA', () => {
    expect(xmlText('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
    expect(cdata('x]]>y]]>')).toBe('<![CDATA[x]]]]><![CDATA[>y]]]]><![CDATA[>]]>');
  });
});
