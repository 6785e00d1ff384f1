/** The home page: lead story, latest articles, a block per main category. */
import type { HomePageView } from '../../services/view-models.js';
import { ArticleCard } from './components.js';
import { Layout } from './layout.js';
import { webSiteJsonLd } from './structured-data.js';

/** Renders the home page. */
export function HomePage(props: { view: HomePageView; stylesheet: string }) {
  const { view } = props;
  const tz = view.chrome.timeZone;
  return (
    <Layout chrome={view.chrome} title={view.chrome.siteName} description={`${view.chrome.siteName} : l’actualité en continu.`} path="/" currentSection="/" jsonLd={[webSiteJsonLd(view.chrome)]} stylesheet={props.stylesheet}>
      <h1 class="visually-hidden">{view.chrome.siteName} — à la une</h1>
      {view.lead ? (
        <section class="lead" aria-label="À la une">
          <ArticleCard card={view.lead} timeZone={tz} lead eagerImage />
        </section>
      ) : (
        <p>Aucun article publié pour l’instant.</p>
      )}
      {view.latest.length > 0 ? (
        <section class="latest" aria-labelledby="dernieres">
          <h2 id="dernieres" class="section-title">
            Dernières informations
          </h2>
          <div class="grid">
            {view.latest.map((card) => (
              <ArticleCard card={card} timeZone={tz} headingLevel={3} />
            ))}
          </div>
        </section>
      ) : null}
      {view.sections.map((section, i) => (
        <section class="home-section" aria-labelledby={`rubrique-${i}`}>
          <h2 id={`rubrique-${i}`} class="section-title">
            <a href={section.category.url}>{section.category.name}</a>
          </h2>
          <div class="grid">
            {section.articles.map((card) => (
              <ArticleCard card={card} timeZone={tz} headingLevel={3} />
            ))}
          </div>
        </section>
      ))}
    </Layout>
  );
}
