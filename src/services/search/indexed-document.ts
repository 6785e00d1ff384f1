/** An article as the search index and related articles see it: its analysed fields. */
import { documentText } from '../../domain/document/render-document.js';
import type { ArticleDocument } from '../../domain/document/document.js';
import { analyzeFrench, type AnalyzedToken } from '../../domain/text/french-analyzer.js';
import type { SearchField, IndexedDocument } from '../../storage/search/search-index.js';
import type { FormTerm } from '../../storage/search/search-terms-repository.js';
import type { ArticleRow } from '../../storage/schema.js';

/** An analysed article: the index document and its vocabulary. */
export interface AnalyzedArticle {
  doc: IndexedDocument;
  /** Distinct (form, term) pairs of the article. */
  forms: FormTerm[];
}

/** The plain text of a stored body (empty when it cannot be read). */
export function bodyText(body: string): string {
  try {
    return documentText(JSON.parse(body) as ArticleDocument);
  } catch {
    return '';
  }
}

/** Analyses an article's title, dek, body and tag names. */
export function analyzeArticle(article: Pick<ArticleRow, 'id' | 'title' | 'dek' | 'body' | 'published_at'>, tagNames: readonly string[]): AnalyzedArticle {
  const tokens: Record<SearchField, AnalyzedToken[]> = {
    title: analyzeFrench(article.title),
    dek: analyzeFrench(article.dek),
    body: analyzeFrench(bodyText(article.body)),
    tags: analyzeFrench(tagNames.join(' ; ')),
  };
  const forms = new Map<string, FormTerm>();
  for (const list of Object.values(tokens)) for (const t of list) forms.set(`${t.form} ${t.term}`, { form: t.form, term: t.term });
  return {
    doc: {
      articleId: article.id,
      publishedAt: article.published_at ?? 0,
      fields: { title: tokens.title.map((t) => t.term), dek: tokens.dek.map((t) => t.term), body: tokens.body.map((t) => t.term), tags: tokens.tags.map((t) => t.term) },
    },
    forms: [...forms.values()],
  };
}

/** Whether readers may find an article (now or, for a future date, when its time comes). */
export function isSearchable(article: Pick<ArticleRow, 'status' | 'published_at'> | undefined): article is Pick<ArticleRow, 'status' | 'published_at'> & { published_at: number } {
  return article !== undefined && article.status === 'published' && article.published_at !== null;
}
