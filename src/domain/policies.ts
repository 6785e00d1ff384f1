/**
 * Who may do what: one explicit function per action, by role (WordPress semantics).
 * - contributor: writes and submits own articles; cannot publish, and cannot touch an article
 *   once it is past review (so cannot add images to a published one).
 * - author: publishes, schedules, unpublishes and edits own articles.
 * - editor: does all that on anyone's articles, manages categories and moderates comments.
 * - administrator: an editor who also manages users, roles and site settings.
 * Pure: the caller passes the facts (the actor, the article's status and bylines).
 */
import type { ArticleStatus } from './article.js';
import type { UserRole } from './user.js';
import type { TransitionTarget } from './workflow.js';

/** Someone logged in to the newsroom. */
export interface Actor {
  id: number;
  role: UserRole;
}

/** What policies need to know about an article. */
export interface ArticleFacts {
  status: ArticleStatus;
  authorIds: readonly number[];
}

/** A decision: allowed, or refused with a French reason for the message. */
export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOW: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** Whether the role edits everyone's articles (editor and administrator). */
export function isEditorial(role: UserRole): boolean {
  return role === 'editor' || role === 'administrator';
}

/** Whether the actor is in the article's byline. */
export function isOwn(actor: Actor, article: ArticleFacts): boolean {
  return article.authorIds.includes(actor.id);
}

/** Statuses in which a contributor may still change their own article. */
const CONTRIBUTOR_EDITABLE: readonly ArticleStatus[] = ['draft', 'review'];

/** Creating an article: every role (contributors and authors sign their own). */
export function canCreateArticle(actor: Actor, authorIds: readonly number[]): Decision {
  if (isEditorial(actor.role)) return ALLOW;
  return authorIds.includes(actor.id) ? ALLOW : deny('vous devez figurer parmi les auteurs de vos articles.');
}

/** Reading an article in the newsroom (and its revisions, its preview). */
export function canViewArticle(actor: Actor, article: ArticleFacts): Decision {
  if (isEditorial(actor.role) || isOwn(actor, article)) return ALLOW;
  return deny('cet article n’est pas le vôtre.');
}

/** Whether listings show everyone's articles to this role (others see their own). */
export function canListAllArticles(actor: Actor): boolean {
  return isEditorial(actor.role);
}

/** Changing an article's content (and restoring one of its revisions). */
export function canEditArticle(actor: Actor, article: ArticleFacts): Decision {
  if (article.status === 'trash') return deny('l’article est dans la corbeille.');
  if (isEditorial(actor.role)) return ALLOW;
  if (!isOwn(actor, article)) return deny('cet article n’est pas le vôtre.');
  if (actor.role === 'contributor' && !CONTRIBUTOR_EDITABLE.includes(article.status)) {
    return deny('un contributeur ne peut plus modifier un article programmé ou publié ; demandez à un éditeur.');
  }
  return ALLOW;
}

/** Changing the byline: contributors and authors cannot take themselves off their article. */
export function canSetAuthors(actor: Actor, authorIds: readonly number[]): Decision {
  if (isEditorial(actor.role) || authorIds.includes(actor.id)) return ALLOW;
  return deny('vous ne pouvez pas vous retirer des auteurs de votre article.');
}

/** Moving an article through the workflow (whether the move exists is `workflow.ts`'s business). */
export function canTransition(actor: Actor, article: ArticleFacts, to: TransitionTarget): Decision {
  if (isEditorial(actor.role)) return ALLOW;
  if (!isOwn(actor, article)) return deny('cet article n’est pas le vôtre.');
  if (actor.role === 'author') return ALLOW;
  // Contributor: submit, or take back a submission.
  if (to === 'review' || (to === 'draft' && CONTRIBUTOR_EDITABLE.includes(article.status))) return ALLOW;
  return deny('un contributeur ne peut pas publier, programmer ni dépublier ; soumettez l’article à la relecture.');
}

/** Moving an article to the trash. */
export function canTrashArticle(actor: Actor, article: ArticleFacts): Decision {
  if (isEditorial(actor.role)) return ALLOW;
  if (!isOwn(actor, article)) return deny('cet article n’est pas le vôtre.');
  if (actor.role === 'contributor' && !CONTRIBUTOR_EDITABLE.includes(article.status)) return deny('un contributeur ne peut pas supprimer un article publié ou programmé.');
  return ALLOW;
}

/** Taking an article out of the trash (it comes back as a draft). */
export function canRestoreArticle(actor: Actor, article: ArticleFacts): Decision {
  if (isEditorial(actor.role) || isOwn(actor, article)) return ALLOW;
  return deny('cet article n’est pas le vôtre.');
}

/** Adding a public correction or update note to a published article. */
export function canAddNote(actor: Actor, article: ArticleFacts): Decision {
  if (isEditorial(actor.role)) return ALLOW;
  if (actor.role === 'author' && isOwn(actor, article)) return ALLOW;
  return deny('seuls les éditeurs et l’auteur de l’article peuvent publier une correction.');
}

/** Uploading to the media library: every role (attaching to a published article is an edit). */
export function canUploadMedia(_actor: Actor): Decision {
  return ALLOW;
}

/** Changing or deleting a media item. */
export function canManageMedia(actor: Actor, uploadedBy: number | null): Decision {
  if (isEditorial(actor.role) || (uploadedBy !== null && uploadedBy === actor.id)) return ALLOW;
  return deny('seuls les éditeurs et la personne qui a envoyé l’image peuvent la modifier.');
}

/** Creating, changing and deleting categories. */
export function canManageCategories(actor: Actor): Decision {
  return isEditorial(actor.role) ? ALLOW : deny('seuls les éditeurs gèrent les rubriques.');
}

/** Creating tags (while writing): every role. */
export function canCreateTag(_actor: Actor): Decision {
  return ALLOW;
}

/** Moderating reader comments. */
export function canModerateComments(actor: Actor): Decision {
  return isEditorial(actor.role) ? ALLOW : deny('seuls les éditeurs modèrent les commentaires.');
}

/** Pinning or excluding "Vous aimerez aussi" articles: an editorial choice. */
export function canCurateRelated(actor: Actor): Decision {
  return isEditorial(actor.role) ? ALLOW : deny('seuls les éditeurs choisissent les articles liés.');
}

/** Listing, creating accounts and changing roles. */
export function canManageUsers(actor: Actor): Decision {
  return actor.role === 'administrator' ? ALLOW : deny('seuls les administrateurs gèrent les comptes.');
}

/** Changing an account: administrators any field of anyone; others their own name, bio and email. */
export function canUpdateUser(actor: Actor, targetId: number, fields: readonly string[]): Decision {
  if (actor.role === 'administrator') return ALLOW;
  if (actor.id !== targetId) return deny('seuls les administrateurs modifient les comptes des autres.');
  const forbidden = fields.filter((f) => f === 'role' || f === 'password');
  return forbidden.length === 0 ? ALLOW : deny('changer son rôle ou son mot de passe se fait autrement (mot de passe : page « Mot de passe »).');
}

/** Reading and changing site settings. */
export function canManageSettings(actor: Actor): Decision {
  return actor.role === 'administrator' ? ALLOW : deny('seuls les administrateurs gèrent les réglages du site.');
}

/** Importing content (WordPress, Ghost, a Dépêche backup) from the admin. */
export function canImport(actor: Actor): Decision {
  return actor.role === 'administrator' ? ALLOW : deny('seuls les administrateurs importent des contenus.');
}
