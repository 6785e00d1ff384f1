/** The article page: every part of DESIGN.md §1. */
import type { ArticlePageView, CommentFormView } from '../../services/view-models.js';
import { CommentForm, CommentThreads } from './comments.js';
import { ArticleCard, Breadcrumb, Byline, DateTime, Picture, TagList } from './components.js';
import { plural } from './format.js';
import { Layout } from './layout.js';
import { articleSocialMeta, breadcrumbJsonLd, newsArticleJsonLd } from './structured-data.js';
import { Typo } from './typography.js';

/** Public corrections and updates, each with its date (shown under the article's header). */
function ArticleNotes(props: { notes: ArticlePageView['article']['notes']; timeZone: string }) {
  if (props.notes.length === 0) return null;
  return (
    <aside class="article-notes" aria-label="Corrections et mises à jour">
      {props.notes.map((note) => (
        <p class={`article-note article-note-${note.kind}`}>
          <strong>{note.kind === 'correction' ? 'Correction :' : 'Mise à jour :'}</strong> <DateTime date={note.date} timeZone={props.timeZone} /> — {note.text}
        </p>
      ))}
    </aside>
  );
}

/** Renders an article page with its comment form (`preview`: the newsroom's preview, never indexed, without the form). */
export function ArticlePage(props: { view: ArticlePageView; form?: CommentFormView; stylesheet: string; script?: string; preview?: boolean }) {
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
      jsonLd={[newsArticleJsonLd(view), breadcrumbJsonLd(view.chrome, view.breadcrumb)]}
      social={articleSocialMeta(view)}
      stylesheet={props.stylesheet}
      noindex={props.preview === true}
      scripts={props.script ? [props.script] : []}
    >
      <Breadcrumb items={view.breadcrumb} />
      <article class="article" aria-labelledby="titre">
        <header class="article-head">
          <p class="kicker">
            <a href={article.category.url}>{article.category.name}</a>
          </p>
          <h1 id="titre">
            <Typo text={article.title} />
          </h1>
          <p class="dek">
            <Typo text={article.dek} />
          </p>
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
          <ArticleNotes notes={article.notes} timeZone={tz} />
        </header>
        {article.image ? (
          <figure class="article-figure">
            <Picture image={article.image} sizes="(min-width: 48em) 46rem, 100vw" eager />
            {article.image.caption || article.image.credit ? (
              <figcaption>
                <Typo text={article.image.caption} />
                {article.image.credit ? (
                  <span class="credit">
                    <Typo text={article.image.credit} />
                  </span>
                ) : null}
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
        {props.form ? <CommentForm form={props.form} /> : <p class="comments-closed">Aperçu : le formulaire de commentaire s’affichera ici.</p>}
      </section>
    </Layout>
  );
}
