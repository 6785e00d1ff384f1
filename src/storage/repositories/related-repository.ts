/** "Vous aimerez aussi": computed lists and editors' pins and exclusions. */
import type { Executor } from './executor.js';

/** A computed related article. */
export interface RelatedEntry {
  relatedId: number;
  score: number;
}

/** An editor's choice about one related article. */
export interface RelatedOverride {
  relatedId: number;
  kind: 'pin' | 'exclude';
  position: number;
}

/** What the article page needs, read in one query: pins, exclusions and the computed list. */
export interface RelatedPageRow {
  relatedId: number;
  kind: 'pin' | 'exclude' | 'auto';
  position: number;
}

/** Reads and writes `related_articles` and `related_overrides`. */
export class RelatedRepository {
  constructor(private readonly db: Executor) {}

  /** Replaces the computed list of an article, in order. */
  async replace(articleId: number, entries: readonly RelatedEntry[], now: number): Promise<void> {
    await this.db.deleteFrom('related_articles').where('article_id', '=', articleId).execute();
    if (entries.length === 0) return;
    await this.db
      .insertInto('related_articles')
      .values(entries.map((e, position) => ({ article_id: articleId, related_id: e.relatedId, position, score: e.score, computed_at: now })))
      .execute();
  }

  /** The computed list of an article, in order. */
  async computedFor(articleId: number): Promise<RelatedEntry[]> {
    const rows = await this.db.selectFrom('related_articles').select(['related_id', 'score']).where('article_id', '=', articleId).orderBy('position').execute();
    return rows.map((r) => ({ relatedId: r.related_id, score: Number(r.score) }));
  }

  /** Articles whose computed list holds `relatedId`. */
  async listsContaining(relatedId: number): Promise<number[]> {
    const rows = await this.db.selectFrom('related_articles').select('article_id').where('related_id', '=', relatedId).execute();
    return rows.map((r) => r.article_id);
  }

  /** Removes an article from every computed list and drops its own list. */
  async forget(articleId: number): Promise<void> {
    await this.db.deleteFrom('related_articles').where('related_id', '=', articleId).execute();
    await this.db.deleteFrom('related_articles').where('article_id', '=', articleId).execute();
  }

  /** Empties every computed list (before a rebuild). */
  async clear(): Promise<void> {
    await this.db.deleteFrom('related_articles').execute();
  }

  /** Pins or excludes one related article (replacing an earlier choice about it). */
  async setOverride(articleId: number, relatedId: number, kind: 'pin' | 'exclude', position: number, now: number): Promise<void> {
    await this.removeOverride(articleId, relatedId);
    await this.db.insertInto('related_overrides').values({ article_id: articleId, related_id: relatedId, kind, position, created_at: now }).execute();
  }

  /** Removes an editor's choice. */
  async removeOverride(articleId: number, relatedId: number): Promise<void> {
    await this.db.deleteFrom('related_overrides').where('article_id', '=', articleId).where('related_id', '=', relatedId).execute();
  }

  /** An article's pins and exclusions. */
  async overridesFor(articleId: number): Promise<RelatedOverride[]> {
    const rows = await this.db.selectFrom('related_overrides').select(['related_id', 'kind', 'position']).where('article_id', '=', articleId).orderBy('kind').orderBy('position').execute();
    return rows.map((r) => ({ relatedId: r.related_id, kind: r.kind === 'pin' ? 'pin' : 'exclude', position: r.position }));
  }

  /**
   * Pins, exclusions and the computed list in one query, keeping only articles readers may see
   * (an exclusion is kept whatever its target, it only removes).
   * CROSS JOIN + WHERE: SQLite reads a CROSS JOIN in the order written, so the lookup starts from
   * this article's few rows even without planner statistics (an INNER JOIN let it scan every
   * published article first); PostgreSQL treats it as an inner join and plans freely.
   */
  async forPage(articleId: number, now: number): Promise<RelatedPageRow[]> {
    const overrides = this.db
      .selectFrom('related_overrides as o')
      .crossJoin('articles as a')
      .whereRef('a.id', '=', 'o.related_id')
      .select(['o.related_id as related_id', 'o.kind as kind', 'o.position as position'])
      .where('o.article_id', '=', articleId)
      .where((eb) => eb.or([eb('o.kind', '=', 'exclude'), eb.and([eb('a.status', '=', 'published'), eb('a.published_at', '<=', now)])]));
    const computed = this.db
      .selectFrom('related_articles as r')
      .crossJoin('articles as a')
      .whereRef('a.id', '=', 'r.related_id')
      .select(['r.related_id as related_id', (eb) => eb.val('auto').as('kind'), 'r.position as position'])
      .where('r.article_id', '=', articleId)
      .where('a.status', '=', 'published')
      .where('a.published_at', '<=', now);
    const rows = await overrides.unionAll(computed).execute();
    return rows.map((r) => ({ relatedId: r.related_id, kind: r.kind === 'pin' || r.kind === 'exclude' ? r.kind : 'auto', position: r.position }));
  }
}
