import type { TypographyMode } from '../domain/text/french-typography.js';

/**
 * What public pages show: plain data built by `public-site.ts`, rendered by `web/views`.
 * These are explicit allowlists: nothing here carries an email, a hash or an IP.
 */

/** A link with its label. */
export interface LinkView {
  name: string;
  url: string;
}

/** One encoded source of a responsive image. */
export interface ImageSourceView {
  type: string;
  srcset: string;
}

/** One JPEG size of an image (structured data lists them all). */
export interface ImageRenditionView {
  src: string;
  width: number;
  height: number;
}

/** A responsive image with its caption and credit. */
export interface ImageView {
  src: string;
  /** MIME type of `src`. */
  type: string;
  srcset: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  sources: ImageSourceView[];
  /** The JPEG renditions, smallest first. */
  renditions: ImageRenditionView[];
}

/** An article as listings show it. */
export interface ArticleCardView {
  id: number;
  url: string;
  title: string;
  dek: string;
  publishedAt: Date;
  category: LinkView;
  authors: LinkView[];
  tags: LinkView[];
  image: ImageView | null;
}

/** A reader comment as shown under an article. */
export interface CommentView {
  id: number;
  parentId: number | null;
  authorName: string;
  /** Only http(s) sites are kept; shown with rel="nofollow ugc". */
  authorUrl: string | null;
  /** Plain text; the view escapes it, makes paragraphs and links. */
  body: string;
  createdAt: Date;
  /** Erased at its writer's request: shown as "commentaire supprimé", replies kept. */
  erased: boolean;
  /** Waiting for moderation, shown only to the reader who wrote it. */
  held: boolean;
  /** Written by the newsroom. */
  byStaff: boolean;
  /** Colour of the initials avatar (0–7), from the name. */
  avatarTone: number;
  replies: CommentView[];
}

/** The comment form as a page shows it: token, values to keep, the reply target, messages. */
export interface CommentFormView {
  action: string;
  /** Signed token (article, render time); empty when the form is closed. */
  token: string;
  open: boolean;
  replyTo: { id: number; authorName: string } | null;
  /** Where "Annuler la réponse" goes. */
  articleUrl: string;
  values: { name: string; email: string; website: string; body: string; remember: boolean };
  /** Why the last submission was refused, in French. */
  error: string | null;
  /** What became of the reader's last comment ("en attente de modération"…). */
  notice: string | null;
  /** Longest text accepted (the `maxLength` setting). */
  maxLength: number;
}

/** The site's header and footer. */
export interface ChromeView {
  siteName: string;
  siteUrl: string;
  language: string;
  timeZone: string;
  /** French typography on titles, deks and captions, or none. */
  typography: TypographyMode;
  menu: LinkView[];
}

/** A public "Correction :" or "Mise à jour :" note. */
export interface ArticleNoteView {
  kind: 'correction' | 'update';
  text: string;
  date: Date;
}

/** Everything the article page shows. */
export interface ArticlePageView {
  chrome: ChromeView;
  article: ArticleCardView & {
    bodyHtml: string;
    updatedAt: Date | null;
    seoTitle: string | null;
    description: string;
    commentsOpen: boolean;
    /** BCP 47 language of the article, e.g. fr. */
    language: string;
    /** Public corrections and updates, oldest first. */
    notes: ArticleNoteView[];
  };
  breadcrumb: LinkView[];
  related: ArticleCardView[];
  comments: CommentView[];
  commentCount: number;
  /** Deepest reply level (replies are offered above it). */
  threadDepth: number;
  /** Shows something meant for one reader (their comment waiting for moderation): never cache publicly. */
  personal: boolean;
}

/** A block of the home page for one main category. */
export interface HomeSectionView {
  category: LinkView;
  articles: ArticleCardView[];
}

/** Everything the home page shows. */
export interface HomePageView {
  chrome: ChromeView;
  lead: ArticleCardView | null;
  latest: ArticleCardView[];
  sections: HomeSectionView[];
}

/** A standalone page (À propos, Mentions légales…). */
export interface StandalonePageView {
  chrome: ChromeView;
  page: { title: string; url: string; bodyHtml: string; description: string; seoTitle: string | null };
  breadcrumb: LinkView[];
}

/** A paginated list of articles: a category, a tag or an author. */
export interface ListingPageView {
  chrome: ChromeView;
  kind: 'category' | 'tag' | 'author';
  title: string;
  description: string;
  url: string;
  breadcrumb: LinkView[];
  subcategories: LinkView[];
  page: number;
  previousUrl: string | null;
  nextUrl: string | null;
  articles: ArticleCardView[];
}
