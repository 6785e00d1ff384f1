/** Site settings staff can change from the admin (administrators), kept small on purpose. */
import { SITE_TAG } from '../domain/cache-tags.js';
import { canManageSettings, type Actor } from '../domain/policies.js';
import { purgeTemplateProblem } from '../domain/purge-template.js';
import { DepecheError } from '../errors.js';
import type { Repositories } from '../storage/repositories/index.js';
import type { ServiceContext } from './context.js';
import { enforce } from './enforce.js';

/** The settings of the admin's settings page. */
export interface SiteSettings {
  siteName: string;
  siteDescription: string;
  /**
   * Called with the stale cache tags after each write, so a CDN can purge them: an http(s) URL
   * template with `{tags}` (every tag, comma-separated, in one call) or `{tag}` (one call per
   * tag); empty: no webhook. See README, "Caching".
   */
  purgeWebhookUrl: string;
}

const KEY = 'site';

/** Reads and changes site settings. */
export class SettingsService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The purge webhook template in force, or null (read by the purge webhook at each invalidation). */
  static async purgeTemplate(repos: Repositories): Promise<string | null> {
    const stored = await repos.settings.get<Partial<SiteSettings>>(KEY);
    const template = stored?.purgeWebhookUrl;
    return typeof template === 'string' && template !== '' ? template : null;
  }

  /** The current settings (defaults from the configuration). */
  async get(actor: Actor): Promise<SiteSettings> {
    enforce(canManageSettings(actor));
    return this.read(this.ctx.repos);
  }

  private async read(repos: Repositories): Promise<SiteSettings> {
    const stored = (await repos.settings.get<Partial<SiteSettings>>(KEY)) ?? {};
    return { siteName: stored.siteName ?? this.ctx.site.siteName, siteDescription: stored.siteDescription ?? '', purgeWebhookUrl: stored.purgeWebhookUrl ?? '' };
  }

  /** Changes some settings and returns them all. */
  async update(actor: Actor, patch: Partial<SiteSettings>): Promise<SiteSettings> {
    enforce(canManageSettings(actor));
    return this.ctx.repos.transaction(async (repos) => {
      const current = await this.read(repos);
      const next: SiteSettings = { ...current };
      if (patch.siteName !== undefined) {
        const name = patch.siteName.trim();
        if (name === '' || name.length > 120) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'le nom du site doit compter de 1 à 120 caractères' });
        next.siteName = name;
      }
      if (patch.siteDescription !== undefined) {
        if (patch.siteDescription.length > 500) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'la description du site compte 500 caractères au plus' });
        next.siteDescription = patch.siteDescription.trim();
      }
      if (patch.purgeWebhookUrl !== undefined) {
        const template = patch.purgeWebhookUrl.trim();
        const problem = template === '' ? undefined : purgeTemplateProblem(template);
        if (problem !== undefined) throw new DepecheError('DEPECHE_VALIDATION', { detail: problem });
        next.purgeWebhookUrl = template;
      }
      await repos.settings.set(KEY, next, this.ctx.clock.now());
      // What readers may see changed: every page shows the site's chrome. The webhook address alone does not.
      if (next.siteName !== current.siteName || next.siteDescription !== current.siteDescription) this.ctx.invalidator.afterCommit(repos, [SITE_TAG]);
      return next;
    });
  }
}
