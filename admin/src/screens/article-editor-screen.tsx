/** Writing an article: title, slug, dek, body, taxonomy, bylines, featured image, SEO, workflow. */
import type { JSONContent } from '@tiptap/core';
import { useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { messageOf } from '../api/client.js';
import { articlesApi } from '../api/endpoints.js';
import type { Article, TransitionTarget } from '../api/types.js';
import { STATUS_LABELS } from '../app/labels.js';
import { canEdit, canPublish, isEditorial } from '../app/permissions.js';
import { categoryOptions, useReferenceData, type ReferenceData } from '../app/reference-data.js';
import { useUser } from '../app/session.js';
import { useUnsavedChangesWarning } from '../app/unsaved-changes.js';
import { autoSlug, emptyForm, formFromArticle, missingForPublication, type ArticleForm } from '../editor/article-form.js';
import { BodyEditor } from '../editor/body-editor.js';
import { BylinePicker } from '../editor/byline-picker.js';
import { FeaturedImageField } from '../editor/featured-image-field.js';
import { NotesPanel } from '../editor/notes-panel.js';
import { PublicationPanel } from '../editor/publication-panel.js';
import { toEditorContent, toServerDocument } from '../editor/server-document.js';
import { TagInput } from '../editor/tag-input.js';
import { useArticleSaver } from '../editor/use-article-saver.js';
import { ErrorMessage, InfoMessage, Loading } from '../ui/notice.js';
import { PageTitle } from '../ui/page-title.js';
import { useLoad } from '../ui/use-load.js';

const TRANSITION_DONE: Record<TransitionTarget, string> = {
  review: 'Article soumis pour relecture.',
  published: 'Article publié.',
  scheduled: 'Publication programmée.',
  unpublished: 'Article dépublié : il n’est plus visible sur le site.',
  draft: 'Article repassé en brouillon.',
};

/** The form of a stored article with its body passed through the editor's own conversion, so "unchanged" compares equal. */
function normalisedForm(article: Article): ArticleForm {
  const form = formFromArticle(article);
  return { ...form, body: toServerDocument(toEditorContent(form.body)) };
}

function Editor(props: { initial: Article | null; reference: ReferenceData }) {
  const user = useUser();
  const id = useId();
  const [initialForm] = useState(() => (props.initial ? normalisedForm(props.initial) : emptyForm(user.id)));
  const [form, setForm] = useState(initialForm);
  const [initialContent] = useState(() => toEditorContent(initialForm.body));
  const saver = useArticleSaver(props.initial, initialForm, form);
  const { article } = saver;
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [actionDone, setActionDone] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  useUnsavedChangesWarning(saver.dirty);

  const set = (patch: Partial<ArticleForm>) => setForm((f) => ({ ...f, ...patch }));
  const onBody = (json: JSONContent) => setForm((f) => ({ ...f, body: toServerDocument(json) }));
  const mayPublish = canPublish(user, form.authorIds);
  const slugShown = form.slugAuto ? autoSlug(form.title, article?.slug ?? null) : form.slug;
  const category = props.reference.categories.find((c) => c.id === form.categoryId);

  function fail(message: string) {
    setActionDone(null);
    setActionError(message);
    // Bring the message into view; role=alert announces it.
    window.requestAnimationFrame(() => errorRef.current?.scrollIntoView({ block: 'nearest' }));
  }

  async function run(action: () => Promise<string | null>) {
    setBusy(true);
    setActionError(null);
    setActionDone(null);
    try {
      const done = await action();
      if (done !== null) setActionDone(done);
    } catch (failure) {
      fail(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  function transition(to: TransitionTarget, at?: string) {
    if (to === 'published' || to === 'scheduled') {
      const missing = missingForPublication(form);
      if (missing !== null) {
        fail(missing);
        // Straight to the first image text to fill in.
        document.querySelector<HTMLInputElement>('.editor-layout input[aria-invalid="true"]')?.focus();
        return;
      }
    }
    void run(async () => {
      // Save first (the saver shows why when it cannot), then move the saved version.
      const saved = await saver.save();
      if (saved === null) return null;
      saver.setArticle(await articlesApi.transition(saved.id, to, at));
      return TRANSITION_DONE[to];
    });
  }

  function preview() {
    void run(async () => {
      const saved = await saver.save();
      if (saved !== null) window.open(articlesApi.previewUrl(saved.id), '_blank');
      return null;
    });
  }

  function trash() {
    if (article === null || !window.confirm(`Mettre « ${form.title || 'cet article'} » à la corbeille ?`)) return;
    void run(async () => {
      await articlesApi.trash(article.id);
      saver.setArticle({ ...article, status: 'trash' });
      return 'Article mis à la corbeille.';
    });
  }

  function restore() {
    if (article === null) return;
    void run(async () => {
      saver.setArticle(await articlesApi.restore(article.id));
      return 'Article restauré comme brouillon.';
    });
  }

  const titleText = article ? `Modifier « ${article.title} »` : 'Nouvel article';
  return (
    <>
      <PageTitle text={titleText}>{article ? 'Modifier l’article' : 'Nouvel article'}</PageTitle>
      <div ref={errorRef}>
        <ErrorMessage message={actionError ?? saver.error} />
        <InfoMessage>{actionDone}</InfoMessage>
      </div>
      {article?.status === 'trash' ? <p className="notice notice-warning">Cet article est dans la corbeille ({STATUS_LABELS.trash}).</p> : null}
      {article !== null && article.status !== 'trash' && !canEdit(user, article) ? (
        <p className="notice notice-warning">Vous pouvez lire cet article mais plus le modifier (il est {STATUS_LABELS[article.status].toLowerCase()}) : demandez à un éditeur.</p>
      ) : null}
      <div className="editor-layout">
        <div className="editor-main">
          <div className="field">
            <label htmlFor={`${id}-title`}>Titre</label>
            <input id={`${id}-title`} className="input-title" value={form.title} required onChange={(e) => set({ title: e.target.value })} autoFocus={props.initial === null} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-slug`}>Identifiant d’URL</label>
            <div className="inline-form">
              <input id={`${id}-slug`} value={slugShown} onChange={(e) => set({ slug: e.target.value, slugAuto: false })} aria-describedby={`${id}-slug-hint`} spellCheck={false} />
              {!form.slugAuto ? (
                <button type="button" className="button-quiet" onClick={() => set({ slugAuto: true })}>
                  Recalculer depuis le titre
                </button>
              ) : null}
            </div>
            <p className="hint" id={`${id}-slug-hint`}>
              {form.slugAuto ? 'Calculé à partir du titre. ' : ''}Adresse : /{category?.slug ?? 'rubrique'}/{slugShown || '…'}
              {article?.publishedAt ? ' — changer l’adresse d’un article publié redirige l’ancienne vers la nouvelle.' : ''}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-dek`}>Chapô</label>
            <textarea id={`${id}-dek`} rows={3} value={form.dek} onChange={(e) => set({ dek: e.target.value })} aria-describedby={`${id}-dek-hint`} />
            <p className="hint" id={`${id}-dek-hint`}>
              Le résumé en tête d’article, repris dans les listes.
            </p>
          </div>
          <div className="field">
            <span className="label" id={`${id}-body-label`}>
              Texte de l’article
            </span>
            <BodyEditor initial={initialContent} onChange={onBody} labelId={`${id}-body-label`} />
          </div>
        </div>
        <aside className="editor-side" aria-label="Réglages de l’article">
          <PublicationPanel saver={saver} mayPublish={mayPublish} busy={busy} onTransition={transition} onPreview={preview} onTrash={trash} onRestore={restore} />
          <section className="panel" aria-labelledby={`${id}-classify`}>
            <h2 id={`${id}-classify`}>Classement</h2>
            <div className="field">
              <label htmlFor={`${id}-category`}>Rubrique</label>
              <select id={`${id}-category`} required value={form.categoryId ?? ''} onChange={(e) => set({ categoryId: e.target.value === '' ? null : Number(e.target.value) })}>
                <option value="">Choisir une rubrique…</option>
                {categoryOptions(props.reference.categories).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="fieldset-plain">
              <legend>Mots-clés</legend>
              <TagInput value={form.tags} onChange={(tags) => set({ tags })} />
            </fieldset>
          </section>
          <section className="panel" aria-labelledby={`${id}-byline`}>
            <h2 id={`${id}-byline`}>Signatures</h2>
            <BylinePicker authors={props.reference.authors} value={form.authorIds} onChange={(authorIds) => set({ authorIds })} locked={isEditorial(user.role) ? [] : [user.id]} />
          </section>
          <section className="panel" aria-labelledby={`${id}-featured`}>
            <h2 id={`${id}-featured`}>Image à la une</h2>
            <FeaturedImageField value={form} onChange={set} />
          </section>
          <section className="panel" aria-labelledby={`${id}-seo`}>
            <h2 id={`${id}-seo`}>Référencement</h2>
            <div className="field">
              <label htmlFor={`${id}-seo-title`}>Titre pour les moteurs de recherche</label>
              <input id={`${id}-seo-title`} value={form.seoTitle} placeholder={form.title} onChange={(e) => set({ seoTitle: e.target.value })} aria-describedby={`${id}-seo-title-hint`} />
              <p className="hint" id={`${id}-seo-title-hint`}>
                Facultatif ; sinon le titre. {form.seoTitle.length} / 60 caractères conseillés.
              </p>
            </div>
            <div className="field">
              <label htmlFor={`${id}-seo-description`}>Description pour les moteurs de recherche</label>
              <textarea id={`${id}-seo-description`} rows={3} value={form.seoDescription} placeholder={form.dek} onChange={(e) => set({ seoDescription: e.target.value })} aria-describedby={`${id}-seo-description-hint`} />
              <p className="hint" id={`${id}-seo-description-hint`}>
                Facultative ; sinon le chapô. {form.seoDescription.length} / 160 caractères conseillés.
              </p>
            </div>
            <div className="field-check">
              <input id={`${id}-comments`} type="checkbox" checked={form.commentsOpen} onChange={(e) => set({ commentsOpen: e.target.checked })} />
              <label htmlFor={`${id}-comments`}>Commentaires ouverts</label>
            </div>
          </section>
          {article?.status === 'published' ? <NotesPanel article={article} onChange={saver.setArticle} /> : null}
          {article === null ? null : (
            <p>
              <Link href="/">Retour à la liste des articles</Link>
            </p>
          )}
        </aside>
      </div>
    </>
  );
}

/** Loads the article (none for a new one) and the pickers' data, then shows the editor. */
export function ArticleEditorScreen(props: { id: number | null }) {
  // The id this instance opened with: after a new article's first save the address changes, not the editor.
  const [initialId] = useState(props.id);
  const reference = useReferenceData();
  const loaded = useLoad(() => (initialId === null ? Promise.resolve(null) : articlesApi.get(initialId)), [initialId]);
  if (loaded.error || reference.error) {
    return (
      <>
        <PageTitle text="Article">Article</PageTitle>
        <ErrorMessage message={loaded.error ?? reference.error} />
      </>
    );
  }
  if (loaded.loading || reference.data === undefined || loaded.data === undefined) return <Loading />;
  return <Editor initial={loaded.data} reference={reference.data} />;
}
