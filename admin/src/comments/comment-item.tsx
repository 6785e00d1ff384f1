/** One comment in the moderation list: selection box, actions, and the inline reply and edit forms. */
import { useId, useState, type FormEvent } from 'react';
import { messageOf } from '../api/client.js';
import { commentsApi } from '../api/endpoints.js';
import type { Comment, ModerationAction } from '../api/types.js';
import { formatDateTime } from '../app/labels.js';
import { ErrorMessage } from '../ui/notice.js';
import { ACTION_WORDS, actionsFor } from './moderation-actions.js';

type Open = 'none' | 'reply' | 'edit';

/** What the list is told after a change. */
export interface CommentItemEvents {
  onAction(comment: Comment, action: ModerationAction): Promise<void>;
  onSaved(message: string): void;
}

function ReplyForm(props: { comment: Comment; onDone(): void; onSaved(message: string): void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await commentsApi.reply(props.comment.id, text);
      props.onSaved(props.comment.status === 'pending' ? 'Réponse publiée ; le commentaire a été approuvé.' : 'Réponse publiée.');
      props.onDone();
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  }
  return (
    <form className="inline-form" onSubmit={submit} aria-label={`Répondre à ${props.comment.authorName}`}>
      <ErrorMessage message={error} />
      <div className="field">
        <label htmlFor={`${id}-text`}>Votre réponse à {props.comment.authorName}</label>
        <textarea id={`${id}-text`} rows={4} required maxLength={10000} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-hint`} />
        <p className="hint" id={`${id}-hint`}>
          Publiée aussitôt, sous votre nom, avec la mention « rédaction ».
        </p>
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={busy}>
          Publier la réponse
        </button>
        <button type="button" onClick={props.onDone} disabled={busy}>
          Annuler
        </button>
      </div>
    </form>
  );
}

function EditForm(props: { comment: Comment; onDone(): void; onSaved(message: string): void }) {
  const id = useId();
  const [body, setBody] = useState(props.comment.body);
  const [authorName, setAuthorName] = useState(props.comment.authorName);
  const [authorUrl, setAuthorUrl] = useState(props.comment.authorUrl);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await commentsApi.edit(props.comment.id, { body, authorName, authorUrl });
      props.onSaved('Commentaire modifié.');
      props.onDone();
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  }
  return (
    <form className="inline-form" onSubmit={submit} aria-label={`Modifier le commentaire de ${props.comment.authorName}`}>
      <ErrorMessage message={error} />
      <div className="field">
        <label htmlFor={`${id}-body`}>Texte du commentaire</label>
        <textarea id={`${id}-body`} rows={5} required maxLength={10000} value={body} onChange={(e) => setBody(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>Nom du commentateur</label>
        <input id={`${id}-name`} required maxLength={100} value={authorName} onChange={(e) => setAuthorName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-url`}>Site web (facultatif)</label>
        <input id={`${id}-url`} type="url" maxLength={300} value={authorUrl} onChange={(e) => setAuthorUrl(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={busy}>
          Enregistrer les modifications
        </button>
        <button type="button" onClick={props.onDone} disabled={busy}>
          Annuler
        </button>
      </div>
    </form>
  );
}

/** A comment card. */
export function CommentItem(props: { comment: Comment; selected: boolean; onSelect(selected: boolean): void } & CommentItemEvents) {
  const { comment } = props;
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<Open>('none');
  async function act(action: ModerationAction) {
    setBusy(true);
    try {
      await props.onAction(comment, action);
    } finally {
      setBusy(false);
    }
  }
  const canReply = comment.status === 'pending' || comment.status === 'approved';
  return (
    <li className="comment card">
      <div className="comment-head">
        <input type="checkbox" className="comment-select" id={`${id}-select`} checked={props.selected} onChange={(e) => props.onSelect(e.target.checked)} />
        <label htmlFor={`${id}-select`} className="visually-hidden">
          Sélectionner le commentaire de {comment.authorName}
        </label>
        <p className="comment-meta">
          <strong>{comment.authorName}</strong>
          {comment.byStaff ? <span className="staff-tag"> rédaction</span> : null}
          {comment.authorEmail ? <span className="muted"> &lt;{comment.authorEmail}&gt;</span> : null} — {formatDateTime(comment.createdAt)}
          {comment.authorUrl ? <span className="muted"> — {comment.authorUrl}</span> : null}
          {comment.parentId ? <span className="muted"> — en réponse à un commentaire</span> : null}
          <br />
          sur « {comment.articleTitle} »
        </p>
      </div>
      <blockquote className="comment-body">{comment.body}</blockquote>
      <div className="button-row" role="group" aria-label={`Modérer le commentaire de ${comment.authorName}`}>
        {actionsFor(comment.status).map((action) => (
          <button key={action} type="button" disabled={busy} className={action === 'approve' ? 'button-primary' : action === 'trash' ? 'button-danger' : undefined} onClick={() => void act(action)}>
            {ACTION_WORDS[action].label}
          </button>
        ))}
        {canReply ? (
          <button type="button" aria-expanded={open === 'reply'} onClick={() => setOpen(open === 'reply' ? 'none' : 'reply')}>
            Répondre
          </button>
        ) : null}
        <button type="button" aria-expanded={open === 'edit'} onClick={() => setOpen(open === 'edit' ? 'none' : 'edit')}>
          Modifier
        </button>
      </div>
      {open === 'reply' ? <ReplyForm comment={comment} onDone={() => setOpen('none')} onSaved={props.onSaved} /> : null}
      {open === 'edit' ? <EditForm comment={comment} onDone={() => setOpen('none')} onSaved={props.onSaved} /> : null}
    </li>
  );
}
