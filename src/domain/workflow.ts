/**
 * The editorial workflow as a pure state machine: draft → in review → scheduled/published →
 * unpublished, with the trash beside it. Who may make a move is the policies' business
 * (`policies.ts`); this file only says which moves exist and why the others do not.
 */
import type { ArticleStatus } from './article.js';

/** Statuses an article can be moved to with an explicit transition (the trash has its own actions). */
export const TRANSITION_TARGETS = ['draft', 'review', 'scheduled', 'published', 'unpublished'] as const;

/** A status reachable through a transition. */
export type TransitionTarget = (typeof TRANSITION_TARGETS)[number];

/** Whether a value is a transition target. */
export function isTransitionTarget(value: string): value is TransitionTarget {
  return (TRANSITION_TARGETS as readonly string[]).includes(value);
}

/** French names of the statuses, as the newsroom says them. */
export const STATUS_LABELS_FR: Readonly<Record<ArticleStatus, string>> = {
  draft: 'brouillon',
  review: 'en relecture',
  scheduled: 'programmé',
  published: 'publié',
  unpublished: 'dépublié',
  trash: 'corbeille',
};

/** The moves that exist, from each status. Scheduled → scheduled is a new date. */
const ALLOWED: Readonly<Record<ArticleStatus, readonly TransitionTarget[]>> = {
  draft: ['review', 'scheduled', 'published'],
  review: ['draft', 'scheduled', 'published'],
  scheduled: ['draft', 'scheduled', 'published'],
  published: ['unpublished'],
  unpublished: ['draft', 'review', 'scheduled', 'published'],
  trash: [],
};

/** Why a move does not exist, in French, for the message shown to the editor. */
function reasonFr(from: ArticleStatus, to: TransitionTarget): string {
  if (from === 'trash') return 'l’article est dans la corbeille ; restaurez-le d’abord.';
  if (from === to) return `l’article est déjà ${STATUS_LABELS_FR[to]}.`;
  if (from === 'published') return 'un article publié doit d’abord être dépublié.';
  if (to === 'unpublished') return 'seul un article publié peut être dépublié.';
  return 'ce passage n’existe pas dans le circuit éditorial.';
}

/** The result of asking whether a move exists. */
export type TransitionCheck = { ok: true } | { ok: false; reason: string };

/** Whether an article may move from one status to another (independently of who asks). */
export function checkTransition(from: ArticleStatus, to: TransitionTarget): TransitionCheck {
  return ALLOWED[from].includes(to) ? { ok: true } : { ok: false, reason: reasonFr(from, to) };
}

/** The moves that exist from a status (for the admin app's buttons). */
export function transitionsFrom(from: ArticleStatus): readonly TransitionTarget[] {
  return ALLOWED[from];
}

/**
 * The publication instant after a move: publishing keeps the first publication date of an
 * article published before (an unpublished then republished story keeps its date), a schedule
 * takes its own date, and going back to draft or review forgets a date that never came.
 */
export function publicationTimeAfter(to: TransitionTarget, publishedAt: number | null, now: number, at?: number): number | null {
  const past = publishedAt !== null && publishedAt <= now ? publishedAt : null;
  switch (to) {
    case 'scheduled':
      return at ?? null;
    case 'published':
      // A due schedule keeps its own instant, not the scheduler's tick.
      return past ?? now;
    case 'unpublished':
      return publishedAt;
    case 'draft':
    case 'review':
      return past;
  }
}
