/**
 * The corpora of the search evaluation, loaded through the services like any content:
 * the demo articles (text only) and the 100 French Wikinews articles of the shared test data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoBodyToDocument } from '../../src/services/demo/demo-markup.js';
import { DEMO_AUTHORS, DEMO_CATEGORIES } from '../../src/services/demo/demo-site.js';
import { DEMO_ARTICLES } from '../../src/services/demo/load-demo.js';
import type { Services } from '../../src/services/index.js';

/** Loads the demo categories, authors and articles (text only, no images or comments), in order. */
export async function loadDemoText(services: Services): Promise<Map<string, number>> {
  for (const [position, category] of DEMO_CATEGORIES.entries()) {
    await services.taxonomy.createCategory({ ...category, parentSlug: category.parent ?? null, position, inMenu: category.parent === undefined });
  }
  const authors = new Map<string, number>();
  for (const a of DEMO_AUTHORS) authors.set(a.slug, await services.users.createUser({ email: a.email, name: a.name, role: a.role, slug: a.slug, bio: a.bio, password: null }));
  const categories = new Map((await services.ctx.repos.taxonomy.allCategories()).map((c) => [c.slug, c.id]));
  const ids = new Map<string, number>();
  for (const demo of DEMO_ARTICLES) {
    const id = await services.articles.createArticle({
      title: demo.title,
      slug: demo.slug,
      dek: demo.dek,
      body: demoBodyToDocument(demo.body),
      categoryId: categories.get(demo.category) ?? 0,
      authorIds: demo.authors.map((s) => authors.get(s) ?? 0),
      tagNames: demo.tags,
      status: demo.status ?? 'published',
      publishedAt: Date.parse(demo.publishedAt),
    });
    ids.set(demo.slug, id);
  }
  return ids;
}

/** One Wikinews article of the shared corpus, with its reader keyphrases. */
export interface WikinewsArticle {
  id: string;
  title: string;
  dek: string;
  paragraphs: string[];
  publishedAt: number;
  keyphrases: string[];
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .trim();
}

/** Reads the corpus folder (documents/*.html and the `ref` keyphrase file). */
export function readWikinews(folder: string): WikinewsArticle[] {
  const keyphrases = new Map<string, string[]>();
  for (const line of readFileSync(join(folder, 'ref'), 'utf8').split('\n')) {
    const [file, list] = line.split('\t');
    if (file && list) keyphrases.set(file.replace(/\.html$/, ''), list.split(';').map((k) => k.trim()).filter((k) => k !== ''));
  }
  return readdirSync(join(folder, 'documents'))
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => {
      const html = readFileSync(join(folder, 'documents', file), 'utf8');
      const id = file.replace(/\.html$/, '');
      const title = decode(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? id);
      const dek = decode(/<h2>([\s\S]*?)<\/h2>/.exec(html)?.[1] ?? '');
      const paragraphs = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => decode(m[1] ?? '')).filter((p) => p !== '');
      const date = /^(\d{1,2})\s+(\p{L}+)\s+(\d{4})/u.exec(paragraphs[0] ?? '');
      const month = date ? MONTHS.indexOf((date[2] ?? '').toLowerCase()) : -1;
      const publishedAt = date && month >= 0 ? Date.UTC(Number(date[3]), month, Number(date[1]), 12) : Date.UTC(2012, 5, 1, 12);
      return { id, title, dek, paragraphs, publishedAt, keyphrases: keyphrases.get(id) ?? [] };
    });
}

/** Imports the Wikinews articles as published articles (category "Wikinews", no tags). */
export async function loadWikinews(services: Services, articles: readonly WikinewsArticle[]): Promise<Map<string, number>> {
  const categoryId = await services.taxonomy.createCategory({ name: 'Wikinews', slug: 'wikinews', position: 0 });
  const authorId = await services.users.createUser({ email: 'wikinews@example.org', name: 'Contributeurs de Wikinews', role: 'contributor', slug: 'wikinews', password: null });
  const ids = new Map<string, number>();
  for (const a of articles) {
    const body = { type: 'doc', content: a.paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) };
    const id = await services.articles.createArticle({ title: a.title.slice(0, 300), slug: `wikinews-${a.id}`, dek: a.dek.slice(0, 1000), body, categoryId, authorIds: [authorId], status: 'published', publishedAt: a.publishedAt });
    ids.set(`wikinews-${a.id}`, id);
  }
  return ids;
}
