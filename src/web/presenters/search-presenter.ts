/** The JSON of /api/search: an explicit allowlist of what a result shows. */
import type { SearchOutcome } from '../../services/search/search-view-models.js';

/** The search API's answer. */
export function presentSearch(outcome: SearchOutcome, siteUrl: string) {
  return {
    query: outcome.query,
    total: outcome.total,
    page: outcome.page,
    pageCount: outcome.pageCount,
    notice: outcome.notice,
    filters: {
      category: outcome.filters.category?.slug ?? null,
      tag: outcome.filters.tag?.slug ?? null,
      author: outcome.filters.author?.slug ?? null,
      from: outcome.filters.from,
      to: outcome.filters.to,
    },
    results: outcome.results.map((r) => ({
      id: r.card.id,
      url: siteUrl + r.card.url,
      title: r.card.title,
      dek: r.card.dek,
      publishedAt: r.card.publishedAt.toISOString(),
      category: { name: r.card.category.name, url: siteUrl + r.card.category.url },
      authors: r.card.authors.map((a) => ({ name: a.name, url: siteUrl + a.url })),
      tags: r.card.tags.map((t) => ({ name: t.name, url: siteUrl + t.url })),
      match: r.match,
      score: r.score,
      highlightedTitle: r.title,
      snippet: r.snippet,
    })),
    suggestions: outcome.suggestions.map((s) => ({ name: s.name, url: siteUrl + s.url })),
  };
}
