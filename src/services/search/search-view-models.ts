/** What the search page and the search API show: explicit allowlists, no raw rows. */
import type { TextSegment } from '../../domain/search/snippet.js';
import type { ArticleCardView, ChromeView, LinkView } from '../view-models.js';

/** One result: the article's card, its highlighted title and an extract around the matches. */
export interface SearchResultView {
  card: ArticleCardView;
  title: TextSegment[];
  snippet: TextSegment[];
  /** Relevance (higher is better; comparable within one search). */
  score: number;
  /** How the article matched: as typed, by completing the last word, despite a typo, or with only some of the words. */
  match: 'exact' | 'prefix' | 'typo' | 'partial';
}

/** The filters of a search, as understood. */
export interface SearchFiltersView {
  category: LinkView & { slug: string } | null;
  tag: LinkView & { slug: string } | null;
  author: LinkView & { slug: string } | null;
  /** YYYY-MM-DD, as given when valid. */
  from: string | null;
  to: string | null;
}

/** The outcome of a search, without the page chrome. */
export interface SearchOutcome {
  query: string;
  filters: SearchFiltersView;
  total: number;
  page: number;
  pageCount: number;
  results: SearchResultView[];
  /** When nothing is found: tags close to the query, then the most used ones. */
  suggestions: LinkView[];
  /** A French note for the reader (empty query, unknown filter, bad date…), or null. */
  notice: string | null;
  /** The cache tags of what the outcome shows (see domain/cache-tags.ts). */
  cacheTags: string[];
}

/** Everything the search page shows. */
export interface SearchPageView extends SearchOutcome {
  chrome: ChromeView;
  /** Options of the category filter. */
  categories: (LinkView & { slug: string })[];
  previousUrl: string | null;
  nextUrl: string | null;
}
