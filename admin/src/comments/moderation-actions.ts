/** Which moderation actions each status offers, in the words of the newsroom. */
import type { CommentStatus, ModerationAction } from '../api/types.js';

/** A button's label and what to say once done (for n comments). */
export interface ActionWords {
  label: string;
  done(n: number): string;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** Labels and confirmations of each action. */
export const ACTION_WORDS: Record<ModerationAction, ActionWords> = {
  approve: { label: 'Approuver', done: (n) => `${plural(n, 'commentaire approuvé', 'commentaires approuvés')}.` },
  unapprove: { label: 'Remettre en attente', done: (n) => `${plural(n, 'commentaire remis', 'commentaires remis')} en attente.` },
  spam: { label: 'Indésirable', done: (n) => `${plural(n, 'commentaire marqué', 'commentaires marqués')} comme indésirable${n === 1 ? '' : 's'}.` },
  trash: { label: 'Corbeille', done: (n) => `${plural(n, 'commentaire mis', 'commentaires mis')} à la corbeille.` },
  restore: { label: 'Restaurer', done: (n) => `${plural(n, 'commentaire restauré', 'commentaires restaurés')}.` },
};

/** The actions a comment of this status can take (the state machine of the server). */
export function actionsFor(status: CommentStatus): ModerationAction[] {
  switch (status) {
    case 'pending':
      return ['approve', 'spam', 'trash'];
    case 'approved':
      return ['unapprove', 'spam', 'trash'];
    case 'spam':
      return ['restore', 'trash'];
    case 'trash':
      return ['restore'];
  }
}

/** The actions of the bulk bar. */
export const BULK_ACTIONS: ModerationAction[] = ['approve', 'spam', 'trash', 'restore'];
