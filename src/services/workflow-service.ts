/**
 * Moving articles through the workflow (workflow.ts says which moves exist, policies.ts who
 * may make them), the trash, and the scheduler's publication of due articles. The schedule
 * lives in the database: any number of processes may run `publishDue`, each article is
 * published by exactly one of them (the conditional update in ArticleService.changeStatus);
 * on PostgreSQL an advisory lock also keeps each pass to one process at a time.
 */
import type { ArticleStatus } from '../domain/article.js';
import { canRestoreArticle, canTransition, canTrashArticle, type Actor } from '../domain/policies.js';
import { articlePath, categoryPath } from '../domain/urls.js';
import { checkTransition, publicationTimeAfter, STATUS_LABELS_FR, type TransitionTarget } from '../domain/workflow.js';
import { DepecheError } from '../errors.js';
import type { ArticleService } from './article-service.js';
import type { ServiceContext } from './context.js';
import type { EditorialService } from './editorial-service.js';
import { enforce } from './enforce.js';

/** How many due articles one scheduler pass publishes at most (the next pass takes the rest). */
const DUE_BATCH = 100;

function illegal(from: ArticleStatus, to: ArticleStatus, detail: string): DepecheError {
  return new DepecheError('DEPECHE_ILLEGAL_TRANSITION', { from: STATUS_LABELS_FR[from], to: STATUS_LABELS_FR[to], detail });
}

/** Workflow transitions, trash and scheduled publication. */
export class WorkflowService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly articles: ArticleService,
    private readonly editorial: EditorialService,
  ) {}

  /** Moves an article to `to` (`at`: the instant of a schedule). */
  async transition(actor: Actor, id: number, to: TransitionTarget, at?: number): Promise<void> {
    const { row, facts } = await this.editorial.load(id);
    const from = facts.status;
    const check = checkTransition(from, to);
    if (!check.ok) throw illegal(from, to, check.reason);
    enforce(canTransition(actor, facts, to));
    const now = this.ctx.clock.now();
    if (to === 'scheduled') {
      if (at === undefined || !Number.isFinite(at)) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'indiquez la date et l’heure de publication programmée' });
      if (at <= now) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'la date de publication programmée doit être dans le futur' });
    }
    if (to === 'published' || to === 'scheduled') {
      await this.editorial.assertAltText({ body: JSON.parse(row.body) as unknown, featuredMediaId: row.featured_media_id, featuredAlt: row.featured_alt });
    }
    const publishedAt = publicationTimeAfter(to, row.published_at, now, at);
    const moved = await this.articles.changeStatus(id, { from, to, publishedAt, userId: actor.id, previousPublishedAt: row.published_at });
    if (!moved) throw illegal(from, to, 'l’article vient d’être modifié par quelqu’un d’autre ; rechargez-le.');
  }

  /** Moves an article to the trash; its URL then redirects (301) to its category. */
  async trash(actor: Actor, id: number): Promise<void> {
    const { row, facts } = await this.editorial.load(id);
    if (facts.status === 'trash') return;
    enforce(canTrashArticle(actor, facts));
    const paths = await this.paths(row.primary_category_id, row.slug);
    const moved = await this.articles.changeStatus(id, { from: facts.status, to: 'trash', publishedAt: row.published_at, userId: actor.id }, async (repos) => {
      if (paths) await repos.redirects.moved(paths.article, paths.category, this.ctx.clock.now());
    });
    if (!moved) throw illegal(facts.status, 'trash', 'l’article vient d’être modifié par quelqu’un d’autre ; rechargez-le.');
  }

  /** Takes an article out of the trash, as a draft; its URL stops redirecting. */
  async restore(actor: Actor, id: number): Promise<void> {
    const { row, facts } = await this.editorial.load(id);
    enforce(canRestoreArticle(actor, facts));
    if (facts.status !== 'trash') throw illegal(facts.status, 'draft', 'seul un article de la corbeille peut être restauré.');
    const paths = await this.paths(row.primary_category_id, row.slug);
    const publishedAt = publicationTimeAfter('draft', row.published_at, this.ctx.clock.now());
    await this.articles.changeStatus(id, { from: 'trash', to: 'draft', publishedAt, userId: actor.id }, async (repos) => {
      if (paths) await repos.redirects.remove(paths.article);
    });
  }

  private async paths(categoryId: number, slug: string): Promise<{ article: string; category: string } | undefined> {
    const category = (await this.ctx.repos.taxonomy.allCategories()).find((c) => c.id === categoryId);
    return category ? { article: articlePath(category.slug, slug), category: categoryPath(category.slug) } : undefined;
  }

  /**
   * Publishes the scheduled articles whose time has come; returns the ids this call published.
   * Safe to run concurrently from several processes: each claim is a conditional update, the
   * guarantee that an article is published once. On PostgreSQL a database lock also keeps a
   * pass to one node at a time (the others skip their turn), so N nodes do not all race for
   * the same rows every few seconds.
   */
  async publishDue(): Promise<number[]> {
    const pass = await this.ctx.repos.locks.runAlone('scheduler', () => this.publishDueNow());
    return pass.ran ? pass.value : [];
  }

  private async publishDueNow(): Promise<number[]> {
    const now = this.ctx.clock.now();
    const due = await this.ctx.repos.articleAdmin.dueScheduled(now, DUE_BATCH);
    const published: number[] = [];
    for (const article of due) {
      const mine = await this.articles.changeStatus(article.id, { from: 'scheduled', to: 'published', publishedAt: article.published_at, userId: null, dueBy: now });
      if (mine) published.push(article.id);
    }
    return published;
  }
}
