/** Editors' pins and exclusions of "Vous aimerez aussi", behind the staff policy. */
import { canCurateRelated, type Actor } from '../../domain/policies.js';
import type { RelatedOverride } from '../../storage/repositories/related-repository.js';
import { enforce } from '../enforce.js';
import type { RelatedService } from './related-service.js';

/** What an editor may do to an article's related list. */
export class RelatedCurationService {
  constructor(private readonly related: RelatedService) {}

  /** The pins and exclusions of an article. */
  async overrides(actor: Actor, articleId: number): Promise<RelatedOverride[]> {
    enforce(canCurateRelated(actor));
    return this.related.overrides(articleId);
  }

  /** Pins `relatedId` under `articleId` at a position, or excludes it. */
  async set(actor: Actor, articleId: number, relatedId: number, choice: { kind: 'pin' | 'exclude'; position?: number }): Promise<void> {
    enforce(canCurateRelated(actor));
    if (choice.kind === 'pin') await this.related.pin(articleId, relatedId, choice.position ?? 0);
    else await this.related.exclude(articleId, relatedId);
  }

  /** Forgets the editor's choice for that pair. */
  async clear(actor: Actor, articleId: number, relatedId: number): Promise<void> {
    enforce(canCurateRelated(actor));
    await this.related.clearOverride(articleId, relatedId);
  }
}
