/** The editor's form: built from a stored article (or empty), turned into what the API takes. */
import { slugify } from '../../../src/domain/slug.js';
import type { Article, ArticleDocument, ArticleInput, Media } from '../api/types.js';
import { figuresWithoutAlt } from './server-document.js';

/** Everything the editor's fields hold. */
export interface ArticleForm {
  title: string;
  slug: string;
  /** The slug follows the title until someone edits it. */
  slugAuto: boolean;
  dek: string;
  body: ArticleDocument;
  categoryId: number | null;
  authorIds: number[];
  tags: string[];
  featuredMediaId: number | null;
  /** The featured image itself, for its thumbnail (when known). */
  featuredMedia: Media | null;
  featuredAlt: string;
  featuredCaption: string;
  featuredCredit: string;
  seoTitle: string;
  seoDescription: string;
  commentsOpen: boolean;
}

/** A blank article signed by its writer. */
export function emptyForm(authorId: number): ArticleForm {
  return {
    title: '',
    slug: '',
    slugAuto: true,
    dek: '',
    body: { type: 'doc', content: [] },
    categoryId: null,
    authorIds: [authorId],
    tags: [],
    featuredMediaId: null,
    featuredMedia: null,
    featuredAlt: '',
    featuredCaption: '',
    featuredCredit: '',
    seoTitle: '',
    seoDescription: '',
    commentsOpen: true,
  };
}

/** The form of a stored article. */
export function formFromArticle(article: Article): ArticleForm {
  const neverPublished = article.publishedAt === null;
  return {
    title: article.title,
    slug: article.slug,
    // A published URL stays put unless someone changes it on purpose.
    slugAuto: neverPublished && autoSlug(article.title, article.slug) === article.slug,
    dek: article.dek ?? '',
    body: article.body ?? { type: 'doc', content: [] },
    categoryId: article.categoryId,
    authorIds: article.authorIds ?? article.authors.map((a) => a.id),
    tags: article.tags ?? [],
    featuredMediaId: article.featuredMediaId ?? null,
    featuredMedia: article.featuredMedia ?? null,
    featuredAlt: article.featuredAlt ?? '',
    featuredCaption: article.featuredCaption ?? '',
    featuredCredit: article.featuredCredit ?? '',
    seoTitle: article.seoTitle ?? '',
    seoDescription: article.seoDescription ?? '',
    commentsOpen: article.commentsOpen !== false,
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * The slug that follows the title: the stored one while it still matches the title (including
 * the "-2" the server adds when the title's slug was taken), else the title's.
 */
export function autoSlug(title: string, storedSlug: string | null): string {
  const wanted = slugify(title);
  if (storedSlug !== null && (storedSlug === wanted || new RegExp(`^${wanted}-\\d+$`).test(storedSlug))) return storedSlug;
  return wanted;
}

/**
 * What the API takes (categoryId 0 when none is chosen yet: the server then says what is
 * missing). A new article with a slug following its title sends none: the server then picks
 * the first free one. `storedSlug: null` also serves to compare forms (the slug then follows
 * the title, which is compared).
 */
export function inputFromForm(form: ArticleForm, storedSlug: string | null = null): ArticleInput {
  const slug = !form.slugAuto ? form.slug.trim() : storedSlug === null ? '' : autoSlug(form.title, storedSlug);
  return {
    title: form.title.trim(),
    ...(slug !== '' ? { slug } : {}),
    dek: form.dek.trim(),
    body: form.body,
    categoryId: form.categoryId ?? 0,
    authorIds: form.authorIds,
    tags: form.tags,
    featuredMediaId: form.featuredMediaId,
    featuredAlt: form.featuredMediaId === null ? null : orNull(form.featuredAlt),
    featuredCaption: form.featuredMediaId === null ? null : orNull(form.featuredCaption),
    featuredCredit: form.featuredMediaId === null ? null : orNull(form.featuredCredit),
    seoTitle: orNull(form.seoTitle),
    seoDescription: orNull(form.seoDescription),
    commentsOpen: form.commentsOpen,
  };
}

/** Why the form cannot be saved yet, in French; null when it can. */
export function missingForSave(form: ArticleForm): string | null {
  const missing: string[] = [];
  if (form.title.trim() === '') missing.push('un titre');
  if (form.categoryId === null) missing.push('une rubrique');
  if (form.authorIds.length === 0) missing.push('au moins un auteur');
  if (missing.length === 0) return null;
  return `Pour enregistrer, il manque ${missing.join(', ').replace(/, ([^,]*)$/, ' et $1')}.`;
}

/**
 * Whether the featured image has no alternative text at all: neither the article's own nor the
 * library's (which the site uses when the article's is empty). Unknown library text: the
 * server decides.
 */
export function featuredAltMissing(form: Pick<ArticleForm, 'featuredMediaId' | 'featuredMedia' | 'featuredAlt'>): boolean {
  if (form.featuredMediaId === null || form.featuredAlt.trim() !== '') return false;
  return form.featuredMedia !== null && (form.featuredMedia.alt ?? '').trim() === '';
}

/** Why the article cannot be published as it is (images without alternative text); null when it can. */
export function missingForPublication(form: ArticleForm): string | null {
  const figures = figuresWithoutAlt(form.body);
  const parts: string[] = [];
  if (figures.length === 1) parts.push(`l’image n° ${figures[0]} du texte`);
  else if (figures.length > 1) parts.push(`les images n° ${figures.join(', ').replace(/, (\d+)$/, ' et $1')} du texte`);
  if (featuredAltMissing(form)) parts.push('l’image à la une');
  if (parts.length === 0) return null;
  return `Impossible de publier : ajoutez un texte alternatif à ${parts.join(' et à ')} (il décrit l’image à qui ne la voit pas).`;
}
