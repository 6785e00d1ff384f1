/**
 * A synthetic site for the benchmarks: eight categories, twenty authors and `count` published
 * French-like articles (see synthetic-corpus.ts), written straight through the repositories in
 * batched transactions — the rows the services would write, without the per-article search
 * listener (the index is rebuilt once afterwards with the code of `depeche reindex`).
 */
import { renderDocument } from '../../src/domain/document/render-document.js';
import { validateDocument } from '../../src/domain/document/validate-document.js';
import type { Services } from '../../src/services/index.js';
import type { FrenchLikeText } from './synthetic-corpus.js';

/** Articles written per transaction. */
export const SYNTHETIC_BATCH = 1000;

/** The categories of the synthetic site, in menu order. */
export const SYNTHETIC_CATEGORIES = ['Politique', 'Économie', 'International', 'Culture', 'Sciences', 'Sport', 'Société', 'Régions'] as const;

/** Lower-case ASCII slug of a name (the synthetic names need nothing more). */
export function syntheticSlug(name: string): string {
  return name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-');
}

/** How to generate. */
export interface SyntheticSiteOptions {
  count: number;
  /** Publication dates fall within the five years before this instant. */
  now: number;
  onProgress?: (done: number, total: number) => void;
}

/** Generates the site; returns the category ids in menu order. */
export async function generateSyntheticSite(services: Services, text: FrenchLikeText, options: SyntheticSiteOptions): Promise<{ categories: number[] }> {
  const { count, now } = options;
  const categories: number[] = [];
  for (const [i, name] of SYNTHETIC_CATEGORIES.entries()) {
    categories.push(await services.taxonomy.createCategory({ name, slug: syntheticSlug(name), position: i }));
  }
  const authors: number[] = [];
  for (let i = 0; i < 20; i++) authors.push(await services.users.createUser({ email: `auteur${i}@example.org`, name: `Auteur ${i}`, role: 'author', password: null }));
  const tagIds = new Map<string, number>();
  const repos = services.ctx.repos;
  for (let start = 0; start < count; start += SYNTHETIC_BATCH) {
    await repos.transaction(async (trx) => {
      for (let i = start; i < Math.min(count, start + SYNTHETIC_BATCH); i++) {
        const a = text.article();
        const doc = validateDocument({ type: 'doc', content: a.paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) });
        const publishedAt = now - Math.floor(text.next() * 5 * 365 * 86_400_000);
        const categoryId = categories[i % categories.length] ?? 0;
        const id = await trx.articles.insert({
          translation_group: `g${i}`, language: 'fr', slug: `article-${i}`, title: a.title, dek: a.dek, body: JSON.stringify(doc), body_html: renderDocument(doc),
          status: 'published', published_at: publishedAt, content_updated_at: null, primary_category_id: categoryId, featured_media_id: null,
          featured_caption: null, featured_credit: null, featured_alt: null, seo_title: null, seo_description: null, comments_open: 1, created_at: publishedAt, updated_at: publishedAt,
        });
        const tags: number[] = [];
        for (const name of a.tags) {
          const slug = syntheticSlug(name);
          let tagId = tagIds.get(slug);
          if (tagId === undefined) tagIds.set(slug, (tagId = await trx.taxonomy.insertTag(slug, name, now)));
          if (!tags.includes(tagId)) tags.push(tagId);
        }
        await trx.articles.replaceBylines(id, [authors[i % authors.length] ?? 0], 'published', publishedAt);
        await trx.articles.replaceTags(id, tags, 'published', publishedAt);
        await trx.articles.replaceCategories(id, categoryId, [], 'published', publishedAt);
      }
    });
    options.onProgress?.(Math.min(count, start + SYNTHETIC_BATCH), count);
  }
  return { categories };
}
