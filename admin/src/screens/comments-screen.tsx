/** Moderating reader comments: lists by status, approve, mark as spam, trash. */
import { useState } from 'react';
import { messageOf } from '../api/client.js';
import { commentsApi } from '../api/endpoints.js';
import type { Comment, CommentStatus } from '../api/types.js';
import { COMMENT_STATUS_LABELS, formatDateTime } from '../app/labels.js';
import { canModerate } from '../app/permissions.js';
import { useUser } from '../app/session.js';
import { ErrorMessage, InfoMessage, Loading } from '../ui/notice.js';
import { PageTitle } from '../ui/page-title.js';
import { Pager } from '../ui/pager.js';
import { useLoad } from '../ui/use-load.js';

const STATUSES = Object.keys(COMMENT_STATUS_LABELS) as CommentStatus[];

/** Buttons for each target status, in the words of moderation. */
const ACTIONS: { to: CommentStatus; label: string; done: string }[] = [
  { to: 'approved', label: 'Approuver', done: 'Commentaire approuvé.' },
  { to: 'pending', label: 'Remettre en attente', done: 'Commentaire remis en attente.' },
  { to: 'spam', label: 'Indésirable', done: 'Commentaire marqué comme indésirable.' },
  { to: 'trash', label: 'Corbeille', done: 'Commentaire mis à la corbeille.' },
];

function CommentRow(props: { comment: Comment; onMoved(message: string): void; onError(message: string): void }) {
  const { comment } = props;
  const [busy, setBusy] = useState(false);
  async function move(to: CommentStatus, done: string) {
    setBusy(true);
    try {
      await commentsApi.setStatus(comment.id, to);
      props.onMoved(done);
    } catch (failure) {
      props.onError(messageOf(failure));
      setBusy(false);
    }
  }
  return (
    <li className="comment card">
      <p className="comment-meta">
        <strong>{comment.authorName}</strong>
        {comment.authorEmail ? <span className="muted"> &lt;{comment.authorEmail}&gt;</span> : null} — {formatDateTime(comment.createdAt)}
        {comment.parentId ? <span className="muted"> — en réponse à un commentaire</span> : null}
        <br />
        sur « {comment.articleTitle} »
      </p>
      <blockquote className="comment-body">{comment.body}</blockquote>
      <div className="button-row" role="group" aria-label={`Modérer le commentaire de ${comment.authorName}`}>
        {ACTIONS.filter((a) => a.to !== comment.status).map((action) => (
          <button key={action.to} type="button" disabled={busy} className={action.to === 'approved' ? 'button-primary' : action.to === 'trash' ? 'button-danger' : undefined} onClick={() => void move(action.to, action.done)}>
            {action.label}
          </button>
        ))}
      </div>
    </li>
  );
}

/** One tab per status; pending first. */
export function CommentsScreen() {
  const user = useUser();
  const [status, setStatus] = useState<CommentStatus>('pending');
  const [page, setPage] = useState(1);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useLoad(() => (canModerate(user.role) ? commentsApi.list(status, page) : Promise.resolve(null)), [status, page, user.role]);
  if (!canModerate(user.role)) {
    return (
      <>
        <PageTitle text="Commentaires">Commentaires</PageTitle>
        <p className="notice notice-error">La modération des commentaires est réservée aux éditeurs et aux administrateurs.</p>
      </>
    );
  }
  return (
    <>
      <PageTitle text="Commentaires">Commentaires</PageTitle>
      <div className="tabs" role="group" aria-label="Statut des commentaires">
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={s === status}
            onClick={() => {
              setStatus(s);
              setPage(1);
              setMessage(null);
            }}
          >
            {COMMENT_STATUS_LABELS[s]}
          </button>
        ))}
      </div>
      <InfoMessage>{message}</InfoMessage>
      <ErrorMessage message={error ?? list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? <p className="empty">Aucun commentaire dans « {COMMENT_STATUS_LABELS[status]} ».</p> : null}
      <ul className="comment-list">
        {(list.data?.items ?? []).map((comment) => (
          <CommentRow
            key={comment.id}
            comment={comment}
            onMoved={(done) => {
              setError(null);
              setMessage(done);
              list.reload();
            }}
            onError={setError}
          />
        ))}
      </ul>
      {list.data ? <Pager label="Pages de commentaires" page={list.data.page} hasNext={list.data.hasNext} onPage={setPage} /> : null}
    </>
  );
}
