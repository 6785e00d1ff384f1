/** Site settings staff can change from the admin (administrators), kept small on purpose. */
import { canManageSettings, type Actor } from '../domain/policies.js';
import { DepecheError } from '../errors.js';
import type { ServiceContext } from './context.js';
import { enforce } from './enforce.js';

/** The settings of the admin's settings page. */
export interface SiteSettings {
  siteName: string;
  siteDescription: string;
}

const KEY = 'site';

/** Reads and changes site settings. */
export class SettingsService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The current settings (defaults from the configuration). */
  async get(actor: Actor): Promise<SiteSettings> {
    enforce(canManageSettings(actor));
    const stored = (await this.ctx.repos.settings.get<Partial<SiteSettings>>(KEY)) ?? {};
    return { siteName: stored.siteName ?? this.ctx.site.siteName, siteDescription: stored.siteDescription ?? '' };
  }

  /** Changes some settings and returns them all. */
  async update(actor: Actor, patch: Partial<SiteSettings>): Promise<SiteSettings> {
    const current = await this.get(actor);
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
    await this.ctx.repos.settings.set(KEY, next, this.ctx.clock.now());
    return next;
  }
}
