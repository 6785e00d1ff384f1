/**
 * Reader comments on the article page: threads, each comment's text (escaped, paragraphs,
 * links), and the "Laisser un commentaire" form. Everything a commenter typed goes through
 * JSX text or attributes, so preact escapes it; no HTML string is ever built here.
 */
import { linkPieces, paragraphs } from '../../domain/comment-text.js';
import type { CommentFormView, CommentView } from '../../services/view-models.js';
import { DateTime } from './components.js';
import { initials } from './format.js';

/** The rel of every link a commenter wrote: no ranking credit, user content, no window access. */
export const COMMENT_LINK_REL = 'nofollow ugc noopener';

/** A comment's text: paragraphs from blank lines, line breaks kept, http(s) addresses linked. */
export function CommentBody(props: { text: string }) {
  return (
    <div class="comment-body">
      {paragraphs(props.text).map((lines) => (
        <p>
          {lines.map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {linkPieces(line).map((piece) =>
                piece.kind === 'link' ? (
                  <a href={piece.href} rel={COMMENT_LINK_REL}>
                    {piece.text}
                  </a>
                ) : (
                  piece.text
                ),
              )}
            </>
          ))}
        </p>
      ))}
    </div>
  );
}

interface ThreadProps {
  timeZone: string;
  articleUrl: string;
  maxDepth: number;
  open: boolean;
}

function CommentItem(props: ThreadProps & { comment: CommentView; depth: number }) {
  const { comment } = props;
  const classes = ['comment', comment.held ? 'comment-held' : '', comment.erased ? 'comment-erased' : '', comment.byStaff ? 'comment-staff' : ''].filter((c) => c !== '').join(' ');
  const canReply = props.open && !comment.held && !comment.erased && props.depth < props.maxDepth;
  return (
    <li class={classes} id={`commentaire-${comment.id}`}>
      <article>
        {comment.erased ? (
          <p class="comment-erased-note">Commentaire supprimé</p>
        ) : (
          <>
            <header class="comment-head">
              <span class={`avatar tone-${comment.avatarTone}`} aria-hidden="true">
                {initials(comment.authorName)}
              </span>
              <span class="comment-author">
                {comment.authorUrl ? (
                  <a href={comment.authorUrl} rel={COMMENT_LINK_REL}>
                    {comment.authorName}
                  </a>
                ) : (
                  comment.authorName
                )}
              </span>
              {comment.byStaff ? <span class="staff-badge">Rédaction</span> : null}
              <a class="comment-date" href={`#commentaire-${comment.id}`}>
                <DateTime date={comment.createdAt} timeZone={props.timeZone} />
              </a>
            </header>
            {comment.held ? <p class="comment-pending">Votre commentaire est en attente de modération.</p> : null}
            <CommentBody text={comment.body} />
            {canReply ? (
              <p class="comment-actions">
                <a class="comment-reply" href={`${props.articleUrl}?repondre=${comment.id}#laisser-un-commentaire`} data-reply-to={String(comment.id)} aria-label={`Répondre à ${comment.authorName}`}>
                  Répondre
                </a>
              </p>
            ) : null}
          </>
        )}
      </article>
      {comment.replies.length > 0 ? (
        <ol class="comment-replies">
          {comment.replies.map((reply) => (
            <CommentItem {...props} comment={reply} depth={props.depth + 1} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

/** One comment alone (a comment just posted, inserted by the page script). */
export function SingleComment(props: { comment: CommentView; timeZone: string; articleUrl: string }) {
  return <CommentItem comment={props.comment} timeZone={props.timeZone} articleUrl={props.articleUrl} maxDepth={1} open={false} depth={1} />;
}

/** Threaded reader comments. */
export function CommentThreads(props: ThreadProps & { comments: readonly CommentView[] }) {
  if (props.comments.length === 0) return <p class="no-comments">Aucun commentaire pour l’instant. Soyez le premier à réagir.</p>;
  return (
    <ol class="comment-list">
      {props.comments.map((c) => (
        <CommentItem {...props} comment={c} depth={1} />
      ))}
    </ol>
  );
}

/** The "Laisser un commentaire" form: a plain POST that works without JavaScript. */
export function CommentForm(props: { form: CommentFormView }) {
  const { form } = props;
  if (!form.open) return <p class="comments-closed">Les commentaires sont fermés pour cet article.</p>;
  const { values } = form;
  return (
    <form class="comment-form" method="post" action={form.action} data-comment-form="">
      <h3 id="laisser-un-commentaire">Laisser un commentaire</h3>
      {form.replyTo ? (
        <p class="replying-to">
          En réponse à <a href={`#commentaire-${form.replyTo.id}`}>{form.replyTo.authorName}</a> ·{' '}
          <a class="cancel-reply" href={`${form.articleUrl}#laisser-un-commentaire`}>
            Annuler la réponse
          </a>
        </p>
      ) : null}
      <p class="form-note">Votre adresse e-mail ne sera pas publiée. Les commentaires sont modérés avant publication.</p>
      <p class="form-error" role="alert" hidden={form.error === null}>
        {form.error}
      </p>
      <p class="form-notice" role="status" hidden={form.notice === null}>
        {form.notice}
      </p>
      <input type="hidden" name="token" value={form.token} />
      <input type="hidden" name="parent_id" value={form.replyTo ? String(form.replyTo.id) : ''} />
      <p>
        <label for="comment-body">Commentaire</label>
        <textarea id="comment-body" name="body" rows={6} required maxLength={form.maxLength}>
          {values.body}
        </textarea>
      </p>
      <p>
        <label for="comment-name">Nom</label>
        <input id="comment-name" name="name" type="text" autocomplete="name" required maxLength={100} value={values.name} />
      </p>
      <p>
        <label for="comment-email">E-mail</label>
        <input id="comment-email" name="email" type="email" autocomplete="email" required maxLength={254} value={values.email} />
      </p>
      <p>
        <label for="comment-url">Site web (facultatif)</label>
        <input id="comment-url" name="url" type="url" autocomplete="url" maxLength={500} value={values.website} />
      </p>
      {/* A trap for robots: people never see this field, robots fill every field they find. */}
      <p class="hp" aria-hidden="true">
        <label for="comment-check">Laissez ce champ vide</label>
        <input id="comment-check" name="verification" type="text" tabIndex={-1} autocomplete="off" value="" />
      </p>
      <p class="remember">
        <input id="comment-remember" name="remember" type="checkbox" value="1" checked={values.remember} />
        <label for="comment-remember">Retenir mon nom, mon e-mail et mon site dans ce navigateur pour mes prochains commentaires.</label>
      </p>
      <p>
        <button type="submit">Publier le commentaire</button>
      </p>
    </form>
  );
}
