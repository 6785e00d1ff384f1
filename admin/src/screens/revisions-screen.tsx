/** An article's history: the list of saved versions, a readable diff between two, and restore. */
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { messageOf } from '../api/client.js';
import { articlesApi, revisionsApi } from '../api/endpoints.js';
import type { RevisionDiff } from '../api/types.js';
import { formatDateTime } from '../app/labels.js';
import { ErrorMessage, InfoMessage, Loading } from '../ui/notice.js';
import { PageTitle } from '../ui/page-title.js';
import { useLoad } from '../ui/use-load.js';

/** French names of the fields a diff may list. */
const FIELD_LABELS: Record<string, string> = {
  title: 'Titre',
  slug: 'Identifiant d’URL',
  dek: 'Chapô',
  body: 'Texte',
  status: 'Statut',
  categoryId: 'Rubrique',
  category: 'Rubrique',
  authors: 'Signatures',
  tags: 'Mots-clés',
  featuredMediaId: 'Image à la une',
  featuredCaption: 'Légende de l’image à la une',
  featuredAlt: 'Texte alternatif de l’image à la une',
  featuredCredit: 'Crédit de l’image à la une',
  seoTitle: 'Titre pour les moteurs de recherche',
  seoDescription: 'Description pour les moteurs de recherche',
  publishedAt: 'Date de publication',
};

function DiffView(props: { diff: RevisionDiff }) {
  const { changes, bodyDiff } = props.diff;
  const bodyChanged = bodyDiff.some((part) => part.op !== 'equal');
  if (changes.length === 0 && !bodyChanged) return <p className="empty">Ces deux versions sont identiques.</p>;
  return (
    <div className="diff">
      {changes.length > 0 ? (
        <table className="table">
          <caption>Champs modifiés</caption>
          <thead>
            <tr>
              <th scope="col">Champ</th>
              <th scope="col">Avant</th>
              <th scope="col">Après</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{FIELD_LABELS[change.field] ?? change.field}</th>
                <td>
                  <del>{change.before ?? '—'}</del>
                </td>
                <td>
                  <ins>{change.after ?? '—'}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {bodyChanged ? (
        <section aria-labelledby="body-diff-title">
          <h3 id="body-diff-title">Texte</h3>
          <p className="hint">
            <ins>Texte ajouté</ins> et <del>texte supprimé</del>.
          </p>
          <div className="body-diff">
            {bodyDiff.map((part, i) =>
              part.op === 'insert' ? (
                <ins key={i}>
                  <span className="visually-hidden">[ajout : </span>
                  {part.text}
                  <span className="visually-hidden">]</span>
                </ins>
              ) : part.op === 'delete' ? (
                <del key={i}>
                  <span className="visually-hidden">[suppression : </span>
                  {part.text}
                  <span className="visually-hidden">]</span>
                </del>
              ) : (
                <span key={i}>{part.text}</span>
              ),
            )}
          </div>
        </section>
      ) : null}
    </div>
  );
}

/** Versions newest first; two radio columns choose what to compare. */
export function RevisionsScreen(props: { articleId: number }) {
  const [, navigate] = useLocation();
  const article = useLoad(() => articlesApi.get(props.articleId), [props.articleId]);
  const revisions = useLoad(() => revisionsApi.list(props.articleId), [props.articleId]);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [diff, setDiff] = useState<RevisionDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const list = revisions.data;
    if (!list || list.length === 0) return;
    setTo(list[0]?.id ?? null);
    setFrom(list[1]?.id ?? list[0]?.id ?? null);
  }, [revisions.data]);

  async function compare() {
    if (from === null || to === null) return;
    setBusy(true);
    setError(null);
    try {
      setDiff(await revisionsApi.diff(props.articleId, from, to));
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  async function restore(revisionId: number, when: string) {
    if (!window.confirm(`Restaurer la version du ${formatDateTime(when)} ? La version actuelle reste dans l’historique.`)) return;
    setBusy(true);
    setError(null);
    try {
      await revisionsApi.restore(props.articleId, revisionId);
      navigate(`/articles/${props.articleId}`);
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  }

  const title = article.data?.title ?? '…';
  return (
    <>
      <PageTitle text={`Historique de « ${title} »`}>Historique des versions</PageTitle>
      <p>
        Article : <Link href={`/articles/${props.articleId}`}>{title}</Link>
      </p>
      <ErrorMessage message={error ?? revisions.error ?? article.error} />
      {revisions.loading && !revisions.data ? <Loading /> : null}
      {revisions.data && revisions.data.length === 0 ? <p className="empty">Aucune version enregistrée.</p> : null}
      {revisions.data && revisions.data.length > 0 ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void compare();
          }}
        >
          <table className="table">
            <caption>Versions, de la plus récente à la plus ancienne</caption>
            <thead>
              <tr>
                <th scope="col">Comparer de</th>
                <th scope="col">à</th>
                <th scope="col">Enregistrée le</th>
                <th scope="col">Par</th>
                <th scope="col">Note</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {revisions.data.map((revision, i) => {
                const when = formatDateTime(revision.createdAt);
                return (
                  <tr key={revision.id}>
                    <td>
                      <input type="radio" name="from" checked={from === revision.id} onChange={() => setFrom(revision.id)} aria-label={`Comparer à partir de la version du ${when}`} />
                    </td>
                    <td>
                      <input type="radio" name="to" checked={to === revision.id} onChange={() => setTo(revision.id)} aria-label={`Comparer jusqu’à la version du ${when}`} />
                    </td>
                    <td>
                      {when}
                      {i === 0 ? <span className="muted"> (actuelle)</span> : null}
                    </td>
                    <td>{revision.userName ?? '—'}</td>
                    <td>{revision.note ?? ''}</td>
                    <td>
                      {i === 0 ? null : (
                        <button type="button" disabled={busy} onClick={() => void restore(revision.id, revision.createdAt)}>
                          Restaurer<span className="visually-hidden"> la version du {when}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button type="submit" className="button-primary" disabled={busy || from === null || to === null || from === to}>
            Comparer les versions choisies
          </button>
        </form>
      ) : null}
      {diff ? (
        <section aria-labelledby="diff-title" className="card">
          <h2 id="diff-title">Différences</h2>
          <InfoMessage>{busy ? 'Comparaison…' : null}</InfoMessage>
          <DiffView diff={diff} />
        </section>
      ) : null}
    </>
  );
}
