/** French words for the values the API speaks in English, and French dates. */
import type { ArticleStatus, CommentStatus, Role } from '../api/types.js';

/** Status names as the newsroom says them. */
export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Brouillon',
  review: 'En relecture',
  scheduled: 'Programmé',
  published: 'Publié',
  unpublished: 'Dépublié',
  trash: 'Corbeille',
};

/** Role names. */
export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Administrateur',
  editor: 'Éditeur',
  author: 'Auteur',
  contributor: 'Contributeur',
};

/** Comment moderation statuses. */
export const COMMENT_STATUS_LABELS: Record<CommentStatus, string> = {
  pending: 'En attente',
  approved: 'Approuvés',
  spam: 'Indésirables',
  trash: 'Corbeille',
};

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** "12 mars 2026 à 14:05", or a dash when there is no date. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : dateTime.format(date);
}

/** "14:05:12", for "Enregistré à …". */
export function formatTime(date: Date): string {
  return timeOnly.format(date);
}

/** An ISO instant as the value of a `datetime-local` input, in the browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The value of a `datetime-local` input as an ISO instant (null when empty or invalid). */
export function fromLocalInput(value: string): string | null {
  if (value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
