/** Revisions of articles: the list, one revision, a readable diff between two, and restore. */
import type * as Diff from 'diff';
import { lazyModule } from '../lazy-module.js';

/** Loaded on the first revision comparison. */
const loadDiff = lazyModule<typeof Diff>('diff');
import { documentText } from '../domain/document/render-document.js';
import { validateDocument } from '../domain/document/validate-document.js';
import { canEditArticle, canViewArticle, type Actor } from '../domain/policies.js';
import { DepecheError } from '../errors.js';
import type { RevisionRow } from '../storage/schema.js';
import type { ServiceContext } from './context.js';
import type { EditorialService } from './editorial-service.js';
import { enforce } from './enforce.js';

/** A revision in the list. */
export interface RevisionSummary {
  id: number;
  createdAt: number;
  userName: string | null;
  note: string;
}

/** One piece of a text diff. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** What changed between two revisions. */
export interface RevisionDiff {
  changes: Array<{ field: 'title' | 'dek'; before: string; after: string }>;
  bodyDiff: DiffPart[];
}

function bodyText(body: string): string {
  try {
    return documentText(validateDocument(JSON.parse(body) as unknown));
  } catch {
    // An old revision that no longer validates still shows its words.
    return '';
  }
}

/** Reads and restores revisions. */
export class RevisionService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly editorial: EditorialService,
  ) {}

  /** Replaces an article's revisions with a saved history (restores of backups; no actor). */
  async replaceHistory(articleId: number, history: ReadonlyArray<{ title: string; dek: string; body: string; note: string; userId: number | null; createdAt: number }>): Promise<void> {
    await this.ctx.repos.transaction(async (repos) => {
      await repos.revisions.deleteFor(articleId);
      for (const r of history) await repos.revisions.insert({ article_id: articleId, user_id: r.userId, title: r.title, dek: r.dek, body: r.body, note: r.note, created_at: r.createdAt });
    });
  }

  /** The revisions of an article, newest first. */
  async list(actor: Actor, articleId: number): Promise<RevisionSummary[]> {
    const { facts } = await this.editorial.load(articleId);
    enforce(canViewArticle(actor, facts));
    return (await this.ctx.repos.revisions.listWithUsers(articleId)).map((r) => ({ id: r.id, createdAt: r.created_at, userName: r.user_name, note: r.note }));
  }

  /** One revision. */
  async get(actor: Actor, articleId: number, revisionId: number): Promise<RevisionRow> {
    const { facts } = await this.editorial.load(articleId);
    enforce(canViewArticle(actor, facts));
    const revision = await this.ctx.repos.revisions.find(articleId, revisionId);
    if (!revision) throw new DepecheError('DEPECHE_NOT_FOUND');
    return revision;
  }

  /** A word-level diff of title, dek and body text from one revision to another. */
  async diff(actor: Actor, articleId: number, fromId: number, toId: number): Promise<RevisionDiff> {
    const [from, to] = [await this.get(actor, articleId, fromId), await this.get(actor, articleId, toId)];
    const changes: RevisionDiff['changes'] = [];
    if (from.title !== to.title) changes.push({ field: 'title', before: from.title, after: to.title });
    if (from.dek !== to.dek) changes.push({ field: 'dek', before: from.dek, after: to.dek });
    const bodyDiff = loadDiff().diffWordsWithSpace(bodyText(from.body), bodyText(to.body)).map((part) => ({
      op: part.added ? ('insert' as const) : part.removed ? ('delete' as const) : ('equal' as const),
      text: part.value,
    }));
    return { changes, bodyDiff };
  }

  /** Makes an old revision the current content (itself a new revision). */
  async restore(actor: Actor, articleId: number, revisionId: number): Promise<void> {
    const { facts } = await this.editorial.load(articleId);
    enforce(canEditArticle(actor, facts));
    const revision = await this.get(actor, articleId, revisionId);
    const when = new Date(revision.created_at).toISOString();
    await this.editorial.update(actor, articleId, { title: revision.title, dek: revision.dek, body: JSON.parse(revision.body) as unknown }, `Restauration de la révision n° ${revision.id} (${when})`);
  }
}
