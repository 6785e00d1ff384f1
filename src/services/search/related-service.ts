/**
 * "Vous aimerez aussi": articles like this one, computed when it is published or edited and
 * stored, so the article page reads them with one query.
 *
 * Content similarity is a more-like-this query on the analysed text: the article's most
 * distinctive terms (tf·idf over title, dek and body) searched with the same BM25 as search.
 * It is blended with shared tags, the same category and recency. When an article's list is
 * computed, each article in it also gets this one in its own list if it ranks there, so
 * neighbours stay fresh without recomputing them all. Editors pin or exclude related articles
 * (pinned first, excluded never).
 */
import { relatedTag } from '../../domain/cache-tags.js';
import { DepecheError } from '../../errors.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { RelatedEntry } from '../../storage/repositories/related-repository.js';
import type { IndexedDocument } from '../../storage/search/search-index.js';
import type { ArticleRow } from '../../storage/schema.js';
import type { ServiceContext } from '../context.js';

/** Related articles stored per article. */
export const RELATED_STORED = 8;
/** Related articles shown under an article. */
export const RELATED_SHOWN = 4;
/** Terms of the more-like-this query. */
const MLT_TERMS = 12;
/** Candidates read from the more-like-this query. */
const MLT_CANDIDATES = 30;
/** Blend of the signals (they sum to 1). */
const BLEND = { content: 0.6, tags: 0.25, category: 0.1, recency: 0.05 };
const DAY = 86_400_000;

/** The distinctive terms of a document, best first: tf (title ×3, dek ×2) times idf. */
async function distinctiveTerms(repos: Repositories, doc: IndexedDocument): Promise<string[]> {
  const tf = new Map<string, number>();
  const add = (terms: readonly string[], weight: number) => {
    for (const t of terms) if (!/^\d+$/.test(t)) tf.set(t, (tf.get(t) ?? 0) + weight);
  };
  add(doc.fields.title, 3);
  add(doc.fields.dek, 2);
  add(doc.fields.body, 1);
  const candidates = [...tf.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 40).map(([t]) => t);
  const [df, n] = await Promise.all([repos.searchTerms.termFrequencies(candidates), repos.searchIndex.documentCount()]);
  // Terms of one article only (itself) say nothing; common terms say little and would make the
  // query match a large part of the archive: at most a fifth of a small site, 1,000 articles.
  const ceiling = Math.max(5, Math.min(Math.floor(n * 0.2), 1000));
  return candidates
    .map((t) => ({ t, df: df.get(t) ?? 0 }))
    .filter((x) => x.df >= 2 && x.df <= ceiling)
    .map((x) => ({ t: x.t, w: (tf.get(x.t) ?? 0) * Math.log(n / x.df) }))
    .sort((a, b) => b.w - a.w || (a.t < b.t ? -1 : 1))
    .slice(0, MLT_TERMS)
    .map((x) => x.t);
}

/** Computes and stores related lists; serves them to the article page; keeps editors' choices. */
export class RelatedService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The best related articles for an article, computed now (not stored). */
  async compute(repos: Repositories, article: Pick<ArticleRow, 'id' | 'primary_category_id'>, doc: IndexedDocument, now: number): Promise<RelatedEntry[]> {
    const terms = await distinctiveTerms(repos, doc);
    const content = new Map<number, number>();
    if (terms.length > 0) {
      const result = await repos.searchIndex.search({ match: { groups: [terms.map((t) => [t])] }, filters: { excludeIds: [article.id] }, now, limit: MLT_CANDIDATES, offset: 0 });
      const best = result.hits[0]?.score ?? 1;
      for (const hit of result.hits) content.set(hit.articleId, hit.score / best);
    }
    const ownTags = await repos.articles.tagsFor([article.id]);
    const byTag = await Promise.all(ownTags.map((t) => repos.articles.listPublishedIds({ kind: 'tag', tagId: t.id }, { now, limit: RELATED_STORED, offset: 0, excludeIds: [article.id] })));
    const ids = [...new Set([...content.keys(), ...byTag.flat()])];
    if (ids.length === 0) return [];
    const [cards, tags] = await Promise.all([repos.articles.findCardsByIds(ids), repos.articles.tagsFor(ids)]);
    const ownTagIds = new Set(ownTags.map((t) => t.id));
    const entries = cards
      .filter((c) => c.published_at !== null && c.published_at <= now && c.id !== article.id)
      .map((c) => {
        const shared = tags.filter((t) => t.article_id === c.id && ownTagIds.has(t.id)).length;
        const ageDays = Math.max(0, now - (c.published_at ?? now)) / DAY;
        const score =
          BLEND.content * (content.get(c.id) ?? 0) +
          BLEND.tags * (shared / Math.max(1, ownTagIds.size)) +
          BLEND.category * (c.primary_category_id === article.primary_category_id ? 1 : 0) +
          BLEND.recency / (1 + ageDays / 30);
        return { relatedId: c.id, score, publishedAt: c.published_at ?? 0 };
      });
    entries.sort((a, b) => b.score - a.score || b.publishedAt - a.publishedAt || b.relatedId - a.relatedId);
    return entries.slice(0, RELATED_STORED).map(({ relatedId, score }) => ({ relatedId, score }));
  }

  /** Computes and stores an article's list, then offers the article to its neighbours' lists. */
  async refresh(repos: Repositories, article: Pick<ArticleRow, 'id' | 'primary_category_id'>, doc: IndexedDocument, now: number, options: { neighbours?: boolean } = {}): Promise<void> {
    const entries = await this.compute(repos, article, doc, now);
    const previous = await repos.related.computedFor(article.id);
    await repos.related.replace(article.id, entries, now);
    this.staleIfChanged(repos, article.id, previous, entries);
    if (options.neighbours === false) return;
    for (const entry of entries) {
      const list = await repos.related.computedFor(entry.relatedId);
      const others = list.filter((e) => e.relatedId !== article.id);
      const weakest = others.length < RELATED_STORED ? -Infinity : Math.min(...others.map((e) => e.score));
      if (entry.score <= weakest && !list.some((e) => e.relatedId === article.id)) continue;
      // Similarity is taken as symmetric: this article is as close to its neighbour as the neighbour is to it.
      const merged = [...others, { relatedId: article.id, score: entry.score }].sort((a, b) => b.score - a.score || b.relatedId - a.relatedId).slice(0, RELATED_STORED);
      await repos.related.replace(entry.relatedId, merged, now);
      this.staleIfChanged(repos, entry.relatedId, list, merged);
    }
  }

  /** A list whose articles or order changed makes its article's page stale (scores alone do not). */
  private staleIfChanged(repos: Repositories, articleId: number, before: readonly RelatedEntry[], after: readonly RelatedEntry[]): void {
    if (before.length === after.length && before.every((e, i) => e.relatedId === after[i]?.relatedId)) return;
    this.ctx.invalidator.afterCommit(repos, [relatedTag(articleId)]);
  }

  /** An article left the site: out of every list; lists that held it are computed again. */
  async forget(repos: Repositories, articleId: number, recompute: (repos: Repositories, id: number) => Promise<void>): Promise<void> {
    const affected = await repos.related.listsContaining(articleId);
    await repos.related.forget(articleId);
    this.ctx.invalidator.afterCommit(repos, affected.map(relatedTag));
    for (const id of affected.slice(0, 2 * RELATED_STORED)) await recompute(repos, id);
  }

  /**
   * Ids for the article page: pinned articles first, then the stored list without exclusions,
   * in one query; when fewer than {@link RELATED_SHOWN}, `fallback` fills the rest.
   */
  async idsForPage(articleId: number, now: number, fallback: (exclude: number[]) => Promise<number[]>): Promise<number[]> {
    const rows = await this.ctx.repos.related.forPage(articleId, now);
    const excluded = new Set(rows.filter((r) => r.kind === 'exclude').map((r) => r.relatedId));
    excluded.add(articleId);
    const picked: number[] = [];
    const take = (id: number) => {
      if (!excluded.has(id) && !picked.includes(id) && picked.length < RELATED_SHOWN) picked.push(id);
    };
    rows.filter((r) => r.kind === 'pin').sort((a, b) => a.position - b.position).forEach((r) => take(r.relatedId));
    rows.filter((r) => r.kind === 'auto').sort((a, b) => a.position - b.position).forEach((r) => take(r.relatedId));
    if (picked.length < RELATED_SHOWN) for (const id of await fallback([...excluded, ...picked])) take(id);
    return picked;
  }

  /** Pins a related article under another (the Admin API calls this). */
  async pin(articleId: number, relatedId: number, position = 0): Promise<void> {
    await this.checkPair(articleId, relatedId);
    if (!Number.isInteger(position) || position < 0 || position > 100) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'position must be a whole number from 0 to 100' });
    await this.ctx.repos.transaction(async (repos) => {
      await repos.related.setOverride(articleId, relatedId, 'pin', position, this.ctx.clock.now());
      this.ctx.invalidator.afterCommit(repos, [relatedTag(articleId)]);
    });
  }

  /** Never shows `relatedId` under `articleId` (the Admin API calls this). */
  async exclude(articleId: number, relatedId: number): Promise<void> {
    await this.checkPair(articleId, relatedId);
    await this.ctx.repos.transaction(async (repos) => {
      await repos.related.setOverride(articleId, relatedId, 'exclude', 0, this.ctx.clock.now());
      this.ctx.invalidator.afterCommit(repos, [relatedTag(articleId)]);
    });
  }

  /** Forgets an editor's pin or exclusion (the Admin API calls this). */
  async clearOverride(articleId: number, relatedId: number): Promise<void> {
    await this.ctx.repos.transaction(async (repos) => {
      await repos.related.removeOverride(articleId, relatedId);
      this.ctx.invalidator.afterCommit(repos, [relatedTag(articleId)]);
    });
  }

  /** An article's pins and exclusions, for the admin. */
  async overrides(articleId: number) {
    return this.ctx.repos.related.overridesFor(articleId);
  }

  private async checkPair(articleId: number, relatedId: number): Promise<void> {
    if (articleId === relatedId) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'an article cannot be related to itself' });
    const found = await this.ctx.repos.articles.findCardsByIds([articleId, relatedId]);
    if (!found.some((a) => a.id === articleId)) throw new DepecheError('DEPECHE_NOT_FOUND');
    if (!found.some((a) => a.id === relatedId)) throw new DepecheError('DEPECHE_UNKNOWN_REFERENCE', { kind: 'article', ref: String(relatedId) });
  }
}
