/**
 * Search: what readers find at /recherche and /api/search. Only published articles whose
 * time has come are found. See query-plan.ts for how a query becomes engine queries and
 * storage/search/search-index.ts for the ranking.
 */
import { SEARCH_TAG, TagSet } from '../../domain/cache-tags.js';
import { endOfDay, startOfDay } from '../../domain/search/date-range.js';
import { allowedTypos, typoDistance } from '../../domain/search/edit-distance.js';
import { MAX_QUERY_LENGTH } from '../../domain/search/parse-query.js';
import { buildSnippet, highlightText, type TextSegment } from '../../domain/search/snippet.js';
import { foldText } from '../../domain/text/fold.js';
import { authorPath, categoryPath, tagPath } from '../../domain/urls.js';
import type { EngineFilters, EngineHit } from '../../storage/search/search-index.js';
import type { ServiceContext } from '../context.js';
import type { PublicSiteService } from '../public-site.js';
import type { LinkView } from '../view-models.js';
import { bodyText } from './indexed-document.js';
import { planQuery } from './query-plan.js';
import type { SearchFiltersView, SearchOutcome, SearchPageView, SearchResultView } from './search-view-models.js';

/** Results per page. */
export const SEARCH_PAGE_SIZE = 10;
/** Deepest result page served. */
export const MAX_SEARCH_PAGE = 50;
const SUGGESTIONS = 5;

/** A search as the web layer hands it over (query-string values, unchecked). */
export interface SearchRequest {
  q?: unknown;
  page?: unknown;
  rubrique?: unknown;
  tag?: unknown;
  auteur?: unknown;
  du?: unknown;
  au?: unknown;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Runs searches and builds the search page. */
export class SearchService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly site: PublicSiteService,
  ) {}

  /** Ranked, filtered, paginated results with highlighted extracts. */
  async search(request: SearchRequest): Promise<SearchOutcome> {
    const now = this.ctx.clock.now();
    const repos = this.ctx.repos;
    // Trailing space matters: without it the last word is still being typed (a prefix).
    const typed = typeof request.q === 'string' ? request.q.replace(/^\s+/, '').slice(0, MAX_QUERY_LENGTH) : '';
    const query = typed.trim();
    const notices: string[] = [];
    const pageText = text(request.page);
    let page = /^\d{1,6}$/.test(pageText) ? Number(pageText) : 1;
    if (pageText !== '' && (page < 1 || !/^\d{1,6}$/.test(pageText))) {
      notices.push('Le numéro de page est invalide : voici la première page.');
      page = 1;
    }
    const { filters, view } = await this.resolveFilters(request, notices);
    // Results, filters and suggestions follow every article, category and tag: one tag for them, plus the cards shown.
    const shown = new TagSet().add(SEARCH_TAG);
    const outcome = (extra: Partial<SearchOutcome>): SearchOutcome => ({
      query,
      filters: view,
      total: 0,
      page,
      pageCount: 0,
      results: [],
      suggestions: [],
      notice: notices.length > 0 ? notices.join(' ') : null,
      ...extra,
      cacheTags: shown.list(),
    });
    if (query === '') return outcome({ notice: [...notices, 'Saisissez un ou plusieurs mots à rechercher.'].join(' ') });
    const plan = await planQuery(repos, typed);
    if (plan.empty) {
      return outcome({ suggestions: await this.suggestions(query, now), notice: [...notices, 'Votre recherche ne contient que des mots trop courants ou des exclusions : ajoutez un mot à chercher.'].join(' ') });
    }
    if (page > MAX_SEARCH_PAGE) {
      notices.push(`Les résultats s’arrêtent à la page ${MAX_SEARCH_PAGE}.`);
      page = MAX_SEARCH_PAGE;
    }

    // Tiers one after the other: a page may end in one tier and the next start in another. A
    // tier runs only when the ones before it do not fill the page (completions and corrections
    // of a word that is found as typed are not needed until its matches run out); `total`
    // counts the tiers run, so the next page's link appears as long as there is more to see.
    let offset = (page - 1) * SEARCH_PAGE_SIZE;
    let room = SEARCH_PAGE_SIZE;
    let total = 0;
    const hits: (EngineHit & { match: SearchResultView['match'] })[] = [];
    for (let k = 0; k < plan.tiers.length; k++) {
      const tier = plan.tiers[k];
      if (!tier || (k > 0 && room <= 0)) break;
      const previous = plan.tiers[k - 1]?.match;
      const result = await repos.searchIndex.search({
        match: tier.match,
        notMatching: [...plan.exclusions, ...(previous ? [previous] : [])],
        filters,
        now,
        limit: room,
        offset,
      });
      total += result.total;
      for (const hit of result.hits) hits.push({ ...hit, match: tier.kind });
      room -= result.hits.length;
      offset = Math.max(0, offset - result.total);
    }
    // Too few full matches: add the articles holding only some of the words, after them.
    const lastTier = plan.tiers[plan.tiers.length - 1]?.match;
    if (plan.partial && lastTier && room > 0 && total < SEARCH_PAGE_SIZE) {
      const result = await repos.searchIndex.search({ match: plan.partial, notMatching: [...plan.exclusions, lastTier], filters, now, limit: room, offset });
      total += result.total;
      for (const hit of result.hits) hits.push({ ...hit, match: 'partial' });
    }
    const pageCount = Math.ceil(total / SEARCH_PAGE_SIZE);
    if (total === 0) return outcome({ suggestions: await this.suggestions(query, now) });
    if (hits.length === 0) notices.push('Cette page de résultats n’existe pas : revenez à la première page.');
    return outcome({ total, pageCount, results: await this.results(hits, plan.highlightTerms, shown), notice: notices.length > 0 ? notices.join(' ') : null });
  }

  /** The search page: the outcome with the site's chrome and pagination links. */
  async searchPage(request: SearchRequest): Promise<SearchPageView> {
    const [outcome, chrome, categories] = await Promise.all([this.search(request), this.site.chromeOnly(), this.ctx.repos.taxonomy.allCategories()]);
    const link = (page: number) => {
      const params = new URLSearchParams();
      params.set('q', outcome.query);
      if (outcome.filters.category) params.set('rubrique', outcome.filters.category.slug);
      if (outcome.filters.tag) params.set('tag', outcome.filters.tag.slug);
      if (outcome.filters.author) params.set('auteur', outcome.filters.author.slug);
      if (outcome.filters.from) params.set('du', outcome.filters.from);
      if (outcome.filters.to) params.set('au', outcome.filters.to);
      if (page > 1) params.set('page', String(page));
      return `/recherche?${params.toString()}`;
    };
    const last = Math.min(outcome.pageCount, MAX_SEARCH_PAGE);
    return {
      ...outcome,
      chrome,
      categories: categories.map((c) => ({ name: c.name, url: categoryPath(c.slug), slug: c.slug })),
      previousUrl: outcome.page > 1 && outcome.total > 0 ? link(Math.min(outcome.page - 1, last)) : null,
      nextUrl: outcome.page < last ? link(outcome.page + 1) : null,
    };
  }

  private async resolveFilters(request: SearchRequest, notices: string[]): Promise<{ filters: EngineFilters; view: SearchFiltersView }> {
    const repos = this.ctx.repos;
    const filters: EngineFilters = {};
    const view: SearchFiltersView = { category: null, tag: null, author: null, from: null, to: null };
    const [categorySlug, tagSlug, authorSlug] = [text(request.rubrique), text(request.tag), text(request.auteur)];
    const [category, tag, author] = await Promise.all([
      categorySlug ? repos.taxonomy.findCategoryBySlug(categorySlug.slice(0, 100)) : undefined,
      tagSlug ? repos.taxonomy.findTagBySlug(tagSlug.slice(0, 100)) : undefined,
      authorSlug ? repos.users.findBySlug(authorSlug.slice(0, 100)) : undefined,
    ]);
    if (categorySlug && !category) notices.push('Rubrique inconnue : le filtre est ignoré.');
    if (tagSlug && !tag) notices.push('Mot-clé inconnu : le filtre est ignoré.');
    if (authorSlug && !author) notices.push('Auteur inconnu : le filtre est ignoré.');
    if (category) {
      filters.categoryId = category.id;
      view.category = { name: category.name, url: categoryPath(category.slug), slug: category.slug };
    }
    if (tag) {
      filters.tagId = tag.id;
      view.tag = { name: tag.name, url: tagPath(tag.slug), slug: tag.slug };
    }
    if (author) {
      filters.authorId = author.id;
      view.author = { name: author.display_name, url: authorPath(author.slug), slug: author.slug };
    }
    const tz = this.ctx.site.timeZone;
    const [fromText, toText] = [text(request.du), text(request.au)];
    const from = fromText ? startOfDay(fromText, tz) : undefined;
    const until = toText ? endOfDay(toText, tz) : undefined;
    if ((fromText && from === undefined) || (toText && until === undefined)) notices.push('Date invalide (format attendu : AAAA-MM-JJ) : le filtre de date est ignoré.');
    if (from !== undefined) {
      filters.from = from;
      view.from = fromText;
    }
    if (until !== undefined) {
      filters.until = until;
      view.to = toText;
    }
    return { filters, view };
  }

  private async results(hits: readonly (EngineHit & { match: SearchResultView['match'] })[], terms: ReadonlySet<string>, shown: TagSet): Promise<SearchResultView[]> {
    const ids = hits.map((h) => h.articleId);
    const [cards, rows] = await Promise.all([this.site.cardsFor(ids, shown), this.ctx.repos.articles.findByIds(ids)]);
    const card = new Map(cards.map((c) => [c.id, c]));
    const row = new Map(rows.map((r) => [r.id, r]));
    const results: SearchResultView[] = [];
    for (const hit of hits) {
      const c = card.get(hit.articleId);
      const r = row.get(hit.articleId);
      if (!c || !r) continue;
      const bodySnippet = buildSnippet(bodyText(r.body), terms);
      const dekSnippet = buildSnippet(r.dek, terms);
      const marked = (segments: TextSegment[]) => segments.some((x) => x.highlight);
      results.push({
        card: c,
        title: highlightText(c.title, terms),
        snippet: marked(bodySnippet) || !marked(dekSnippet) ? bodySnippet : dekSnippet,
        score: Math.round(hit.score * 1000) / 1000,
        match: hit.match,
      });
    }
    return results;
  }

  /** Tags whose names are close to the query's words, then the most used tags. */
  private async suggestions(query: string, now: number): Promise<LinkView[]> {
    const words = foldText(query).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
    const tags = await this.ctx.repos.taxonomy.allTags();
    const scored = tags
      .map((tag) => {
        const names = foldText(tag.name).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
        let best = Infinity;
        for (const w of words) {
          for (const n of names) {
            if (n.startsWith(w) || w.startsWith(n)) best = Math.min(best, 0);
            else best = Math.min(best, typoDistance(w, n, Math.max(1, allowedTypos(w.length))));
          }
        }
        return { tag, best };
      })
      .filter((s) => s.best <= 2)
      .sort((a, b) => a.best - b.best || a.tag.name.localeCompare(b.tag.name, 'fr'));
    const picked = scored.slice(0, SUGGESTIONS).map((s) => s.tag);
    if (picked.length < SUGGESTIONS) {
      for (const tag of await this.ctx.repos.taxonomy.popularTags(SUGGESTIONS * 2, now)) {
        if (picked.length >= SUGGESTIONS) break;
        if (!picked.some((p) => p.id === tag.id)) picked.push(tag);
      }
    }
    return picked.map((t) => ({ name: t.name, url: tagPath(t.slug) }));
  }
}
