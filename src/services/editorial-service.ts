/**
 * The newsroom's article use cases, for a logged-in actor: create and edit with the role's
 * permissions (policies.ts), correction notes, and the alt-text rule on live articles.
 * Writes go through ArticleService like every other writer's.
 */
import { missingAltDescription } from '../domain/alt-text.js';
import { isArticleStatus, type ArticleStatus } from '../domain/article.js';
import { validateDocument } from '../domain/document/validate-document.js';
import { canAddNote, canCreateArticle, canEditArticle, canSetAuthors, type Actor, type ArticleFacts } from '../domain/policies.js';
import { DepecheError } from '../errors.js';
import type { ArticleRow } from '../storage/schema.js';
import type { ArticleInput, ArticleService } from './article-service.js';
import type { ServiceContext } from './context.js';
import { enforce } from './enforce.js';

/** What staff may set on an article (status and dates move through the workflow only). */
export type StaffArticleInput = Omit<ArticleInput, 'status' | 'publishedAt' | 'contentUpdatedAt' | 'userId' | 'revisionNote' | 'translationGroup'>;

/** An article row with the facts policies need. */
export interface LoadedArticle {
  row: ArticleRow;
  facts: ArticleFacts;
}

/** Staff use cases on articles. */
export class EditorialService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly articles: ArticleService,
  ) {}

  /** An article and its policy facts, or 404. */
  async load(id: number): Promise<LoadedArticle> {
    const row = await this.ctx.repos.articles.findById(id);
    if (!row) throw new DepecheError('DEPECHE_NOT_FOUND');
    const bylines = await this.ctx.repos.articles.bylinesFor([id]);
    const status: ArticleStatus = isArticleStatus(row.status) ? row.status : 'draft';
    return { row, facts: { status, authorIds: bylines.map((b) => b.id) } };
  }

  /** Creates a draft signed by the actor unless they name other authors (editors only). */
  async create(actor: Actor, input: StaffArticleInput): Promise<number> {
    const authorIds = input.authorIds.length > 0 ? input.authorIds : [actor.id];
    enforce(canCreateArticle(actor, authorIds));
    return this.articles.createArticle({ ...input, authorIds, status: 'draft', publishedAt: null, userId: actor.id });
  }

  /** Changes an article's content; a revision is kept by ArticleService. */
  async update(actor: Actor, id: number, patch: Partial<StaffArticleInput>, revisionNote?: string): Promise<void> {
    const { row, facts } = await this.load(id);
    enforce(canEditArticle(actor, facts));
    if (patch.authorIds !== undefined) enforce(canSetAuthors(actor, patch.authorIds));
    if (facts.status === 'published' || facts.status === 'scheduled') {
      // A live article must keep alt text on every image: check what it would become.
      await this.assertAltText({
        body: patch.body ?? (JSON.parse(row.body) as unknown),
        featuredMediaId: patch.featuredMediaId !== undefined ? patch.featuredMediaId : row.featured_media_id,
        featuredAlt: patch.featuredAlt !== undefined ? patch.featuredAlt : row.featured_alt,
      });
    }
    const clean: Partial<ArticleInput> = { ...patch };
    for (const key of ['status', 'publishedAt', 'contentUpdatedAt', 'translationGroup'] as const) delete clean[key];
    await this.articles.updateArticle(id, { ...clean, userId: actor.id, ...(revisionNote ? { revisionNote } : {}) });
  }

  /**
   * Refuses (422, with what is missing) an article whose images lack alternative text:
   * the featured image (its own alt or the media library's) and every figure of the body.
   */
  async assertAltText(article: { body: unknown; featuredMediaId: number | null | undefined; featuredAlt: string | null | undefined }): Promise<void> {
    const doc = validateDocument(article.body);
    let featuredAlt: string | undefined;
    if (article.featuredMediaId != null) {
      const [media] = await this.ctx.repos.media.findByIds([article.featuredMediaId]);
      featuredAlt = (article.featuredAlt ?? '').trim() !== '' ? (article.featuredAlt ?? '') : (media?.alt ?? '');
    }
    const missing = missingAltDescription(doc, featuredAlt);
    if (missing !== null) throw new DepecheError('DEPECHE_ALT_TEXT_MISSING', { detail: missing });
  }

  /** Adds a public "Correction :" or "Mise à jour :" note to a published article. */
  async addNote(actor: Actor, id: number, kind: 'correction' | 'update', text: string): Promise<void> {
    const { facts } = await this.load(id);
    enforce(canAddNote(actor, facts));
    if (facts.status !== 'published') throw new DepecheError('DEPECHE_VALIDATION', { detail: 'une correction ou une mise à jour ne s’ajoute qu’à un article publié' });
    await this.articles.addNote(id, { kind, text, userId: actor.id });
  }
}
