/**
 * What a WXR file holds, counted independently of the importer: fast-xml-parser (lenient,
 * so raw "&" pass) builds a tree, namespaces are resolved here by walking xmlns attributes,
 * and the counts follow the import rules documented in the README (post and page items,
 * attachments with an http(s) address, comments of posts, distinct authors and terms).
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

interface Element {
  uri: string;
  local: string;
  attrs: Record<string, string>;
  text: string;
  children: Element[];
}

const WP = /^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/$/;
const EXCERPT = /^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/excerpt\/$/;

function toElements(nodes: OrderedNode[], scope: Map<string, string>): { elements: Element[]; text: string } {
  const elements: Element[] = [];
  let text = '';
  for (const node of nodes) {
    for (const [key, value] of Object.entries(node)) {
      if (key === ':@') continue;
      if (key === '#text') {
        text += String(value);
        continue;
      }
      if (key === '#cdata') {
        text += toElements(value as OrderedNode[], scope).text;
        continue;
      }
      if (key.startsWith('?') || key.startsWith('!')) continue;
      const attrs = node[':@'] ?? {};
      const inner = new Map(scope);
      for (const [name, v] of Object.entries(attrs)) {
        if (name === 'xmlns') inner.set('', v);
        else if (name.startsWith('xmlns:')) inner.set(name.slice(6), v);
      }
      const [prefix, local] = key.includes(':') ? [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)] : ['', key];
      const sub = toElements(value as OrderedNode[], inner);
      const plainAttrs: Record<string, string> = {};
      for (const [name, v] of Object.entries(attrs)) if (!name.startsWith('xmlns')) plainAttrs[name] = String(v);
      elements.push({ uri: inner.get(prefix) ?? '', local, attrs: plainAttrs, text: sub.text, children: sub.elements });
    }
  }
  return { elements, text };
}

const isWp = (e: Element, local: string) => WP.test(e.uri) && e.local === local;
const wpText = (e: Element, local: string) => {
  let found: string | undefined;
  for (const c of e.children) if (isWp(c, local)) found = c.text;
  return found?.trim();
};

/** A slug as the test reads it: decoded, accents off, lower case, hyphens. */
function normalise(slug: string): string {
  let decoded = slug.trim();
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // kept as is
  }
  return decoded
    .replace(/\.html?$/i, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The counts a file should import to. */
export interface WxrExpectation {
  articles: number;
  pages: number;
  attachments: number;
  comments: number;
  /** Comments of posts and pages not imported (pingbacks, trackbacks, comments on pages, empty ones). */
  commentsSkipped: number;
  authors: number;
  categories: number;
  tags: number;
}

/** Counts what a WXR file holds. */
export function expectedCounts(path: string): WxrExpectation {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', cdataPropName: '#cdata', processEntities: true, htmlEntities: true, trimValues: false });
  const tree = parser.parse(readFileSync(path, 'utf8')) as OrderedNode[];
  const rss = toElements(tree, new Map()).elements.find((e) => e.local === 'rss');
  const channel = rss?.children.find((e) => e.local === 'channel' && e.uri === '');
  const entries = channel?.children ?? [];
  const authors = new Set<string>();
  const categories = new Set<string>();
  const tags = new Set<string>();
  const articles = new Set<string>();
  const pages = new Set<string>();
  const attachments = new Set<string>();
  const comments = new Set<string>();
  const allComments = new Set<string>();
  for (const e of entries) {
    if (isWp(e, 'author') && wpText(e, 'author_login')) authors.add(wpText(e, 'author_login')!);
    if (isWp(e, 'category') && wpText(e, 'category_nicename')) categories.add(normalise(wpText(e, 'category_nicename')!));
    if (isWp(e, 'tag') && wpText(e, 'tag_slug')) tags.add(normalise(wpText(e, 'tag_slug')!));
    if (isWp(e, 'term')) {
      const taxonomy = wpText(e, 'term_taxonomy');
      const slug = wpText(e, 'term_slug') ?? '';
      if (slug === '') continue;
      if (taxonomy === 'category') categories.add(normalise(slug));
      if (taxonomy === 'post_tag') tags.add(normalise(slug));
      if (taxonomy === 'author') authors.add(slug.replace(/^cap-/, ''));
    }
  }
  for (const item of entries.filter((e) => e.uri === '' && e.local === 'item')) {
    const type = wpText(item, 'post_type');
    // Items without wp:post_id are still posts: the guid or link (else the title) tells them apart.
    const plain = (local: string) => item.children.find((c) => c.uri === '' && c.local === local)?.text.trim() ?? '';
    const id = wpText(item, 'post_id') ?? (plain('guid') || plain('link') || plain('title') ? `key:${plain('guid')}|${plain('link')}|${plain('title')}` : '');
    const status = wpText(item, 'status') ?? 'draft';
    if (type === 'attachment') {
      const url = wpText(item, 'attachment_url') ?? item.children.find((c) => c.uri === '' && c.local === 'guid')?.text.trim() ?? '';
      if (id !== '' && /^https?:\/\//.test(url)) attachments.add(id);
      continue;
    }
    if ((type !== 'post' && type !== 'page') || id === '' || status === 'auto-draft' || status === 'inherit') continue;
    (type === 'post' ? articles : pages).add(id);
    const coAuthors: string[] = [];
    for (const c of item.children.filter((c) => c.uri === '' && c.local === 'category')) {
      const nicename = c.attrs.nicename ?? (c.attrs.domain === undefined ? c.text.trim() : '');
      if (nicename === '') continue;
      const domain = c.attrs.domain ?? 'category';
      if (domain === 'category') categories.add(normalise(nicename));
      else if (domain === 'post_tag') tags.add(normalise(nicename));
      else if (domain === 'author') coAuthors.push(nicename.replace(/^cap-/, ''));
    }
    coAuthors.forEach((a) => authors.add(a));
    const creator = item.children.find((c) => c.local === 'creator' && c.uri.includes('purl.org/dc'))?.text.trim() ?? '';
    if (coAuthors.length === 0 && creator !== '') authors.add(creator);
    for (const c of item.children.filter((c) => isWp(c, 'comment'))) if (wpText(c, 'comment_id')) allComments.add(wpText(c, 'comment_id')!);
    if (type !== 'post') continue;
    for (const c of item.children.filter((c) => isWp(c, 'comment'))) {
      const commentType = wpText(c, 'comment_type') ?? '';
      const commentId = wpText(c, 'comment_id') ?? '';
      if (commentId !== '' && (commentType === '' || commentType === 'comment') && (wpText(c, 'comment_content') ?? '').replace(/<[^>]*>/g, '').trim() !== '') comments.add(commentId);
    }
  }
  void EXCERPT;
  return { articles: articles.size, pages: pages.size, attachments: attachments.size, comments: comments.size, commentsSkipped: allComments.size - comments.size, authors: authors.size, categories: categories.size, tags: tags.size };
}
