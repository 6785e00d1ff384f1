/**
 * Shapes of the demo content shipped with Dépêche. The content itself (original French text
 * written for this project) lives in `articles-*.ts`; `load-demo.ts` feeds it through the
 * same services an editor uses.
 */

/** Drawn scenes the demo image generator knows how to paint (see `demo-images.ts`). */
export const DEMO_SCENES = [
  'diplomacy', 'parliament', 'city', 'harbour', 'chart', 'factory', 'field', 'mountains', 'sea',
  'stage', 'books', 'museum', 'train', 'space', 'forest', 'lab', 'stadium', 'classroom',
] as const;

/** One scene name of {@link DEMO_SCENES}. */
export type DemoScene = (typeof DEMO_SCENES)[number];

/** A staff member who signs articles. */
export interface DemoAuthor {
  slug: string;
  name: string;
  email: string;
  role: 'administrator' | 'editor' | 'author' | 'contributor';
  bio: string;
}

/** A category of the demo site; `parent` is the slug of the parent category. */
export interface DemoCategory {
  slug: string;
  name: string;
  description: string;
  parent?: string;
}

/** A reader comment, with its replies (threaded). */
export interface DemoComment {
  name: string;
  email: string;
  /** Plain text; blank lines separate paragraphs. */
  body: string;
  /** ISO 8601 with offset, after the article's publication. */
  postedAt: string;
  replies?: DemoComment[];
}

/** The article's main figure: a drawn scene with its alt text, caption and credit. */
export interface DemoFigure {
  scene: DemoScene;
  alt: string;
  caption: string;
  credit: string;
}

/**
 * One demo article. `body` is a list of blocks in a tiny markup (see `demo-markup.ts`):
 * - `## Titre` a level-2 subheading, `### Titre` a level-3 one;
 * - `> texte` a blockquote paragraph;
 * - lines each starting with `- ` (in one block, separated by `\n`) a bullet list;
 * - anything else a paragraph. Inline: `**gras**`, `*italique*`, `[texte](https://…)`.
 */
export interface DemoArticle {
  slug: string;
  title: string;
  /** The lede (chapô): one or two sentences. */
  dek: string;
  /** Slug of the primary category. */
  category: string;
  /** Tag names as shown to readers (e.g. "Ukraine", "Union européenne"). */
  tags: string[];
  /** Author slugs, in byline order. */
  authors: string[];
  /** ISO 8601 with offset, e.g. "2025-12-01T14:05:00+01:00". */
  publishedAt: string;
  /** Set when the article was edited after publication ("Mis à jour le …"). */
  updatedAt?: string;
  /** Defaults to "published"; "scheduled" needs a future `publishedAt`. */
  status?: 'published' | 'draft' | 'scheduled';
  figure: DemoFigure;
  body: string[];
  comments?: DemoComment[];
}
