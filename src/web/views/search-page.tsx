/** The search page: form with filters, highlighted results, "aucun résultat" with suggestions. */
import type { TextSegment } from '../../domain/search/snippet.js';
import type { SearchPageView } from '../../services/search/search-view-models.js';
import { Byline, DateTime } from './components.js';
import { Layout } from './layout.js';

/** Text with its highlighted parts in <mark>, escaped like any text. */
export function Highlighted(props: { segments: readonly TextSegment[] }) {
  return <>{props.segments.map((s) => (s.highlight ? <mark>{s.text}</mark> : s.text))}</>;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;
}

/** Renders the search page. */
export function SearchPage(props: { view: SearchPageView; stylesheet: string }) {
  const { view } = props;
  const tz = view.chrome.timeZone;
  const title = view.query ? `Recherche : « ${view.query} »` : 'Recherche';
  return (
    <Layout chrome={view.chrome} title={view.page > 1 ? `${title} (page ${view.page})` : title} path="/recherche" stylesheet={props.stylesheet} noindex searchQuery={view.query}>
      <h1>Rechercher</h1>
      <form class="search-form" role="search" aria-label="Recherche détaillée" method="get" action="/recherche">
        <p class="search-q">
          <label for="search-q">Mots recherchés</label>
          <input id="search-q" type="search" name="q" value={view.query} maxLength={200} aria-describedby="search-help" />
        </p>
        <p>
          <label for="search-rubrique">Rubrique</label>
          <select id="search-rubrique" name="rubrique">
            <option value="">Toutes les rubriques</option>
            {view.categories.map((c) => (
              <option value={c.slug} selected={view.filters.category?.slug === c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="search-du">Du</label>
          <input id="search-du" type="date" name="du" value={view.filters.from ?? ''} />
        </p>
        <p>
          <label for="search-au">Au</label>
          <input id="search-au" type="date" name="au" value={view.filters.to ?? ''} />
        </p>
        {view.filters.tag ? <input type="hidden" name="tag" value={view.filters.tag.slug} /> : null}
        {view.filters.author ? <input type="hidden" name="auteur" value={view.filters.author.slug} /> : null}
        <p>
          <button type="submit">Rechercher</button>
        </p>
      </form>
      <p id="search-help" class="form-note">
        Astuces : « une expression exacte » entre guillemets, -mot pour exclure un mot. Les accents sont facultatifs.
      </p>
      {view.filters.tag || view.filters.author ? (
        <p>
          Filtré par {view.filters.tag ? <>le mot-clé <a href={view.filters.tag.url}>{view.filters.tag.name}</a></> : null}
          {view.filters.tag && view.filters.author ? ' et ' : null}
          {view.filters.author ? <>l’auteur <a href={view.filters.author.url}>{view.filters.author.name}</a></> : null}.
        </p>
      ) : null}
      {view.notice ? (
        <p class="search-notice" role="status">
          {view.notice}
        </p>
      ) : null}
      {view.query && view.total > 0 ? (
        <p class="search-count" role="status">
          {plural(view.total, 'résultat', 'résultats')} pour « {view.query} »{view.pageCount > 1 ? ` — page ${view.page} sur ${view.pageCount}` : ''}
        </p>
      ) : null}
      {view.query && view.total === 0 ? (
        <section class="search-empty" aria-labelledby="aucun-resultat">
          <h2 id="aucun-resultat">Aucun résultat pour « {view.query} »</h2>
          <p>Vérifiez l’orthographe, essayez des mots plus généraux ou moins de mots, ou retirez les filtres.</p>
          {view.suggestions.length > 0 ? (
            <nav class="search-suggestions" aria-label="Suggestions">
              <p>Vous cherchiez peut-être :</p>
              <ul>
                {view.suggestions.map((s) => (
                  <li>
                    <a href={s.url} rel="tag">
                      {s.name}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </section>
      ) : null}
      {view.results.length > 0 ? (
        <ol class="search-results" start={(view.page - 1) * 10 + 1}>
          {view.results.map((r) => (
            <li class="search-result">
              <article>
                <p class="kicker">
                  <a href={r.card.category.url}>{r.card.category.name}</a>
                </p>
                <h2>
                  <a href={r.card.url}>
                    <Highlighted segments={r.title} />
                  </a>
                </h2>
                <p class="snippet">
                  <Highlighted segments={r.snippet} />
                </p>
                <p class="card-meta">
                  <Byline authors={r.card.authors} /> · <DateTime date={r.card.publishedAt} timeZone={tz} withTime={false} />
                </p>
              </article>
            </li>
          ))}
        </ol>
      ) : null}
      {view.previousUrl || view.nextUrl ? (
        <nav class="pagination" aria-label="Pages de résultats">
          {view.previousUrl ? (
            <a href={view.previousUrl} rel="prev">
              ← Résultats précédents
            </a>
          ) : (
            <span />
          )}
          <span class="page-number">Page {view.page}</span>
          {view.nextUrl ? (
            <a href={view.nextUrl} rel="next">
              Résultats suivants →
            </a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </Layout>
  );
}
