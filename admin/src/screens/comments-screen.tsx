/** Moderating reader comments: tabs by status, bulk actions, inline replies and edits, commenters' data. */
import { useEffect, useId, useState } from 'react';
import { messageOf } from '../api/client.js';
import { commentsApi } from '../api/endpoints.js';
import type { BulkResult, Comment, CommentStatus, ModerationAction } from '../api/types.js';
import { COMMENT_STATUS_LABELS } from '../app/labels.js';
import { notifyCommentsChanged } from '../app/pending-comments.js';
import { canModerate } from '../app/permissions.js';
import { useUser } from '../app/session.js';
import { CommentItem } from '../comments/comment-item.js';
import { CommenterDataPanel } from '../comments/commenter-data-panel.js';
import { ACTION_WORDS, BULK_ACTIONS } from '../comments/moderation-actions.js';
import { ErrorMessage, InfoMessage, Loading } from '../ui/notice.js';
import { PageTitle } from '../ui/page-title.js';
import { Pager } from '../ui/pager.js';
import { useLoad } from '../ui/use-load.js';

const STATUSES = Object.keys(COMMENT_STATUS_LABELS) as CommentStatus[];

/** What a bulk result says: the successes, then each refusal with the server's reason. */
function describe(result: BulkResult, action: ModerationAction): { message: string | null; error: string | null } {
  const message = result.done.length > 0 ? ACTION_WORDS[action].done(result.done.length) : null;
  const error = result.failed.length > 0 ? result.failed.map((f) => f.message).join(' ') : null;
  return { message, error };
}

/** The bar acting on the selected comments. */
function BulkBar(props: { count: number; busy: boolean; onAction(action: ModerationAction): void }) {
  const id = useId();
  return (
    <div className="bulk-bar" role="group" aria-labelledby={`${id}-count`}>
      <span className="bulk-count" id={`${id}-count`}>
        {props.count === 0 ? 'Aucun commentaire sélectionné' : props.count === 1 ? '1 commentaire sélectionné' : `${props.count} commentaires sélectionnés`}
      </span>
      {BULK_ACTIONS.map((action) => (
        <button key={action} type="button" disabled={props.busy || props.count === 0} className={action === 'trash' ? 'button-danger' : undefined} onClick={() => props.onAction(action)}>
          {ACTION_WORDS[action].label}
        </button>
      ))}
    </div>
  );
}

/** One tab per status; pending first. */
export function CommentsScreen() {
  const user = useUser();
  const moderator = canModerate(user.role);
  const [status, setStatus] = useState<CommentStatus>('pending');
  const [page, setPage] = useState(1);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const list = useLoad(() => (moderator ? commentsApi.list(status, page) : Promise.resolve(null)), [status, page, moderator]);
  const items: Comment[] = list.data?.items ?? [];
  // A new page of comments starts with nothing selected.
  useEffect(() => setSelected(new Set()), [list.data]);

  if (!moderator) {
    return (
      <>
        <PageTitle text="Commentaires">Commentaires</PageTitle>
        <p className="notice notice-error">La modération des commentaires est réservée aux éditeurs et aux administrateurs.</p>
      </>
    );
  }

  function changed(done: { message: string | null; error: string | null }) {
    setMessage(done.message);
    setError(done.error);
    list.reload();
    notifyCommentsChanged();
  }

  async function run(ids: readonly number[], action: ModerationAction) {
    setBusy(true);
    try {
      changed(describe(await commentsApi.bulk(ids, action), action));
    } catch (failure) {
      setMessage(null);
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  const allSelected = items.length > 0 && items.every((c) => selected.has(c.id));
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
              setError(null);
            }}
          >
            {COMMENT_STATUS_LABELS[s]}
          </button>
        ))}
      </div>
      <InfoMessage>{message}</InfoMessage>
      <ErrorMessage message={error ?? list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && items.length === 0 ? <p className="empty">Aucun commentaire dans « {COMMENT_STATUS_LABELS[status]} ».</p> : null}
      {items.length > 0 ? (
        <>
          <div className="field-check">
            <input id="comments-select-all" type="checkbox" checked={allSelected} onChange={(e) => setSelected(e.target.checked ? new Set(items.map((c) => c.id)) : new Set())} />
            <label htmlFor="comments-select-all">Tout sélectionner sur cette page</label>
          </div>
          <BulkBar count={selected.size} busy={busy} onAction={(action) => void run([...selected], action)} />
        </>
      ) : null}
      <ul className="comment-list" aria-label={`Commentaires : ${COMMENT_STATUS_LABELS[status]}`}>
        {items.map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            selected={selected.has(comment.id)}
            onSelect={(on) => {
              const next = new Set(selected);
              if (on) next.add(comment.id);
              else next.delete(comment.id);
              setSelected(next);
            }}
            onAction={(c, action) => run([c.id], action)}
            onSaved={(done) => changed({ message: done, error: null })}
          />
        ))}
      </ul>
      {list.data ? <Pager label="Pages de commentaires" page={list.data.page} hasNext={list.data.hasNext} onPage={setPage} /> : null}
      <CommenterDataPanel onErased={() => list.reload()} />
    </>
  );
}
