/**
 * What the interface offers to each role. The server decides (docs/admin-api.md, permission
 * matrix); these only hide buttons a role could not use.
 */
import type { ArticleSummary, Role, SessionUser } from '../api/types.js';

/** Editors and administrators work on everybody's articles and moderate. */
export function isEditorial(role: Role): boolean {
  return role === 'administrator' || role === 'editor';
}

/** Whether the user may publish or schedule this article (authors: their own). */
export function canPublish(user: SessionUser, authorIds: readonly number[]): boolean {
  if (isEditorial(user.role)) return true;
  return user.role === 'author' && authorIds.includes(user.id);
}

/** Whether the user may moderate reader comments. */
export function canModerate(role: Role): boolean {
  return isEditorial(role);
}

/** Whether the user may manage accounts and site settings. */
export function isAdministrator(role: Role): boolean {
  return role === 'administrator';
}

/** Whether the user may open this article in the editor (others' articles: editors only). */
export function canEdit(user: SessionUser, article: Pick<ArticleSummary, 'authors' | 'status'>): boolean {
  if (isEditorial(user.role)) return true;
  if (!article.authors.some((a) => a.id === user.id)) return false;
  // Contributors lose the pen once the article is out (WordPress semantics).
  return user.role === 'author' || article.status === 'draft' || article.status === 'review';
}
