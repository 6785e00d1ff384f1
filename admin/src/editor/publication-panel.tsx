/**
 * The publication box of the editor: status, save state, and the workflow buttons the role
 * may use (a contributor submits for review; editors, and authors on their own articles,
 * publish and schedule). The server checks every transition again.
 */
import { useId, useState } from 'react';
import { Link } from 'wouter';
import type { Article, ArticleStatus, TransitionTarget } from '../api/types.js';
import { STATUS_LABELS, formatDateTime, formatTime, fromLocalInput, toLocalInput } from '../app/labels.js';
import type { ArticleSaver } from './use-article-saver.js';

interface Action {
  to: TransitionTarget;
  label: string;
  primary?: boolean;
}

/** The transitions offered from a status. */
function actionsFor(status: ArticleStatus, mayPublish: boolean): Action[] {
  switch (status) {
    case 'draft':
      return mayPublish ? [{ to: 'published', label: 'Publier', primary: true }, { to: 'scheduled', label: 'Programmer…' }] : [{ to: 'review', label: 'Soumettre pour relecture', primary: true }];
    case 'review':
      return mayPublish
        ? [{ to: 'published', label: 'Publier', primary: true }, { to: 'scheduled', label: 'Programmer…' }, { to: 'draft', label: 'Renvoyer en brouillon' }]
        : [{ to: 'draft', label: 'Retirer de la relecture' }];
    case 'scheduled':
      return mayPublish ? [{ to: 'published', label: 'Publier maintenant', primary: true }, { to: 'draft', label: 'Déprogrammer' }] : [];
    case 'published':
      return mayPublish ? [{ to: 'unpublished', label: 'Dépublier' }] : [];
    case 'unpublished':
      return mayPublish ? [{ to: 'published', label: 'Republier', primary: true }, { to: 'draft', label: 'Remettre en brouillon' }] : [{ to: 'review', label: 'Soumettre pour relecture', primary: true }];
    case 'trash':
      return [];
  }
}

function SaveState(props: { saver: ArticleSaver }) {
  const { saver } = props;
  let text: string;
  if (saver.saving) text = 'Enregistrement…';
  else if (saver.dirty) text = saver.autosave ? 'Modifications en cours (enregistrement automatique)' : 'Modifications non enregistrées';
  else if (saver.savedAt) text = `Enregistré à ${formatTime(saver.savedAt)}`;
  else if (saver.article) text = 'Aucune modification';
  else text = 'Pas encore enregistré';
  return (
    <p className="save-state" role="status" aria-live="polite">
      {text}
    </p>
  );
}

/** Props of the publication box. */
export interface PublicationPanelProps {
  saver: ArticleSaver;
  mayPublish: boolean;
  busy: boolean;
  onTransition(to: TransitionTarget, at?: string): void;
  onPreview(): void;
  onTrash(): void;
  onRestore(): void;
}

/** Status, save, preview and workflow buttons. */
export function PublicationPanel(props: PublicationPanelProps) {
  const id = useId();
  const { saver } = props;
  const article: Article | null = saver.article;
  const [scheduling, setScheduling] = useState(false);
  const [at, setAt] = useState(() => toLocalInput(new Date(Date.now() + 3_600_000).toISOString()));
  const actions = article ? actionsFor(article.status, props.mayPublish) : [];
  const liveStatus = article?.status === 'published' || article?.status === 'scheduled';

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Publication</h2>
      <p>
        Statut : <strong className={`status status-${article?.status ?? 'draft'}`}>{STATUS_LABELS[article?.status ?? 'draft']}</strong>
        {article?.status === 'published' && article.publishedAt ? <span className="muted"> depuis le {formatDateTime(article.publishedAt)}</span> : null}
        {article?.status === 'scheduled' ? <span className="muted"> pour le {formatDateTime(article.scheduledAt ?? article.publishedAt)}</span> : null}
      </p>
      <SaveState saver={saver} />
      {liveStatus && saver.dirty ? <p className="hint">Vos modifications ne seront visibles sur le site qu’après « Mettre à jour ».</p> : null}
      <div className="button-row">
        <button type="button" className={liveStatus ? 'button-primary' : undefined} disabled={props.busy || saver.saving || (!saver.dirty && article !== null)} onClick={() => void saver.save()}>
          {liveStatus ? 'Mettre à jour' : 'Enregistrer'}
        </button>
        <button type="button" disabled={props.busy || article === null} onClick={props.onPreview}>
          Prévisualiser
        </button>
      </div>
      {article?.status === 'published' && article.url ? (
        <p>
          <a href={article.url} target="_blank" rel="noreferrer">
            Voir l’article sur le site
          </a>
        </p>
      ) : null}
      {actions.length > 0 ? (
        <div className="button-row workflow-actions">
          {actions.map((action) =>
            action.to === 'scheduled' ? (
              <button key={action.to} type="button" disabled={props.busy} aria-expanded={scheduling} onClick={() => setScheduling(!scheduling)}>
                {action.label}
              </button>
            ) : (
              <button key={action.to} type="button" className={action.primary ? 'button-primary' : undefined} disabled={props.busy} onClick={() => props.onTransition(action.to)}>
                {action.label}
              </button>
            ),
          )}
        </div>
      ) : null}
      {article === null ? <p className="hint">Donnez un titre et une rubrique : l’article est alors enregistré comme brouillon.</p> : null}
      {article?.status === 'review' && !props.mayPublish ? <p className="hint">Un éditeur relira l’article et le publiera.</p> : null}
      {scheduling ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const iso = fromLocalInput(at);
            if (iso !== null) props.onTransition('scheduled', iso);
            setScheduling(false);
          }}
        >
          <label htmlFor={`${id}-at`}>Date et heure de publication</label>
          <input id={`${id}-at`} type="datetime-local" required value={at} onChange={(e) => setAt(e.target.value)} />
          <button type="submit" className="button-primary" disabled={props.busy}>
            Programmer
          </button>
        </form>
      ) : null}
      {article ? (
        <p className="panel-links">
          <Link href={`/articles/${article.id}/versions`}>Historique des versions</Link>
          {article.status === 'trash' ? (
            <button type="button" className="button-quiet" disabled={props.busy} onClick={props.onRestore}>
              Restaurer (comme brouillon)
            </button>
          ) : (
            <button type="button" className="button-quiet button-danger" disabled={props.busy} onClick={props.onTrash}>
              Mettre à la corbeille
            </button>
          )}
        </p>
      ) : null}
    </section>
  );
}
