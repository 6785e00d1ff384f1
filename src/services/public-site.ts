/**
 * Read models of the public site. Each page costs a fixed number of queries whatever
 * the size of the listing: ids come from one ordered index range, then bylines, tags,
 * media and comments are fetched for the whole page at once.
 */
import { buildThreads, commentsAreOpen } from '../domain/comment.js';
import { ancestry, type CategoryNode } from '../domain/category.js';
import { articlePath, authorPath, categoryPath, mediaPath, pagedPath, tagPath } from '../domain/urls.js';
import type { ArticleCardRow, ArticleTagRow } from '../storage/repositories/article-repository.js';
import type { ListingScope } from '../storage/repositories/index.js';
import type { ArticleRow, CategoryRow, CommentRow, MediaRow } from '../storage/schema.js';
import { commenterTokenHash } from './comment-service.js';
import { siteTypography, type ServiceContext } from './context.js';
import { RelatedService } from './search/related-service.js';
import type { StoredVariant } from './media-service.js';
import type { ArticleCardView, ArticlePageView, ChromeView, CommentView, HomePageView, ImageView, ListingPageView, StandalonePageView } from './view-models.js';

/** Articles per listing page. */
export const PAGE_SIZE = 20;
/** Highest page number served; deeper pages are refused rather than scanned. */
export const MAX_PAGE = 5_000;
/** Articles per home-page category block. */
const SECTION_SIZE = 4;
/** Related articles under an article. */
const RELATED_SIZE = 4;

type CategoryTree = Map<number, CategoryRow & CategoryNode>;

function treeOf(rows: readonly CategoryRow[]): CategoryTree {
  return new Map(rows.map((c) => [c.id, { ...c, parentId: c.parent_id }]));
}

function imageView(media: MediaRow, overrides: { alt?: string | null; caption?: string | null; credit?: string | null } = {}): ImageView {
  const variants = JSON.parse(media.variants) as StoredVariant[];
  const byFormat = (format: string) => variants.filter((v) => v.format === format).sort((a, b) => a.width - b.width);
  const srcset = (list: StoredVariant[]) => list.map((v) => `${mediaPath(v.key)} ${v.width}w`).join(', ');
  const fallback = byFormat('jpeg');
  const sources = ['avif', 'webp'].map((f) => ({ type: `image/${f}`, list: byFormat(f) })).filter((s) => s.list.length > 0);
  return {
    src: mediaPath(media.storage_key),
    type: media.mime_type,
    srcset: srcset(fallback),
    width: media.width,
    height: media.height,
    alt: overrides.alt ?? media.alt,
    caption: overrides.caption ?? media.caption,
    credit: overrides.credit ?? media.credit,
    sources: sources.map((s) => ({ type: s.type, srcset: srcset(s.list) })),
    renditions: fallback.map((v) => ({ src: mediaPath(v.key), width: v.width, height: v.height })),
  };
}

/** Builds the view models of public pages. */
export class PublicSiteService {
  private readonly related: RelatedService;

  constructor(private readonly ctx: ServiceContext) {
    this.related = new RelatedService(ctx);
  }

  /** Header and footer data; the category tree is returned too so callers need not fetch it again. */
  private async chrome(): Promise<{ chrome: ChromeView; tree: CategoryTree }> {
    const rows = await this.ctx.repos.taxonomy.allCategories();
    const tree = treeOf(rows);
    const menu = rows.filter((c) => c.parent_id === null && c.in_menu === 1).map((c) => ({ name: c.name, url: categoryPath(c.slug) }));
    const { siteName, siteUrl, siteLanguage, timeZone } = this.ctx.site;
    return { chrome: { siteName, siteUrl, language: siteLanguage, timeZone, typography: siteTypography(this.ctx.site), menu }, tree };
  }

  /** Cards of published articles, in the order of `ids` (search results use them). */
  async cardsFor(ids: readonly number[]): Promise<ArticleCardView[]> {
    const { tree } = await this.chrome();
    return this.cards(ids, tree);
  }

  /** Cards for articles, in the order of `ids` (four queries, whatever the count). */
  private async cards(ids: readonly number[], tree: CategoryTree, preloaded?: { rows: readonly ArticleCardRow[]; tags: readonly ArticleTagRow[] }): Promise<ArticleCardView[]> {
    if (ids.length === 0) return [];
    const repos = this.ctx.repos;
    const [articles, bylines, tags] = await Promise.all([
      preloaded?.rows ?? repos.articles.findCardsByIds(ids),
      repos.articles.bylinesFor(ids),
      preloaded?.tags ?? repos.articles.tagsFor(ids),
    ]);
    const mediaIds = [...new Set(articles.map((a) => a.featured_media_id).filter((id): id is number => id !== null))];
    const media = new Map((await repos.media.findByIds(mediaIds)).map((m) => [m.id, m]));
    const byId = new Map(articles.map((a) => [a.id, a]));
    const cards: ArticleCardView[] = [];
    for (const id of ids) {
      const a = byId.get(id);
      const category = a ? tree.get(a.primary_category_id) : undefined;
      if (!a || !category || a.published_at === null) continue;
      const featured = a.featured_media_id === null ? undefined : media.get(a.featured_media_id);
      cards.push({
        id: a.id,
        url: articlePath(category.slug, a.slug),
        title: a.title,
        dek: a.dek,
        publishedAt: new Date(a.published_at),
        category: { name: category.name, url: categoryPath(category.slug) },
        authors: bylines.filter((b) => b.article_id === id).map((b) => ({ name: b.display_name, url: authorPath(b.slug) })),
        tags: tags.filter((t) => t.article_id === id).map((t) => ({ name: t.name, url: tagPath(t.slug) })),
        image: featured ? imageView(featured, { alt: a.featured_alt, caption: a.featured_caption, credit: a.featured_credit }) : null,
      });
    }
    return cards;
  }

  /** The home page: the lead story, the latest articles and a block per main category. */
  async homePage(): Promise<HomePageView> {
    const now = this.ctx.clock.now();
    const { chrome, tree } = await this.chrome();
    const latestIds = await this.ctx.repos.articles.listPublishedIds({ kind: 'all' }, { now, limit: 1 + 10, offset: 0 });
    const shown = new Set(latestIds);
    const mains = [...tree.values()].filter((c) => c.parent_id === null && c.in_menu === 1);
    const sectionIds = await Promise.all(
      mains.map((c) => this.ctx.repos.articles.listPublishedIds({ kind: 'category', categoryId: c.id }, { now, limit: SECTION_SIZE + shown.size, offset: 0 })),
    );
    // Sections skip what the lead and latest list already show.
    const sectionPicks = sectionIds.map((ids) => ids.filter((id) => !shown.has(id)).slice(0, SECTION_SIZE));
    const cards = await this.cards([...latestIds, ...sectionPicks.flat()], tree);
    const card = new Map(cards.map((c) => [c.id, c]));
    const pick = (ids: readonly number[]) => ids.map((id) => card.get(id)).filter((c): c is ArticleCardView => c !== undefined);
    const [lead, ...latest] = pick(latestIds);
    return {
      chrome,
      lead: lead ?? null,
      latest,
      sections: mains
        .map((c, i) => ({ category: { name: c.name, url: categoryPath(c.slug) }, articles: pick(sectionPicks[i] ?? []) }))
        .filter((s) => s.articles.length > 0),
    };
  }

  /**
   * The article at /{categorySlug}/{slug}, if readers may see it there. With the reader's
   * commenter cookie, their own comments waiting for moderation are shown too.
   */
  async articlePage(categorySlug: string, slug: string, reader: { commenterToken?: string | null } = {}): Promise<ArticlePageView | undefined> {
    const now = this.ctx.clock.now();
    const [{ chrome, tree }, row] = await Promise.all([this.chrome(), this.ctx.repos.articles.findBySlug(slug)]);
    if (!row || row.status !== 'published' || row.published_at === null || row.published_at > now) return undefined;
    const category = tree.get(row.primary_category_id);
    if (!category || category.slug !== categorySlug) return undefined;
    return this.articleView(chrome, tree, row, now, reader);
  }

  /** The article page as it would look once published, whatever its status (newsroom preview). */
  async previewPage(id: number): Promise<ArticlePageView | undefined> {
    const now = this.ctx.clock.now();
    const [{ chrome, tree }, row] = await Promise.all([this.chrome(), this.ctx.repos.articles.findById(id)]);
    if (!row) return undefined;
    // A draft has no date yet: show it as if published now.
    return this.articleView(chrome, tree, { ...row, published_at: row.published_at ?? now }, now);
  }

  /** Where a published article lives now, for old URLs under a renamed or changed category. */
  async currentArticlePath(slug: string): Promise<string | undefined> {
    const row = await this.ctx.repos.articles.findBySlug(slug);
    if (!row || row.status !== 'published' || row.published_at === null || row.published_at > this.ctx.clock.now()) return undefined;
    const [category] = await this.ctx.repos.articles.categoriesByIds([row.primary_category_id]);
    return category ? articlePath(category.slug, row.slug) : undefined;
  }

  private async articleView(chrome: ChromeView, tree: CategoryTree, row: ArticleRow, now: number, reader: { commenterToken?: string | null } = {}): Promise<ArticlePageView | undefined> {
    const repos = this.ctx.repos;
    const category = tree.get(row.primary_category_id);
    if (!category || row.published_at === null) return undefined;
    const tags = await repos.articles.tagsFor([row.id]);
    const token = reader.commenterToken;
    const [[card], comments, held, related, notes, settings] = await Promise.all([
      this.cards([row.id], tree, { rows: [row], tags }),
      repos.comments.approvedFor(row.id),
      token ? repos.comments.heldFor(row.id, commenterTokenHash(token)) : Promise.resolve([]),
      this.related.idsForPage(row.id, now, (exclude) => this.relatedIds(row, tags, now, exclude)),
      repos.articleNotes.listFor(row.id),
      this.ctx.commentSettings.current(),
    ]);
    if (!card) return undefined;
    const relatedCards = await this.cards(related, tree);
    const shown = [...comments, ...held].sort((a, b) => a.created_at - b.created_at || a.id - b.id);
    const commentViews = buildThreads(shown.map(commentView), settings.threadDepth) as CommentView[];
    return {
      chrome,
      article: {
        ...card,
        bodyHtml: row.body_html,
        updatedAt: row.content_updated_at !== null && row.content_updated_at > row.published_at ? new Date(row.content_updated_at) : null,
        seoTitle: row.seo_title,
        description: row.seo_description ?? row.dek,
        commentsOpen: commentsAreOpen({ commentsOpen: row.comments_open === 1, publishedAt: row.published_at }, settings.closeAfterDays, now),
        language: row.language,
        notes: notes.map((n) => ({ kind: n.kind === 'correction' ? 'correction' : 'update', text: n.text, date: new Date(n.created_at) })),
      },
      breadcrumb: [{ name: 'Accueil', url: '/' }, ...ancestry(category.id, tree).map((c) => ({ name: c.name, url: categoryPath(c.slug) })), { name: row.title, url: card.url }],
      related: relatedCards,
      comments: commentViews,
      commentCount: comments.filter((c) => c.erased_at === null).length,
      threadDepth: settings.threadDepth,
      personal: held.length > 0,
    };
  }

  /**
   * "Vous aimerez aussi" when no stored list fills the block (see RelatedService): the newest
   * articles sharing the most tags, then the newest of the category. Each tag is read through
   * its ordered index (a few rows), never scanned.
   */
  private async relatedIds(article: ArticleRow, tags: readonly ArticleTagRow[], now: number, exclude: readonly number[] = [article.id]): Promise<number[]> {
    const repos = this.ctx.repos;
    const excludeIds = [...new Set([article.id, ...exclude])];
    const perTag = await Promise.all(
      tags.map((t) => repos.articles.listPublishedIds({ kind: 'tag', tagId: t.id }, { now, limit: RELATED_SIZE * 2, offset: 0, excludeIds })),
    );
    const score = new Map<number, { shared: number; rank: number }>();
    for (const ids of perTag) {
      ids.forEach((id, rank) => {
        const s = score.get(id);
        score.set(id, { shared: (s?.shared ?? 0) + 1, rank: Math.min(s?.rank ?? rank, rank) });
      });
    }
    const picked = [...score.entries()].sort((a, b) => b[1].shared - a[1].shared || a[1].rank - b[1].rank || b[0] - a[0]).map(([id]) => id).slice(0, RELATED_SIZE);
    if (picked.length < RELATED_SIZE) {
      const more = await repos.articles.listPublishedIds({ kind: 'category', categoryId: article.primary_category_id }, { now, limit: RELATED_SIZE + 1, offset: 0, excludeIds: [...excludeIds, ...picked] });
      picked.push(...more.slice(0, RELATED_SIZE - picked.length));
    }
    return picked;
  }

  /** A category page (its articles and those of its sub-categories). */
  async categoryPage(slug: string, page: number): Promise<ListingPageView | undefined> {
    const { chrome, tree } = await this.chrome();
    const category = [...tree.values()].find((c) => c.slug === slug);
    if (!category) return undefined;
    const url = categoryPath(category.slug);
    const chain = ancestry(category.id, tree);
    return this.listing(chrome, tree, { kind: 'category', categoryId: category.id }, page, {
      kind: 'category',
      title: category.name,
      description: category.description,
      url,
      breadcrumb: [{ name: 'Accueil', url: '/' }, ...chain.map((c) => ({ name: c.name, url: categoryPath(c.slug) }))],
      subcategories: [...tree.values()].filter((c) => c.parent_id === category.id).map((c) => ({ name: c.name, url: categoryPath(c.slug) })),
    });
  }

  /** A tag page. */
  async tagPage(slug: string, page: number): Promise<ListingPageView | undefined> {
    const [{ chrome, tree }, tag] = await Promise.all([this.chrome(), this.ctx.repos.taxonomy.findTagBySlug(slug)]);
    if (!tag) return undefined;
    const url = tagPath(tag.slug);
    return this.listing(chrome, tree, { kind: 'tag', tagId: tag.id }, page, {
      kind: 'tag',
      title: tag.name,
      description: `Tous les articles sur le thème « ${tag.name} ».`,
      url,
      breadcrumb: [{ name: 'Accueil', url: '/' }, { name: tag.name, url }],
      subcategories: [],
    });
  }

  /** An author page. */
  async authorPage(slug: string, page: number): Promise<ListingPageView | undefined> {
    const [{ chrome, tree }, user] = await Promise.all([this.chrome(), this.ctx.repos.users.findBySlug(slug)]);
    if (!user) return undefined;
    const url = authorPath(user.slug);
    return this.listing(chrome, tree, { kind: 'author', userId: user.id }, page, {
      kind: 'author',
      title: user.display_name,
      description: user.bio,
      url,
      breadcrumb: [{ name: 'Accueil', url: '/' }, { name: user.display_name, url }],
      subcategories: [],
    });
  }

  private async listing(
    chrome: ChromeView,
    tree: CategoryTree,
    scope: ListingScope,
    page: number,
    head: Pick<ListingPageView, 'kind' | 'title' | 'description' | 'url' | 'breadcrumb' | 'subcategories'>,
  ): Promise<ListingPageView | undefined> {
    if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) return undefined;
    const ids = await this.ctx.repos.articles.listPublishedIds(scope, { now: this.ctx.clock.now(), limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
    // Past the last page there is nothing to show: that page does not exist.
    if (page > 1 && ids.length === 0) return undefined;
    const articles = await this.cards(ids.slice(0, PAGE_SIZE), tree);
    return {
      chrome,
      ...head,
      page,
      previousUrl: page > 1 ? pagedPath(head.url, page - 1) : null,
      nextUrl: ids.length > PAGE_SIZE ? pagedPath(head.url, page + 1) : null,
      articles,
    };
  }

  /** The standalone page at /{slug}, if readers may see it. */
  async standalonePage(slug: string): Promise<StandalonePageView | undefined> {
    const now = this.ctx.clock.now();
    const [{ chrome }, row] = await Promise.all([this.chrome(), this.ctx.repos.pages.findBySlug(slug)]);
    if (!row || row.status !== 'published' || row.published_at === null || row.published_at > now) return undefined;
    const url = `/${row.slug}`;
    return {
      chrome,
      page: { title: row.title, url, bodyHtml: row.body_html, description: row.seo_description ?? row.excerpt, seoTitle: row.seo_title },
      breadcrumb: [{ name: 'Accueil', url: '/' }, { name: row.title, url }],
    };
  }

  /**
   * Where an imported post lives now, by its id in a source family (WordPress's `/?p=123`), if
   * readers may see it.
   */
  async importedPostPath(source: string, sourceId: string): Promise<string | undefined> {
    if (!/^\d{1,18}$/.test(sourceId)) return undefined;
    const mapped = await this.ctx.repos.importMap.findInFamily(source, 'post', sourceId);
    if (!mapped || mapped.local_id === null) return undefined;
    const now = this.ctx.clock.now();
    if (mapped.detail !== null && mapped.detail.includes('"page"')) {
      const page = await this.ctx.repos.pages.findById(mapped.local_id);
      return page && page.status === 'published' && page.published_at !== null && page.published_at <= now ? `/${page.slug}` : undefined;
    }
    const row = await this.ctx.repos.articles.findById(mapped.local_id);
    if (!row || row.status !== 'published' || row.published_at === null || row.published_at > now) return undefined;
    const [category] = await this.ctx.repos.articles.categoriesByIds([row.primary_category_id]);
    return category ? articlePath(category.slug, row.slug) : undefined;
  }

  /** Where an old path now lives, if it moved. */
  async redirectFor(path: string): Promise<{ location: string; status: number } | undefined> {
    const redirect = await this.ctx.repos.redirects.find(path);
    return redirect ? { location: redirect.to_path, status: redirect.status_code } : undefined;
  }

  /** The article readers may comment at /{categorySlug}/{slug}: its id and URL. */
  async commentTarget(categorySlug: string, slug: string): Promise<{ id: number; url: string } | undefined> {
    const row = await this.ctx.repos.articles.findBySlug(slug);
    if (!row || row.status !== 'published' || row.published_at === null || row.published_at > this.ctx.clock.now()) return undefined;
    const [category] = await this.ctx.repos.articles.categoriesByIds([row.primary_category_id]);
    if (!category || category.slug !== categorySlug) return undefined;
    return { id: row.id, url: articlePath(category.slug, row.slug) };
  }

  /** One comment as its writer sees it right after posting (approved, or held for them). */
  async commentForAuthor(id: number, commenterToken: string): Promise<CommentView | undefined> {
    const row = await this.ctx.repos.comments.findById(id);
    if (!row || row.erased_at !== null) return undefined;
    const mine = row.author_token_hash === commenterTokenHash(commenterToken);
    if (row.status !== 'approved' && !((row.status === 'pending' || row.status === 'spam') && mine)) return undefined;
    return { ...commentView(row), replies: [] };
  }

  /** Chrome alone, for error pages. */
  async chromeOnly(): Promise<ChromeView> {
    return (await this.chrome()).chrome;
  }
}

/** A colour for an initials avatar, from the name (the same name always gets the same colour). */
function avatarTone(name: string): number {
  let hash = 2166136261;
  for (const char of name) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619);
  return (hash >>> 0) % 8;
}

function commentView(row: CommentRow): Omit<CommentView, 'replies'> {
  const erased = row.erased_at !== null;
  return {
    id: row.id,
    parentId: row.parent_id,
    authorName: erased ? '' : row.author_name,
    authorUrl: !erased && /^https?:\/\//i.test(row.author_url) ? row.author_url : null,
    body: erased ? '' : row.body,
    createdAt: new Date(row.created_at),
    erased,
    held: row.status !== 'approved',
    byStaff: row.user_id !== null,
    avatarTone: avatarTone(row.author_name),
  };
}

