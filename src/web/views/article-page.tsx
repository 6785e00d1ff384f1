/** The article page: every part of DESIGN.md §1. */
import type { ArticlePageView, CommentFormView } from '../../services/view-models.js';
import { CommentForm, CommentThreads } from './comments.js';
import { ArticleCard, Breadcrumb, Byline, DateTime, Picture, TagList } from './components.js';
import { plural } from './format.js';
import { Layout } from './layout.js';

function breadcrumbJsonLd(view: ArticlePageView): unknown {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: view.breadcrumb.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, item: view.chrome.siteUrl + item.url })),
  };
}

/** Renders an article page with its comment form (and the script that posts it without reloading). */
export function ArticlePage(props: { view: ArticlePageView; form: CommentFormView; stylesheet: string; script?: string }) {
  const { view } = props;
  const { article } = view;
  const tz = view.chrome.timeZone;
  return (
    <Layout
      chrome={view.chrome}
      title={article.seoTitle ?? article.title}
      description={article.description}
      path={article.url}
      currentSection={view.breadcrumb[1]?.url}
      ogType="article"
      jsonLd={[breadcrumbJsonLd(view)]}
      stylesheet={props.stylesheet}
      scripts={props.script ? [props.script] : []}
    >
      <Breadcrumb items={view.breadcrumb} />
      <article class="article" aria-labelledby="titre">
        <header class="article-head">
          <p class="kicker">
            <a href={article.category.url}>{article.category.name}</a>
          </p>
          <h1 id="titre">{article.title}</h1>
          <p class="dek">{article.dek}</p>
          <p class="article-meta">
            <Byline authors={article.authors} />
            <span class="published">
              Publié le <DateTime date={article.publishedAt} timeZone={tz} />
            </span>
            {article.updatedAt ? (
              <span class="updated">
                Mis à jour le <DateTime date={article.updatedAt} timeZone={tz} />
              </span>
            ) : null}
          </p>
          <TagList tags={article.tags} />
        </header>
        {article.image ? (
          <figure class="article-figure">
            <Picture image={article.image} sizes="(min-width: 48em) 46rem, 100vw" eager />
            {article.image.caption || article.image.credit ? (
              <figcaption>
                {article.image.caption}
                {article.image.credit ? <span class="credit">{article.image.credit}</span> : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}
        <div class="article-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      </article>
      {view.related.length > 0 ? (
        <aside class="related" aria-labelledby="vous-aimerez-aussi">
          <h2 id="vous-aimerez-aussi" class="section-title">
            Vous aimerez aussi
          </h2>
          <div class="grid">
            {view.related.map((card) => (
              <ArticleCard card={card} timeZone={tz} headingLevel={3} />
            ))}
          </div>
        </aside>
      ) : null}
      <section class="comments" id="commentaires" aria-labelledby="titre-commentaires">
        <h2 id="titre-commentaires" class="section-title">
          Commentaires <span class="count">({plural(view.commentCount, 'commentaire', 'commentaires')})</span>
        </h2>
        <CommentThreads comments={view.comments} timeZone={tz} articleUrl={article.url} maxDepth={view.threadDepth} open={article.commentsOpen} />
        <CommentForm form={props.form} />
      </section>
    </Layout>
  );
}
