/** The article list: filters by status, author, category and title, newest changes first. */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { articlesApi } from '../api/endpoints.js';
import type { ArticleStatus } from '../api/types.js';
import { STATUS_LABELS, formatDateTime } from '../app/labels.js';
import { canEdit } from '../app/permissions.js';
import { categoryOptions, useReferenceData } from '../app/reference-data.js';
import { useUser } from '../app/session.js';
import { ErrorMessage, Loading } from '../ui/notice.js';
import { Pager } from '../ui/pager.js';
import { PageTitle } from '../ui/page-title.js';
import { useLoad } from '../ui/use-load.js';

const STATUSES = Object.keys(STATUS_LABELS) as ArticleStatus[];

function positiveInt(value: string | null): number | null {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : null;
}

/** The filters live in the address, so Back and reload keep them. */
function useFilters() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(search);
  const status = params.get('statut') ?? '';
  const filters = {
    status: (STATUSES as string[]).includes(status) ? (status as ArticleStatus) : ('' as const),
    authorId: positiveInt(params.get('auteur')),
    categoryId: positiveInt(params.get('rubrique')),
    q: params.get('q') ?? '',
    page: positiveInt(params.get('page')) ?? 1,
  };
  const set = (next: Partial<typeof filters>) => {
    const merged = { ...filters, page: 1, ...next };
    const out = new URLSearchParams();
    if (merged.status) out.set('statut', merged.status);
    if (merged.authorId) out.set('auteur', String(merged.authorId));
    if (merged.categoryId) out.set('rubrique', String(merged.categoryId));
    if (merged.q) out.set('q', merged.q);
    if (merged.page > 1) out.set('page', String(merged.page));
    const text = out.toString();
    navigate(text ? `/?${text}` : '/', { replace: true });
  };
  return [filters, set] as const;
}

/** Every article the user may see, with links to edit them. */
export function ArticleListScreen() {
  const user = useUser();
  const [filters, setFilters] = useFilters();
  const reference = useReferenceData();
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  const list = useLoad(() => articlesApi.list(filters), [filters.status, filters.authorId, filters.categoryId, filters.q, filters.page]);
  const categories = new Map((reference.data?.categories ?? []).map((c) => [c.id, c.name]));

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    setFilters({ q: q.trim() });
  }

  return (
    <>
      <PageTitle
        text="Articles"
        actions={
          <Link href="/articles/nouveau" className="button button-primary">
            Écrire un article
          </Link>
        }
      >
        Articles
      </PageTitle>
      <form className="filters" role="search" aria-label="Filtrer les articles" onSubmit={submitSearch}>
        <div className="field">
          <label htmlFor="filter-status">Statut</label>
          <select id="filter-status" value={filters.status} onChange={(e) => setFilters({ status: e.target.value as ArticleStatus | '' })}>
            <option value="">Tous (hors corbeille)</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-author">Auteur</label>
          <select id="filter-author" value={filters.authorId ?? ''} onChange={(e) => setFilters({ authorId: positiveInt(e.target.value) })}>
            <option value="">Tous</option>
            {(reference.data?.authors ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-category">Rubrique</label>
          <select id="filter-category" value={filters.categoryId ?? ''} onChange={(e) => setFilters({ categoryId: positiveInt(e.target.value) })}>
            <option value="">Toutes</option>
            {categoryOptions(reference.data?.categories ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-grow">
          <label htmlFor="filter-q">Titre contenant</label>
          <input id="filter-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <button type="submit">Rechercher</button>
      </form>
      <ErrorMessage message={list.error ?? reference.error} />
      {list.loading && list.data === undefined ? <Loading /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <p className="empty">Aucun article ne correspond à ces critères.</p>
        ) : (
          <table className="table" aria-busy={list.loading}>
            <caption className="visually-hidden">Articles, page {list.data.page}</caption>
            <thead>
              <tr>
                <th scope="col">Titre</th>
                <th scope="col">Statut</th>
                <th scope="col">Rubrique</th>
                <th scope="col">Auteurs</th>
                <th scope="col">Modifié le</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((article) => (
                <tr key={article.id}>
                  <td>
                    {canEdit(user, article) ? <Link href={`/articles/${article.id}`}>{article.title || 'Sans titre'}</Link> : article.title}
                    {article.status === 'published' && article.url ? (
                      <>
                        {' '}
                        <a className="row-link" href={article.url} target="_blank" rel="noreferrer">
                          voir<span className="visually-hidden"> « {article.title} » sur le site</span>
                        </a>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <span className={`status status-${article.status}`}>{STATUS_LABELS[article.status]}</span>
                    {article.status === 'scheduled' && article.scheduledAt ? <span className="muted"> {formatDateTime(article.scheduledAt)}</span> : null}
                  </td>
                  <td>{categories.get(article.categoryId) ?? '—'}</td>
                  <td>{article.authors.map((a) => a.name).join(', ')}</td>
                  <td className="nowrap">{formatDateTime(article.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      {list.data ? <Pager label="Pages d’articles" page={list.data.page} hasNext={list.data.hasNext} onPage={(page) => setFilters({ page })} /> : null}
    </>
  );
}
