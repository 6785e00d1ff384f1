/** Category, tag and author pages: a paginated list of articles. */
import type { ListingPageView } from '../../services/view-models.js';
import { ArticleCard, Breadcrumb, Pagination } from './components.js';
import { Layout } from './layout.js';
import { Typo } from './typography.js';

const KIND_LABEL: Record<ListingPageView['kind'], string> = { category: 'Rubrique', tag: 'Mot-clé', author: 'Auteur' };

/** Renders a listing page. */
export function ListingPage(props: { view: ListingPageView; stylesheet: string }) {
  const { view } = props;
  const tz = view.chrome.timeZone;
  const title = view.page > 1 ? `${view.title} (page ${view.page})` : view.title;
  return (
    <Layout
      chrome={view.chrome}
      title={title}
      description={view.description || undefined}
      path={view.page > 1 ? `${view.url}?page=${view.page}` : view.url}
      currentSection={view.kind === 'category' ? view.breadcrumb[1]?.url : undefined}
      stylesheet={props.stylesheet}
      feeds={{ path: view.url, title: `${view.chrome.siteName} – ${view.title}` }}
    >
      <Breadcrumb items={view.breadcrumb} />
      <header class={`listing-head listing-${view.kind}`}>
        <p class="kicker">{KIND_LABEL[view.kind]}</p>
        <h1>
          <Typo text={title} />
        </h1>
        {view.description ? (
          <p class="listing-description">
            <Typo text={view.description} />
          </p>
        ) : null}
        {view.subcategories.length > 0 ? (
          <nav aria-label="Sous-rubriques" class="subcategories">
            <ul>
              {view.subcategories.map((c) => (
                <li>
                  <a href={c.url}>{c.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      {view.articles.length === 0 ? (
        <p>Aucun article publié ici pour l’instant.</p>
      ) : (
        <div class="listing">
          {view.articles.map((card, i) => (
            <ArticleCard card={card} timeZone={tz} eagerImage={i === 0} />
          ))}
        </div>
      )}
      <Pagination previousUrl={view.previousUrl} nextUrl={view.nextUrl} page={view.page} />
    </Layout>
  );
}
