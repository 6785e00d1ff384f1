/**
 * Keeps the search index, its vocabulary and the related lists in step with the articles.
 * It is an article write listener: it runs inside the transaction of every publish, edit,
 * unpublish and delete, so the index never disagrees with what readers can see. Only
 * published articles are indexed; a future publication date is filtered at query time.
 */
import { SITE_TAG } from '../../domain/cache-tags.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { parseForms, serializeForms, type FormTerm } from '../../storage/search/search-terms-repository.js';
import type { ArticleWriteListener, ServiceContext } from '../context.js';
import type { DeferredTerms } from './deferred-terms.js';
import { analyzeArticle, isSearchable } from './indexed-document.js';
import { RelatedService } from './related-service.js';

/** Progress of a rebuild. */
export type ReindexProgress = (phase: 'index' | 'related', done: number, total: number) => void;

/** What a rebuild did. */
export interface ReindexReport {
  articles: number;
  forms: number;
  indexMs: number;
  relatedMs: number;
}

/** Articles read per batch when rebuilding. */
const BATCH = 500;

/** Indexes articles as they are written, and rebuilds everything on demand. */
export class SearchIndexer {
  private readonly related: RelatedService;

  constructor(private readonly ctx: ServiceContext) {
    this.related = new RelatedService(ctx);
  }

  /** The listener to register in `ctx.articleWriteListeners`. */
  readonly listener: ArticleWriteListener = (repos, articleId) => this.sync(repos, articleId);

  /**
   * Brings the index, vocabulary and related lists in line with one article. With `deferred`,
   * vocabulary additions are held there for the caller to write (a bulk importer's batch).
   */
  async sync(repos: Repositories, articleId: number, options: { related?: boolean; deferred?: DeferredTerms } = {}): Promise<void> {
    const now = this.ctx.clock.now();
    const article = await repos.articles.findById(articleId);
    const previous = parseForms((await repos.searchIndex.storedForms(articleId)) ?? '');
    if (!article || !isSearchable(article)) {
      await repos.searchIndex.remove(articleId);
      await repos.searchTerms.remove(options.deferred ? options.deferred.takeBack(previous) : previous);
      await this.related.forget(repos, articleId, (r, id) => this.recomputeRelated(r, id));
      return;
    }
    const tags = await repos.articles.tagsFor([articleId]);
    const analyzed = analyzeArticle(article, tags.map((t) => t.name));
    await repos.searchIndex.replace({ ...analyzed.doc, forms: serializeForms(analyzed.forms) }, now);
    // Only what changed goes through the vocabulary: an edit touches a few words.
    const key = (p: FormTerm) => `${p.form} ${p.term}`;
    let removed: FormTerm[] = [];
    let added = analyzed.forms;
    if (previous.length > 0) {
      const before = new Set(previous.map(key));
      const after = new Set(analyzed.forms.map(key));
      removed = previous.filter((p) => !after.has(key(p)));
      added = analyzed.forms.filter((p) => !before.has(key(p)));
    }
    await repos.searchTerms.remove(options.deferred ? options.deferred.takeBack(removed) : removed);
    if (options.deferred) options.deferred.add(added);
    else await repos.searchTerms.add(added);
    if (options.related !== false) await this.related.refresh(repos, article, analyzed.doc, now);
  }

  /** Computes one article's related list again (no neighbour updates). */
  private async recomputeRelated(repos: Repositories, articleId: number): Promise<void> {
    const article = await repos.articles.findById(articleId);
    if (!article || !isSearchable(article)) return;
    const tags = await repos.articles.tagsFor([articleId]);
    await this.related.refresh(repos, article, analyzeArticle(article, tags.map((t) => t.name)).doc, this.ctx.clock.now(), { neighbours: false });
  }

  /**
   * Computes the related lists of these articles again, in batches (importers index articles
   * without related lists, then call this once at the end: per-article neighbour updates
   * during a bulk import would cost a search per write).
   */
  async refreshRelated(ids: readonly number[], onProgress?: (done: number, total: number) => void): Promise<void> {
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      await this.ctx.repos.transaction(async (trx) => {
        for (const id of batch) await this.recomputeRelated(trx, id);
      });
      onProgress?.(Math.min(i + BATCH, ids.length), ids.length);
    }
  }

  /** Ids of the articles the index must hold, in id order. */
  private async searchableIds(repos: Repositories): Promise<number[]> {
    return repos.articles.publishedIdsForIndex();
  }

  /**
   * Rebuilds the index and vocabulary from every published article, then every related list.
   * Same analysis and engine code as a single publish; only the batching differs.
   */
  async reindexAll(options: { onProgress?: ReindexProgress; related?: boolean } = {}): Promise<ReindexReport> {
    const repos = this.ctx.repos;
    const started = Date.now();
    await repos.transaction(async (trx) => {
      await trx.searchIndex.clear();
      await trx.searchTerms.clear();
      await trx.related.clear();
      // Search pages and related boxes everywhere change until the rebuild ends (and again then).
      this.ctx.invalidator.afterCommit(trx, [SITE_TAG]);
    });
    const ids = await this.searchableIds(repos);
    const forms = new Map<string, FormTerm & { count: number }>();
    for (let i = 0; i < ids.length; i += BATCH) {
      await this.indexBatch(ids.slice(i, i + BATCH), forms);
      options.onProgress?.('index', Math.min(i + BATCH, ids.length), ids.length);
    }
    await repos.transaction(async (trx) => trx.searchTerms.add([...forms.values()]));
    const indexMs = Date.now() - started;
    const relatedStarted = Date.now();
    if (options.related !== false) {
      for (let i = 0; i < ids.length; i += BATCH) {
        const batch = ids.slice(i, i + BATCH);
        await repos.transaction(async (trx) => {
          for (const id of batch) await this.recomputeRelated(trx, id);
        });
        options.onProgress?.('related', Math.min(i + BATCH, ids.length), ids.length);
      }
    }
    await this.ctx.invalidator.publish([SITE_TAG]);
    return { articles: ids.length, forms: forms.size, indexMs, relatedMs: Date.now() - relatedStarted };
  }

  /** Indexes a batch of articles in one transaction, counting their forms into `forms`. */
  async indexBatch(ids: readonly number[], forms: Map<string, FormTerm & { count: number }>): Promise<void> {
    const now = this.ctx.clock.now();
    await this.ctx.repos.transaction(async (trx) => {
      const [articles, tags] = await Promise.all([trx.articles.findByIds(ids), trx.articles.tagsFor(ids)]);
      const tagNames = new Map<number, string[]>();
      for (const t of tags) tagNames.set(t.article_id, [...(tagNames.get(t.article_id) ?? []), t.name]);
      for (const article of articles) {
        if (!isSearchable(article)) continue;
        const analyzed = analyzeArticle(article, tagNames.get(article.id) ?? []);
        await trx.searchIndex.replace({ ...analyzed.doc, forms: serializeForms(analyzed.forms) }, now);
        for (const f of analyzed.forms) {
          const key = `${f.form} ${f.term}`;
          const entry = forms.get(key);
          if (entry) entry.count++;
          else forms.set(key, { ...f, count: 1 });
        }
      }
    });
  }
}
