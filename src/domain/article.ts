/** Articles: their statuses and the rule that decides what readers may see. */

/** Every status an article can have. */
export const ARTICLE_STATUSES = ['draft', 'review', 'scheduled', 'published', 'unpublished', 'trash'] as const;

/** The workflow status of an article. */
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** Whether a value is an article status. */
export function isArticleStatus(value: string): value is ArticleStatus {
  return (ARTICLE_STATUSES as readonly string[]).includes(value);
}

/**
 * Readers see an article only when it is published and its publication time has come.
 * Scheduled articles become "published" through the scheduler; this guard also hides a
 * published article whose date is in the future.
 */
export function isPubliclyVisible(status: ArticleStatus, publishedAt: number | null, now: number): boolean {
  return status === 'published' && publishedAt !== null && publishedAt <= now;
}

/** Byline order matters: the first author is the lead author. */
export interface Byline {
  userId: number;
  position: number;
}
