/** A standalone page (À propos, Mentions légales…): the site's chrome, a breadcrumb, the title and the body. */
import type { StandalonePageView } from '../../services/view-models.js';
import { Breadcrumb } from './components.js';
import { Layout } from './layout.js';
import { breadcrumbJsonLd } from './structured-data.js';
import { Typo } from './typography.js';

/** Renders a standalone page. */
export function StandalonePage(props: { view: StandalonePageView; stylesheet: string }) {
  const { view } = props;
  return (
    <Layout chrome={view.chrome} title={view.page.seoTitle ?? view.page.title} description={view.page.description} path={view.page.url} jsonLd={[breadcrumbJsonLd(view.chrome, view.breadcrumb)]} stylesheet={props.stylesheet}>
      <Breadcrumb items={view.breadcrumb} />
      <article class="article standalone-page" aria-labelledby="titre">
        <header class="article-head">
          <h1 id="titre">
            <Typo text={view.page.title} />
          </h1>
        </header>
        <div class="article-body" dangerouslySetInnerHTML={{ __html: view.page.bodyHtml }} />
      </article>
    </Layout>
  );
}
